import Foundation
import Kernel

/// The work of `decode-call` on one line, kept apart from I/O so tests drive it directly: a JSON
/// object `{"to","data","value"}` in, exactly one JSON line out.
struct CallLineDecoder {
    /// Recognises and decodes the calls, and counts them per DEX.
    private(set) var classifier: SwapClassifier

    /// A decoder for the DEXes `classifier` knows.
    init(classifier: SwapClassifier) {
        self.classifier = classifier
    }

    /// The output line for one input line: the swap, `{"swap":false}`, or an error object.
    mutating func decode(line text: String) -> String {
        let call: ContractCall?
        switch Self.parse(text) {
        case .success(let parsed): call = parsed
        case .failure(let problem):
            return SwapJSON.error(kind: "input", offset: problem.offset, message: problem.message, dex: nil).rendered
        }
        guard let call else { return SwapJSON.notASwap.rendered }
        switch classifier.classify(call) {
        case .notASwap:
            return SwapJSON.notASwap.rendered
        case .swap(let dex, let swap):
            return SwapJSON.render(swap, dex: dex, poolOf: { classifier.pool(of: $0, dex: $1) }).rendered
        case .malformed(let malformed):
            let error = malformed.error
            return SwapJSON.error(kind: error.kind.rawValue, offset: error.offset, message: error.description, dex: malformed.dex).rendered
        }
    }

    /// Why an input line was refused: a message naming the key, and the character offset in
    /// that key's value where it applies (0 otherwise).
    struct InputProblem: Error {
        /// The character offset in the value.
        var offset = 0
        /// What is wrong.
        var message: String
    }

    /// The call an input line describes; nil for a contract creation (`"to": null`). Keys other
    /// than `to`, `data` and `value` are ignored, so `decode-tx` lines can be piped in.
    static func parse(_ text: String) -> Result<ContractCall?, InputProblem> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return .failure(InputProblem(message: "not a JSON object"))
        }
        guard let toValue = object["to"] else { return .failure(InputProblem(message: "to: missing")) }
        if toValue is NSNull { return .success(nil) }
        guard let toText = toValue as? String else { return .failure(InputProblem(message: "to: expected a string")) }
        guard let dataText = object["data"] as? String else {
            return .failure(InputProblem(message: object["data"] == nil ? "data: missing" : "data: expected a string"))
        }
        let to: Address
        do {
            to = try Address(hex: toText)
        } catch {
            return .failure(InputProblem(offset: error.offset, message: "to: \(error.message)"))
        }
        let data: [UInt8]
        do {
            data = try Hex.decode(dataText)
        } catch {
            return .failure(InputProblem(offset: error.offset, message: "data: \(error.message)"))
        }
        var value = UInt256.zero
        if let valueField = object["value"], !(valueField is NSNull) {
            guard let valueText = valueField as? String,
                  let parsed = valueText.hasPrefix("0x") ? UInt256(hex: valueText) : UInt256(decimal: valueText) else {
                return .failure(InputProblem(message: "value: expected a 0x hex or decimal string below 2^256"))
            }
            value = parsed
        }
        return .success(ContractCall(to: to, data: data[...], value: value))
    }
}

extension Address.ParseError {
    /// The character offset the error refers to, for error objects.
    var offset: Int {
        if case .invalidHex(let hex) = self { hex.offset } else { 0 }
    }

    /// A one-line message.
    var message: String {
        switch self {
        case .invalidHex(let hex): hex.message
        case .badChecksum: "bad EIP-55 checksum"
        }
    }
}
