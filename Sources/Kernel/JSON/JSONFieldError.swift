/// A JSON input that has the right syntax but not the right shape: the field, by its path from
/// the top of the document (`pool.ticks[3]`), and what is wrong with it.
public struct JSONFieldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field's path, e.g. `pool.reserve0`; empty for the document itself.
    public var field: String
    /// What is wrong, e.g. `missing` or `expected a boolean`.
    public var message: String

    /// Creates an error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, or the message alone for the document itself.
    public var description: String {
        field.isEmpty ? message : field + ": " + message
    }
}
