import Kernel

/// The work of `mevbot quote` on one line, apart from I/O so tests drive it directly: a request
/// JSON object in, exactly one JSON line out — the swap's result or `{"error":{"kind","message"}}`.
///
/// The line's `pool.plugin` names the family; that plugin reads the pool and the swap (its
/// `quote(_:)`) from the fields it documents. Error kinds: `revert` (the contract would revert;
/// its reason as the message), `invalidState` (a state no pool can hold, or math the pool
/// refuses), `malformedInput` (the line itself).
struct QuoteLineHandler {
    /// The families whose pools can be quoted.
    let registry: PluginRegistry

    /// A handler for the families of `registry` (by default, those of the `mevbot` binary).
    init(registry: PluginRegistry = .production) {
        self.registry = registry
    }

    /// The output line for one input line.
    func answer(line: String) -> String {
        do {
            return try response(line).rendered
        } catch {
            return Self.error(for: error).rendered
        }
    }

    /// The response object for a line, or why there is none.
    private func response(_ line: String) throws(PoolEntryError) -> JSONObject {
        let request = try PoolEntryError.reading { () throws(JSONFieldError) in
            let document: JSONValue
            do { document = try JSONValue.parse(line: line) } catch { throw JSONFieldError(field: "", message: "not a JSON object") }
            return try document.fields(at: "")
        }
        let name = try PoolEntryError.reading { () throws(JSONFieldError) in try request.read("pool", .object).read("plugin", .string) }
        guard let plugin = registry.plugin(named: name) else {
            throw .field(JSONFieldError(field: "pool.plugin", message: "unknown plugin \"\(name)\" (\(registry.names.joined(separator: ", ")))"))
        }
        return try plugin.quote(request)
    }

    /// The error object for a refused line.
    static func error(for error: PoolEntryError) -> JSONObject {
        switch error {
        case .field(let field): Self.error(kind: "malformedInput", message: field.description)
        case .pool(.revert(let reason)): Self.error(kind: "revert", message: reason)
        case .pool(.invalidState(let detail)): Self.error(kind: "invalidState", message: detail)
        case .pool(.malformed(let decoding)): Self.error(kind: "malformedInput", message: decoding.description)
        }
    }

    /// `{"error":{"kind","message"}}`.
    static func error(kind: String, message: String) -> JSONObject {
        var inner = JSONObject()
        inner.append("kind", string: kind)
        inner.append("message", string: message)
        var outer = JSONObject()
        outer.append("error", .object(inner))
        return outer
    }
}
