import Kernel

/// The work of `decode-tx` on one line, kept apart from I/O so tests drive it directly.
struct TransactionLineDecoder {
    /// Whether to recover the sender of signed types.
    let recoverSenders: Bool
    /// What has been decoded so far.
    private(set) var tally = Tally()

    init(recoverSenders: Bool) {
        self.recoverSenders = recoverSenders
    }

    /// Decodes one line of hex into its JSON output line (a transaction or an error object).
    mutating func decode(line text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(trimmed)
        } catch {
            tally.errors += 1
            return TransactionJSON.error(kind: "hex", offset: error.offset, message: error.message).rendered
        }
        do {
            let tx = try TransactionDecoder.decode(bytes)
            var from: Address? = nil
            if recoverSenders && tx.type.isSigned {
                do {
                    from = try tx.recoverSender()
                    tally.sendersRecovered += 1
                } catch {
                    tally.errors += 1
                    return TransactionJSON.error(kind: "invalidSignature", offset: 0, message: "no public key recovers this signature").rendered
                }
            }
            tally.count(tx.type)
            return TransactionJSON.render(tx, sender: from).rendered
        } catch {
            tally.errors += 1
            return TransactionJSON.error(kind: error.kind.rawValue, offset: error.offset, message: error.description).rendered
        }
    }

    /// Counts of decoded transactions by type, senders recovered and errors.
    struct Tally {
        private(set) var byType: [TransactionType: Int] = [:]
        var sendersRecovered = 0
        var errors = 0

        mutating func count(_ type: TransactionType) { byType[type, default: 0] += 1 }

        /// `{"transactions","errors","sendersRecovered","byType":{"0x0":n,...}}`, types in numeric order.
        var rendered: JSONLine {
            var types = JSONLine()
            for type in TransactionType.allCases where byType[type] != nil {
                types.number(type.description, byType[type] ?? 0)
            }
            var line = JSONLine()
            line.number("transactions", byType.values.reduce(0, +))
            line.number("errors", errors)
            line.number("sendersRecovered", sendersRecovered)
            line.object("byType", types)
            return line
        }
    }
}

extension Hex.Error {
    /// The character offset the error refers to, for error objects.
    var offset: Int {
        switch self {
        case .invalidDigit(let offset): offset
        case .oddLength, .wrongLength: 0
        }
    }

    /// A one-line message.
    var message: String {
        switch self {
        case .oddLength(let n): "odd number of hex digits (\(n))"
        case .invalidDigit(let offset): "not a hex digit at character \(offset)"
        case .wrongLength(let expected, let actual): "expected \(expected) bytes, got \(actual)"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
