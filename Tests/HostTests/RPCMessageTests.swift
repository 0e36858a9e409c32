import Foundation
@testable import Host
import Kernel
import Testing

/// The JSON-RPC envelope, the hex encodings and the header and log shapes, read from answer
/// texts: matching by id, and every malformed field named by its path.
@Suite struct RPCMessageTests {
    static let hash = "0x" + String(repeating: "ab", count: 32)
    static let header = #"{"number":"0x1b4","hash":"\#(hash)","parentHash":"\#(hash)","timestamp":"0x6553f100"}"#

    static func answers(_ text: String, method: String = "eth_getBlockByNumber", count: Int, batch: Bool = true) throws(RPCError) -> [Result<JSONValue, RPCError>] {
        try JSONRPCMessage.answers(Array(text.utf8), method: method, count: count, batch: batch)
    }

    static func read<Value>(_ text: String, _ read: JSONRead<Value>) throws(JSONFieldError) -> Value {
        do {
            return try read.read(try JSONValue.parse(line: text), "result")
        } catch let error as JSONFieldError {
            throw error
        } catch {
            throw JSONFieldError(field: "", message: "not JSON")
        }
    }

    @Test func requestsAreJSONRPC() {
        #expect(JSONRPCMessage.requestText(method: "eth_blockNumber", params: [[]], batch: false)
                == #"{"jsonrpc":"2.0","id":0,"method":"eth_blockNumber","params":[]}"#)
        #expect(JSONRPCMessage.requestText(method: "eth_getBlockByNumber", params: [[.hexQuantity(255), .bool(false)], [.hexQuantity(0), .bool(false)]], batch: true)
                == #"[{"jsonrpc":"2.0","id":0,"method":"eth_getBlockByNumber","params":["0xff",false]},{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x0",false]}]"#)
    }

    @Test func batchAnswersAreMatchedByIDInAnyOrder() throws {
        let answers = try Self.answers(#"[{"jsonrpc":"2.0","id":2,"result":"0x2"},{"jsonrpc":"2.0","id":0,"result":null},{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"header not found"}}]"#, count: 3)
        #expect(answers.count == 3)
        #expect(try answers[0].get() == .null)
        #expect(try answers[2].get() == .string("0x2"))
        #expect(throws: RPCError.node(method: "eth_getBlockByNumber", code: -32000, message: "header not found")) { try answers[1].get() }
    }

    @Test func aMissingRepeatedOrUnknownAnswerIsMalformed() {
        #expect(throws: RPCError.malformed(method: "eth_getBlockByNumber", field: "[id 1]", detail: "no answer to request 1")) {
            try Self.answers(#"[{"jsonrpc":"2.0","id":0,"result":null}]"#, count: 2)
        }
        #expect(throws: RPCError.malformed(method: "eth_getBlockByNumber", field: "[1].id", detail: "a second answer to id 0")) {
            try Self.answers(#"[{"id":0,"result":null},{"id":0,"result":null}]"#, count: 2)
        }
        #expect(throws: RPCError.malformed(method: "eth_getBlockByNumber", field: "[0].id", detail: "no request has id 7")) {
            try Self.answers(#"[{"id":7,"result":null}]"#, count: 1)
        }
        #expect(throws: RPCError.malformed(method: "eth_getBlockByNumber", field: "[0].result", detail: "missing")) {
            try Self.answers(#"[{"id":0}]"#, count: 1)
        }
        #expect(throws: RPCError.malformed(method: "eth_blockNumber", field: "", detail: "not JSON (syntax at byte 12)")) {
            try Self.answers(#"{"id":0,"res"#, method: "eth_blockNumber", count: 1, batch: false)
        }
    }

    @Test func aBatchRefusedWholeFailsEveryRequest() throws {
        let answers = try Self.answers(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"too many requests in batch"}}"#, count: 2)
        for answer in answers {
            #expect(throws: RPCError.node(method: "eth_getBlockByNumber", code: -32600, message: "too many requests in batch")) { try answer.get() }
        }
    }

