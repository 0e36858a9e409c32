import Foundation
import Kernel
import Yams

/// Loads `dex.yaml`: reads the file, parses the YAML, checks every field and the whole file, and
/// builds each entry's plugin. Any error stops the load, and all errors found are reported
/// together, each naming the file, the entry and the field.
public struct ConfigLoader {
    /// The plugin families entries may name.
    let registry: PluginRegistry

    /// A loader for the families in `registry`.
    public init(registry: PluginRegistry = .production) {
        self.registry = registry
    }

    /// Loads the file at `path`; errors name it as given.
    public func load(path: String) throws(ConfigErrors) -> LoadedConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigErrors(errors: [ConfigError(file: path, place: "", field: "", message: "cannot read the file (\(error.localizedDescription))")])
        }
        return try load(yaml: text, file: path)
    }

    /// Loads YAML text; errors name `file`.
    func load(yaml: String, file: String) throws(ConfigErrors) -> LoadedConfig {
        let document: Node?
        do {
            document = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigErrors(errors: [Self.syntaxError(error, file: file)])
        }
        guard let root = document else {
            throw ConfigErrors(errors: [ConfigError(file: file, place: "", field: "", message: "empty document")])
        }

        var decoder = DEXConfigDecoder(file: file)
        let draft = decoder.decode(root)
        var errors = decoder.errors + DEXConfigValidator(file: file, registry: registry).errors(in: draft)

        var dexes: [LoadedDEX] = []
        for entryDraft in draft.dexes {
            // Only entries that passed every check above reach their plugin.
            guard let entry = entryDraft.entry, let type = registry.plugin(named: entry.plugin),
                  entry.routers.allSatisfy({ type.routerKinds.contains($0.kind) }) else { continue }
            do {
                dexes.append(LoadedDEX(entry: entry, plugin: try type.init(entry: entry)))
            } catch {
                errors.append(ConfigError(file: file, place: entryDraft.place.entry, field: error.field, message: error.message))
            }
        }

        var aggregators: [LoadedAggregator] = []
        for entryDraft in draft.aggregators {
            guard let entry = entryDraft.entry, let type = registry.aggregator(named: entry.plugin),
                  entry.routers.allSatisfy({ type.routerKinds.contains($0.kind) }) else { continue }
            do {
                aggregators.append(LoadedAggregator(entry: entry, plugin: try type.init(entry: entry)))
            } catch {
                errors.append(ConfigError(file: file, place: entryDraft.place.entry, field: error.field, message: error.message))
            }
        }

        guard errors.isEmpty, let chainId = draft.chainId, let engine = draft.engine,
              let rpc = draft.rpc, let sync = draft.sync, let service = draft.service, let execution = draft.execution else {
            throw ConfigErrors(errors: errors)
        }
        let tokens = draft.tokens.compactMap { token -> DEXConfig.Token? in
            guard let symbol = token.symbol, let address = token.address, let decimals = token.decimals else { return nil }
            return DEXConfig.Token(symbol: symbol, address: address, decimals: decimals)
        }
        return LoadedConfig(config: DEXConfig(chainId: chainId, tokens: tokens, dexes: dexes.map(\.entry)), dexes: dexes, aggregators: aggregators, engine: engine,
                            rpc: rpc, sync: sync, service: service, execution: execution)
    }

    /// A Yams parse error as one `ConfigError` at its line and column.
    private static func syntaxError(_ error: any Error, file: String) -> ConfigError {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigError(file: file, place: "line \(mark.line), column \(mark.column)", field: "", message: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(file: file, place: "line \(context.mark.line), column \(context.mark.column)", field: "",
                               message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigError(file: file, place: "", field: "", message: "not YAML (\(error))")
        }
    }
}
