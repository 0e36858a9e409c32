import Kernel

/// The JSON-RPC 2.0 envelope: requests written, answers read and matched to them by id. A batch
/// of `n` requests uses ids `0..<n` (ids only need to be unique within one exchange); a single
/// request is not wrapped in an array.
enum JSONRPCMessage {
    /// The request text of `method` for each parameter list, as one request or as a batch.
    static func requestText(method: String, params: [[JSONValue]], batch: Bool) -> String {
        let requests = params.enumerated().map { index, params in
            JSONValue.object(JSONObject([
                .init("jsonrpc", .string("2.0")), .init("id", .integer(index)),
                .init("method", .string(method)), .init("params", .array(params)),
            ]))
        }
        return batch ? JSONValue.array(requests).rendered : requests.first?.rendered ?? "[]"
    }

    /// The answers in request order, each the `result` or the error object it carried. Throws
    /// `malformed` for an answer that is not JSON-RPC, or when an id is missing, repeated or
    /// unknown; a batch refused whole (one error object) fails every request with its error.
    static func answers(_ text: [UInt8], method: String, count: Int, batch: Bool) throws(RPCError) -> [Result<JSONValue, RPCError>] {
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw RPCError.malformed(method: method, field: "", detail: "not JSON (\(error))")
        }
        do {
            if batch, case .array(let elements) = document {
                return try matched(elements, method: method, count: count)
            }
            let fields = try document.fields(at: "")
            if batch || count != 1 {
                // A node refusing the whole batch answers one error object.
                let error = try self.error(fields, method: method)
                return Array(repeating: .failure(error), count: count)
            }
            return [try outcome(fields, method: method)]
        } catch {
            throw RPCError.malformed(method: method, field: error.field, detail: error.message)
        }
    }

    /// A batch's answers ordered by id.
    private static func matched(_ elements: [JSONValue], method: String, count: Int) throws(JSONFieldError) -> [Result<JSONValue, RPCError>] {
        var answers = [Result<JSONValue, RPCError>?](repeating: nil, count: count)
        for (index, element) in elements.enumerated() {
            let fields = try element.fields(at: "[\(index)]")
            let id = try fields.read("id", .integer(Int.self))
            guard answers.indices.contains(id) else { throw JSONFieldError(field: fields.place("id"), message: "no request has id \(id)") }
            guard answers[id] == nil else { throw JSONFieldError(field: fields.place("id"), message: "a second answer to id \(id)") }
            answers[id] = try outcome(fields, method: method)
        }
        return try answers.enumerated().map { (index, answer) throws(JSONFieldError) in
            guard let answer else { throw JSONFieldError(field: "[id \(index)]", message: "no answer to request \(index)") }
            return answer
        }
    }

    /// One answer object's result, or its error.
    private static func outcome(_ fields: JSONFields, method: String) throws(JSONFieldError) -> Result<JSONValue, RPCError> {
        if fields.has("error") { return .failure(try error(fields, method: method)) }
        return .success(try fields.value("result"))
    }

    /// The error object of an answer: `reverted` for an `eth_call` that reverted (code 3, or a
    /// message about a revert), `node` otherwise.
    static func error(_ fields: JSONFields, method: String) throws(JSONFieldError) -> RPCError {
        let error = try fields.read("error", .object)
        let code = try error.read("code", .integer(Int64.self))
        let message = try error.read("message", .string)
        if method == "eth_call", code == 3 || message.lowercased().contains("revert") {
            // The revert data, when the node gives it as hex (some give none, or text).
            let data = (try? error.optional("data", .hexData)) ?? nil
            return .reverted(method: method, data: data ?? [])
        }
        return .node(method: method, code: code, message: String(message.prefix(500)))
    }
}
