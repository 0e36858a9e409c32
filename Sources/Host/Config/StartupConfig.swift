import ArgumentParser

/// Loads the DEX config for a command, or prints every error (one per line, on standard error)
/// and stops with exit code 1: a command never starts on a config with errors. The enabled
/// plugins' start-up warnings go to standard error, one line each.
func loadConfig(path: String) throws -> LoadedConfig {
    do {
        let loaded = try ConfigLoader().load(path: path)
        for dex in loaded.dexes where dex.entry.enabled {
            for warning in dex.plugin.startupWarnings { printToStandardError("warning: " + warning) }
        }
        return loaded
    } catch {
        for line in error.errors { printToStandardError(line.description) }
        throw ExitCode(1)
    }
}
