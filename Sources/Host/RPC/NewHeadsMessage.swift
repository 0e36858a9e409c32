import Kernel

/// A message of a `newHeads` subscription's WebSocket, read: the answer to `eth_subscribe`, a
/// notification of a new head, or something malformed (counted and skipped by the reader).
enum NewHeadsMessage: Equatable {
    /// The id the request to subscribe used.
    static let subscribeID = 1

    /// `eth_subscribe` answered with this subscription id.
    case subscribed(String)
    /// `eth_subscribe` answered with an error.
    case refused(RPCError)
    /// A new head of subscription `subscription`.
    case head(subscription: String, BlockHeader)
    /// Not JSON, or not the shape of either; the reason names the field.
    case malformed(String)

    /// The request that subscribes.
    static var subscribeRequest: String {
        JSONValue.object(JSONObject([
            .init("jsonrpc", .string("2.0")), .init("id", .integer(subscribeID)),
            .init("method", .string("eth_subscribe")), .init("params", .array([.string("newHeads")])),
        ])).rendered
    }

    /// Reads one text message.
    init(_ text: some Collection<UInt8>) {
        do throws(JSONFieldError) {
            let document: JSONValue
            do {
                document = try JSONValue.parse(text)
            } catch {
                throw JSONFieldError(field: "", message: "not JSON (\(error))")
            }
            let fields = try document.fields(at: "")
            if fields.has("id") {
                self = try Self.answer(fields)
            } else {
                let params = try fields.read("params", .object)
                self = .head(subscription: try params.read("subscription", .string), try params.read("result", .blockHeader))
            }
        } catch {
            self = .malformed(error.description)
        }
    }

    /// The answer to `eth_subscribe`.
    private static func answer(_ fields: JSONFields) throws(JSONFieldError) -> Self {
        if fields.has("error") { return .refused(try JSONRPCMessage.error(fields, method: "eth_subscribe")) }
        return .subscribed(try fields.read("result", .string))
    }
}
