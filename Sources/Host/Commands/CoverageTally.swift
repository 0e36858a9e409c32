import Foundation
import Kernel

/// The work of `coverage`, kept apart from I/O so tests drive it: transactions with their
/// receipts' logs in, per entry contract how many were recognised and whether the recognised
/// legs' pools are exactly the pools that emitted swap events.
struct CoverageTally {
    /// Recognises the calls.
    private var classifier: SwapClassifier
    /// The counts per entry contract, in order of first appearance.
    private(set) var entries: [Entry] = []
    /// Where each entry contract is in `entries`.
    private var indexByContract: [Address: Int] = [:]

    /// The counts for one entry contract.
    struct Entry: Equatable {
        /// The contract the transactions call.
        var contract: Address
        /// The line's `toLabel`, where it has one.
        var label: String?
        /// Transactions to it.
        var transactions = 0
        /// Those the classifier recognised with at least one leg.
        var recognised = 0
        /// Those among them whose legs' pools are exactly the pools that emitted swap events.
        var poolsMatch = 0
        /// Those recognised only as aggregator swaps with a hidden route.
        var routeUnknown = 0
    }

    /// A tally recognising with `classifier`.
    init(classifier: SwapClassifier) {
        self.classifier = classifier
    }

    /// Counts one input line; lines without `tx` (a header such as the fixture's `about`) are
    /// skipped. Throws a message for a line that is not the format.
    mutating func add(line text: String) throws(CoverageInputError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CoverageInputError(message: "not a JSON object")
        }
        guard let tx = object["tx"] as? [String: Any] else { return }
        guard let toText = tx["to"] as? String, let to = try? Address(hex: toText) else { return }
        guard let inputText = tx["input"] as? String, let input = try? Hex.decode(inputText) else {
            throw CoverageInputError(message: "tx.input: expected 0x hex")
        }
        let value = (tx["value"] as? String).flatMap { UInt256(hex: $0) } ?? .zero
        let emitters = try Self.swapEmitters(object["logs"])

        let index = indexByContract[to] ?? {
            entries.append(Entry(contract: to, label: object["toLabel"] as? String))
            indexByContract[to] = entries.count - 1
            return entries.count - 1
        }()
        entries[index].transactions += 1
        guard case .swap(_, let swap) = classifier.classify(ContractCall(to: to, data: input[...], value: value)) else { return }
        guard !swap.legs.isEmpty else {
            entries[index].routeUnknown += 1
            return
        }
        entries[index].recognised += 1
        let pools = swap.legs.flatMap { leg in leg.hops.map { classifier.pool(of: $0, dex: leg.dex) } }
        if pools.allSatisfy({ $0 != nil }), Set(pools.compactMap { $0 }) == emitters { entries[index].poolsMatch += 1 }
    }

    /// The addresses of the logs whose topic0 is a swap event.
    private static func swapEmitters(_ logs: Any?) throws(CoverageInputError) -> Set<Address> {
        guard let logs = logs as? [[String: Any]] else { throw CoverageInputError(message: "logs: expected a list of objects") }
        var emitters: Set<Address> = []
        for log in logs {
            guard let topics = log["topics"] as? [String], let first = topics.first, let topic = try? Hash32(hex: first),
                  SwapEventTopics.all.contains(topic) else { continue }
            guard let addressText = log["address"] as? String, let address = try? Address(hex: addressText.lowercased()) else {
                throw CoverageInputError(message: "logs[].address: expected an address")
            }
            emitters.insert(address)
        }
        return emitters
    }

    /// The sum over all entries.
    var total: Entry {
        entries.reduce(into: Entry(contract: .zero)) { sum, entry in
            sum.transactions += entry.transactions
            sum.recognised += entry.recognised
            sum.poolsMatch += entry.poolsMatch
            sum.routeUnknown += entry.routeUnknown
        }
    }

    /// `{"entry","label","transactions","recognised","poolsMatch","routeUnknown"}` for one entry.
    static func line(_ entry: Entry) -> JSONLine {
        var line = JSONLine()
        line.string("entry", entry.contract.checksummed)
        line.optionalString("label", entry.label)
        counts(entry, into: &line)
        return line
    }

    /// `{"total":true,"transactions","recognised","poolsMatch","routeUnknown"}`.
    static func totalLine(_ total: Entry) -> JSONLine {
        var line = JSONLine()
        line.bool("total", true)
        counts(total, into: &line)
        return line
    }

    private static func counts(_ entry: Entry, into line: inout JSONLine) {
        line.number("transactions", entry.transactions)
        line.number("recognised", entry.recognised)
        line.number("poolsMatch", entry.poolsMatch)
        line.number("routeUnknown", entry.routeUnknown)
    }
}

/// A `coverage` input line that is not the format.
struct CoverageInputError: Error {
    /// What is wrong.
    var message: String
}
