/// A JSON document as a tree, for inputs read whole and rarely: pool snapshot entries, quote
/// requests, configuration-like lines. Numbers keep their literal text, so that no amount passes
/// through a floating-point number; objects keep their members in order, so that what is written
/// back reads in a stable, documented order.
///
/// The feed's hot path never builds one: it walks frames in place with the scanner.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its literal text (validated JSON number grammar).
    case number(String)
    /// A string, escapes resolved.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object(JSONObject)

    /// A JSON number for an integer.
    public static func integer(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }
}

/// A JSON object: its members in the order written. Lookups are linear, which is what objects
/// of a few dozen members want.
public struct JSONObject: Sendable, Equatable {
    /// One `"key": value` member.
    public struct Member: Sendable, Equatable {
        /// The key, escapes resolved.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// Creates a member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order; a key written twice appears twice and `subscript` finds the first.
    public private(set) var members: [Member]

    /// An object of `members`.
    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// Appends `"key": value`.
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key, value))
    }

    /// Appends `"key": "value"`.
    public mutating func append(_ key: String, string value: String) {
        members.append(Member(key, .string(value)))
    }

    /// Appends the members of `other` after these.
    public mutating func append(contentsOf other: JSONObject) {
        members += other.members
    }
}
