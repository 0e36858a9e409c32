/// One thing wrong with a config file, placed so a person can find it:
/// `config/dex.yaml: dexes[3] (camelot-v2): routers[0].address: bad EIP-55 checksum "0x…"`.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    var file: String
    /// Where in the file: an entry such as `dexes[3] (camelot-v2)` or `tokens[0] (WETH)`, a
    /// `line L, column C` for YAML syntax, or empty for the top level.
    var place: String
    /// The field relative to `place`, such as `routers[0].address`; empty where none applies.
    var field: String
    /// What is wrong.
    var message: String

    /// `file: place: field: message`, leaving out the empty parts.
    public var description: String {
        [file, place, field, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}

/// Every error found in a config file, in the order they were found; start-up stops on any.
public struct ConfigErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// The errors, at least one.
    var errors: [ConfigError]

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
