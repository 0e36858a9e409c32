import Kernel
import Yams

/// Reads typed values out of a composed YAML document. Every value that is missing, of the
/// wrong shape or malformed adds a `ConfigError` and reads as nil, so one pass over a file reports
/// everything wrong with it.
struct ConfigFieldReader {
    /// The file name the errors carry.
    let file: String
    /// What has been found wrong so far.
    private(set) var errors: [ConfigError] = []

    /// A reader for `file`.
    init(file: String) {
        self.file = file
    }

    /// Records an error at `place`.
    mutating func fail(_ place: ConfigPlace, _ message: String) {
        errors.append(ConfigError(file: file, place: place.entry, field: place.field, message: message))
    }

    /// The values of a mapping by key. Keys outside `allowed` are refused by name; keys in
    /// `required` that are absent (or null) are reported missing.
    mutating func fields(_ node: Node, at place: ConfigPlace, allowed: [String], required: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            fail(place, "expected a mapping, got \(Self.shape(of: node))")
            return nil
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                fail(place, "expected text keys, got \(Self.shape(of: keyNode))")
                continue
            }
            if allowed.contains(key) {
                values[key] = value
            } else {
                fail(place.key(key), "unknown key (expected one of \(allowed.joined(separator: ", ")))")
            }
        }
        for key in required where values[key].map(Self.isNull) ?? true {
            fail(place.key(key), "missing")
        }
        return values
    }

    /// The elements of a list; an absent or null value is the empty list.
    mutating func list(_ node: Node?, at place: ConfigPlace) -> [Node]? {
        guard let node, !Self.isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            fail(place, "expected a list, got \(Self.shape(of: node))")
            return nil
        }
        return Array(sequence)
    }

    /// Non-empty text; nil without an error when the value is absent (reported by `fields`).
    mutating func text(_ node: Node?, at place: ConfigPlace) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let text = node.scalar?.string else {
            fail(place, "expected text, got \(Self.shape(of: node))")
            return nil
        }
        guard !text.isEmpty else {
            fail(place, "empty")
            return nil
        }
        return text
    }

    /// `true` or `false`, nothing else.
    mutating func bool(_ node: Node?, at place: ConfigPlace) -> Bool? {
        guard let text = text(node, at: place) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            fail(place, "expected true or false, got \"\(text)\"")
            return nil
        }
    }

    /// A whole number in decimal digits within `range`.
    mutating func integer<T: FixedWidthInteger & UnsignedInteger>(
        _ node: Node?, at place: ConfigPlace, in range: ClosedRange<T>, unit: String = ""
    ) -> T? {
        guard let text = text(node, at: place) else { return nil }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            fail(place, "expected a whole number, got \"\(text)\"")
            return nil
        }
        guard let value = T(text), range.contains(value) else {
            fail(place, "\(text) is out of range \(range.lowerBound)...\(range.upperBound)\(unit)")
            return nil
        }
        return value
    }

    /// A whole number below 2^256 in decimal digits (a string in YAML, so that no tool reads it
    /// as a float).
    mutating func amount(_ node: Node?, at place: ConfigPlace) -> UInt256? {
        guard let text = text(node, at: place) else { return nil }
        guard let value = UInt256(decimal: text) else {
            fail(place, "expected a whole number below 2^256 in decimal digits, got \"\(text)\"")
            return nil
        }
        return value
    }

    /// A mapping's entries in file order, keys as text; an absent or null value is empty.
    mutating func pairs(_ node: Node?, at place: ConfigPlace) -> [(key: String, value: Node)]? {
        guard let node, !Self.isNull(node) else { return [] }
        guard case .mapping(let mapping) = node else {
            fail(place, "expected a mapping, got \(Self.shape(of: node))")
            return nil
        }
        var pairs: [(key: String, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                fail(place, "expected text keys, got \(Self.shape(of: keyNode))")
                continue
            }
            pairs.append((key, value))
        }
        return pairs
    }

    /// A non-zero address: `0x` and 40 hex digits, all lower-case, all upper-case or EIP-55.
    mutating func address(_ node: Node?, at place: ConfigPlace) -> Address? {
        guard let text = text(node, at: place) else { return nil }
        switch ConfigValue.address(text) {
        case .success(let address): return address
        case .failure(let problem):
            fail(place, problem.message)
            return nil
        }
    }

    /// A non-zero 32-byte hash: `0x` and 64 hex digits.
    mutating func hash(_ node: Node?, at place: ConfigPlace) -> Hash32? {
        guard let text = text(node, at: place) else { return nil }
        switch ConfigValue.hash(text) {
        case .success(let hash): return hash
        case .failure(let problem):
            fail(place, problem.message)
            return nil
        }
    }

    /// Whether a value is YAML's null (`~`, `null` or nothing).
    static func isNull(_ node: Node) -> Bool {
        node.scalar != nil && node.tag.rawValue == Tag.Name.null.rawValue
    }

    /// What a node is, for messages.
    static func shape(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .alias: "an alias"
        }
    }
}
