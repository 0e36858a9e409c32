import Foundation
import Kernel

/// The work of `mevbot quote` on one line, apart from I/O so tests drive it directly: a request
/// JSON object in, exactly one JSON line out — the swap's result or `{"error":{"kind","message"}}`.
///
/// Error kinds: `revert` (the contract would revert; its reason as the message), `invalidState`
/// (a state no pool can hold, or math the pool refuses), `malformedInput` (the line itself).
struct QuoteLineHandler {
    private let decoder = JSONDecoder()

    /// The output line for one input line.
    func answer(line: String) -> String {
        let request: QuoteRequest
        do {
            request = try decoder.decode(QuoteRequest.self, from: Data(line.utf8))
        } catch let error as Swift.DecodingError {
            return Self.error(kind: "malformedInput", message: Self.describe(error)).rendered
        } catch {
            return Self.error(kind: "malformedInput", message: "not a JSON object").rendered
        }
        do {
            return try PoolQuoter.quote(request).rendered
        } catch {
            return Self.error(for: error).rendered
        }
    }

    /// The error object for a pool's refusal.
    static func error(for error: PoolError) -> JSONLine {
        switch error {
        case .revert(let reason): Self.error(kind: "revert", message: reason)
        case .invalidState(let detail): Self.error(kind: "invalidState", message: detail)
        case .malformed(let decoding): Self.error(kind: "malformedInput", message: decoding.description)
        }
    }

    /// `{"error":{"kind","message"}}`.
    static func error(kind: String, message: String) -> JSONLine {
        var inner = JSONLine()
        inner.string("kind", kind)
        inner.string("message", message)
        var outer = JSONLine()
        outer.object("error", inner)
        return outer
    }

    /// `path.to.field: what is wrong`, from a Codable error.
    static func describe(_ error: Swift.DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return (parent.isEmpty ? "" : parent + ".") + key.stringValue + ": missing"
        case .typeMismatch(let type, let context):
            let place = path(context.codingPath)
            return place.isEmpty ? "expected a JSON object" : place + ": expected \(Self.jsonName(type))"
        case .valueNotFound(let type, let context):
            return path(context.codingPath) + ": expected \(Self.jsonName(type)), found null"
        case .dataCorrupted(let context):
            let place = path(context.codingPath)
            return place.isEmpty ? "not a JSON object" : place + ": " + context.debugDescription
        @unknown default:
            return "malformed input"
        }
    }

    /// How a JSON user would name the Swift type a field expected.
    private static func jsonName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "a boolean"
        case is String.Type: "a string"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
