import ArgumentParser

/// Loads the DEX config for a command, or prints every error (one per line, on standard error)
/// and stops with exit code 1: a command never starts on a config with errors.
func loadConfig(path: String) throws -> LoadedConfig {
    do {
        return try ConfigLoader().load(path: path)
    } catch {
        for line in error.errors { printToStandardError(line.description) }
        throw ExitCode(1)
    }
}