    @Test func revertsOfEthCallAreToldApart() throws {
        let byCode = try Self.answers(#"{"id":0,"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}}"#, method: "eth_call", count: 1, batch: false)
        #expect(throws: RPCError.reverted(method: "eth_call", data: [0x08, 0xc3, 0x79, 0xa0])) { try byCode[0].get() }
        let byMessage = try Self.answers(#"{"id":0,"error":{"code":-32000,"message":"Execution Reverted"}}"#, method: "eth_call", count: 1, batch: false)
        #expect(throws: RPCError.reverted(method: "eth_call", data: [])) { try byMessage[0].get() }
        // The same error of another method is the node's.
        let other = try Self.answers(#"{"id":0,"error":{"code":3,"message":"execution reverted"}}"#, method: "eth_estimateGas", count: 1, batch: false)
        #expect(throws: RPCError.node(method: "eth_estimateGas", code: 3, message: "execution reverted")) { try other[0].get() }
    }

    @Test func quantitiesAreCheckedHex() throws {
        #expect(try Self.read(#""0x0""#, .hexQuantity) == 0)
        #expect(try Self.read(#""0x1B4""#, .hexQuantity) == 436)
        #expect(try Self.read(#""0x0000000000000000000ffffffffffffffff""#, .hexQuantity) == UInt64.max)
        #expect(throws: JSONFieldError(field: "result", message: "hex quantity beyond 64 bits")) {
            try Self.read(#""0x10000000000000000""#, .hexQuantity)
        }
        for bad in [#""0x""#, #""1b4""#, #""0x1g""#, #""0x+1""#, #""0x-1""#] {
            #expect(throws: JSONFieldError.self) { try Self.read(bad, .hexQuantity) }
        }
        #expect(throws: JSONFieldError(field: "result", message: "expected a string")) { try Self.read("436", .hexQuantity) }
        #expect(try Self.read(#""0x""#, .hexData) == [])
        #expect(try Self.read(#""0x00ff""#, .hexData) == [0, 255])
        #expect(throws: JSONFieldError(field: "result", message: "invalid hex data (oddLength(3))")) { try Self.read(#""0xabc""#, .hexData) }
        #expect(throws: JSONFieldError.self) { try Self.read(#""00ff""#, .hexData) }
    }

    @Test func headersAndLogsNameTheirMalformedField() throws {
        let header = try Self.read(Self.header, .optionalBlockHeader)
        #expect(header == BlockHeader(number: 436, hash: try Hash32(hex: Self.hash), parentHash: try Hash32(hex: Self.hash), timestamp: 0x6553f100))
        #expect(try Self.read("null", .optionalBlockHeader) == nil)
        #expect(throws: JSONFieldError(field: "result.hash", message: "missing")) {
            try Self.read(Self.header.replacingOccurrences(of: #""hash""#, with: #""hush""#), .optionalBlockHeader)
        }
        let log = #"{"address":"0x1111111111111111111111111111111111111111","topics":["\#(Self.hash)"],"data":"0x","blockNumber":"0x5","blockHash":"\#(Self.hash)","logIndex":"0x0"}"#
        let logs = try Self.read("[\(log),\(log)]", .array(.chainLog))
        #expect(logs.count == 2)
        #expect(logs[0].blockNumber == 5)
        #expect(!logs[0].removed)
        let badIndex = log.replacingOccurrences(of: #""logIndex":"0x0""#, with: #""logIndex":"0xzz""#)
        #expect(throws: JSONFieldError(field: "result[3].logIndex", message: #"expected a 0x-prefixed hex quantity, got "0xzz""#)) {
            try Self.read("[\(log),\(log),\(log),\(badIndex)]", .array(.chainLog))
        }
        #expect(throws: JSONFieldError.self) {
            try Self.read("[" + log.replacingOccurrences(of: Self.hash + #""]"#, with: #"0xab"]"#) + "]", .array(.chainLog))
        }
    }

    @Test func endpointsAreNamedByHostAndPortOnly() {
        let endpoint = RPCEndpoint(url: "https://user:pass@arb.example.com:8443/v2/KEY123?token=abc")
        #expect(endpoint.label == "arb.example.com:8443")
        #expect(RPCEndpoint(url: "http://127.0.0.1:8545").label == "127.0.0.1:8545")
        #expect(RPCEndpoint(url: "wss://arb.example.com/ws/KEY").label == "arb.example.com")
        let redacted = endpoint.redacting("connect to https://user:pass@arb.example.com:8443/v2/KEY123?token=abc failed; path /v2/KEY123?token=abc")
        #expect(!redacted.contains("KEY123"))
        #expect(!redacted.contains("pass"))
    }

    @Test func newHeadsMessagesAreRead() throws {
        #expect(NewHeadsMessage(Array(#"{"jsonrpc":"2.0","id":1,"result":"0x1f"}"#.utf8)) == .subscribed("0x1f"))
        #expect(NewHeadsMessage(Array(#"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no"}}"#.utf8))
                == .refused(.node(method: "eth_subscribe", code: -32601, message: "no")))
        let notification = #"{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0x1f","result":\#(Self.header)}}"#
        guard case .head(subscription: "0x1f", let header) = NewHeadsMessage(Array(notification.utf8)) else {
            Issue.record("not a head")
            return
        }
        #expect(header.number == 436)
        #expect(NewHeadsMessage(Array(notification.replacingOccurrences(of: #""0x1b4""#, with: #""0x""#).utf8))
                == .malformed(#"params.result.number: expected a 0x-prefixed hex quantity, got "0x""#))
        #expect(NewHeadsMessage(Array("{not json".utf8)) == .malformed("not JSON (syntax at byte 1)"))
    }
}
