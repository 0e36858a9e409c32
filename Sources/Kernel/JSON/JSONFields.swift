/// The members of one JSON object read by name, each error naming the field by its full path
/// (`pool.reserve0: missing`). Pool snapshot entries and quote requests are read this way, by
/// the plugin whose pools they describe.
public struct JSONFields: Sendable {
    /// The object.
    public let object: JSONObject
    /// The object's own path (`pool`, `pools[3]`), empty for a whole document.
    public let path: String

    /// Fields of `object`, which stands at `path`.
    public init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// The path of member `key`.
    public func place(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// Whether the object has a member `key` that is not `null`.
    public func has(_ key: String) -> Bool {
        if let value = object[key], value != .null { return true }
        return false
    }

    /// Member `key`, or `key: missing`.
    public func value(_ key: String) throws(JSONFieldError) -> JSONValue {
        guard let value = object[key] else { throw JSONFieldError(field: place(key), message: "missing") }
        return value
    }

    /// Member `key` read by `read`; `key: missing` when it is absent.
    public func read<Value>(_ key: String, _ read: JSONRead<Value>) throws(JSONFieldError) -> Value {
        try read.read(try value(key), place(key))
    }

    /// Member `key` read by `read`, or nil when it is absent or `null`.
    public func optional<Value>(_ key: String, _ read: JSONRead<Value>) throws(JSONFieldError) -> Value? {
        guard has(key), let value = object[key] else { return nil }
        return try read.read(value, place(key))
    }
}
