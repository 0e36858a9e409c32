import Engine
import Kernel

/// The decode loop of `replay` and `run`: recognises the swaps of each delivery's transactions,
/// runs them through the engine when there is one, and counts and times what it saw.
struct FeedPipeline {
    private(set) var classifier: SwapClassifier
    /// The engine's counters (zero without an engine).
    var engineCounters: EngineCounters { engine?.counters ?? EngineCounters() }
    /// The engine, for `replay --state`.
    private(set) var engine: Engine?
    private(set) var messages = 0
    private var transactions = 0
    private var swaps = 0
    private var legs = 0
    private var swapsByDex: [String: Int] = [:]
    private var malformedCalls = 0
    private var latencies = LatencySamples()
    private var stages = StageSamples()
    /// The stages of the last delivery consumed.
    private(set) var lastTimings = DeliveryTimings()

    /// A pipeline recognising with `classifier` and, when given, detecting with `engine`.
    init(classifier: SwapClassifier, engine: Engine? = nil) {
        self.classifier = classifier
        self.engine = engine
        self.engine?.clock = MonotonicNanoseconds.now
    }

    /// Recognises the swaps of one delivery's transactions, passes each message to the engine,
    /// and returns the opportunities found, in feed order.
    mutating func consume(_ delivery: FeedDelivery) -> [Opportunity] {
        guard case .messages(let entries) = delivery.content else { return [] }
        var timings = DeliveryTimings()
        timings.decode = (delivery.decodedAt - delivery.frame.receivedAt).nanoseconds
        stages.decode.add(nanoseconds: timings.decode)
        var found: [Opportunity] = []
        for entry in entries {
            messages += 1
            let recognitionStart = ContinuousClock.now
            var swapTransactions: [SwapTransaction] = []
            for tx in entry.transactions {
                transactions += 1
                guard let to = tx.to else { continue }
                switch classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) {
                case .notASwap: break
                case .swap(let dex, let swap):
                    swaps += 1
                    legs += swap.legs.count
                    swapsByDex[dex, default: 0] += 1
                    swapTransactions.append(SwapTransaction(hash: tx.hash, legs: swap.legs, unknownRoutes: swap.unknownRoutes))
                case .malformed: malformedCalls += 1
                }
            }
            let engineStart = ContinuousClock.now
            let recognise = (engineStart - recognitionStart).nanoseconds
            timings.recognise &+= recognise
            stages.recognise.add(nanoseconds: recognise)
            guard engine != nil, entry.error == nil else { continue }
            let message = SwapMessage(
                sequenceNumber: entry.sequenceNumber, timestamp: entry.message.header.timestamp, transactions: swapTransactions)
            found += engine?.process(message) ?? []
            timings.engine &+= (ContinuousClock.now - engineStart).nanoseconds
            if let engineTimings = engine?.lastTimings {
                stages.add(engineTimings)
                timings.add(engineTimings)
            }
        }
        timings.total = (ContinuousClock.now - delivery.frame.receivedAt).nanoseconds
        latencies.add(nanoseconds: timings.total)
        if engine != nil { stages.decision.add(nanoseconds: timings.total) }
        lastTimings = timings
        return found
    }

    /// `messages N · swaps S · opportunities O · p99 X µs`: the progress line of `run` on a terminal.
    var progressLine: String {
        "messages \(messages) · swaps \(swaps) · opportunities \(engineCounters.opportunities) · p99 \(latencies.percentile(0.99) / 1000) µs"
    }

    /// Installs a state sync update in the engine (between messages).
    mutating func absorb(_ update: SyncUpdate) {
        engine?.absorb(update)
    }

    /// The summary line.
    func summary(frames: Int, feed: FeedStats.Snapshot) -> JSONLine {
        var byDex = JSONLine()
        for (dex, count) in swapsByDex.sorted(by: { $0.key < $1.key }) { byDex.number(dex, count) }
        var line = JSONLine()
        line.number("frames", frames)
        line.number("messages", messages)
        line.number("transactions", transactions)
        line.number("swaps", swaps)
        line.number("legs", legs)
        line.object("swapsByDex", byDex)
        line.number("malformedCalls", malformedCalls)
        line.object("feed", feed.json)
        line.object("latencyMicros", latencies.summary(divisor: 1000))
        if let engine {
            line.object("engine", engine.counters.json)
            line.object("stageNanos", stages.json)
        }
        return line
    }
}

/// The per-stage latencies of `replay --state`.
private struct StageSamples {
    var decode = LatencySamples()
    var recognise = LatencySamples()
    var simulate = LatencySamples()
    var screen = LatencySamples()
    var size = LatencySamples()
    var price = LatencySamples()
    var decision = LatencySamples()

    /// Adds the engine's timings of one message.
    mutating func add(_ timings: StageTimings) {
        simulate.add(nanoseconds: timings.simulate)
        screen.add(nanoseconds: timings.screen)
        size.add(nanoseconds: timings.size)
        price.add(nanoseconds: timings.price)
    }

    /// `{"decode","recognise","simulate","screen","size","price","decision"}`, each `{"p50","p99","max"}`.
    var json: JSONLine {
        var line = JSONLine()
        line.object("decode", decode.summary())
        line.object("recognise", recognise.summary())
        line.object("simulate", simulate.summary())
        line.object("screen", screen.summary())
        line.object("size", size.summary())
        line.object("price", price.summary())
        line.object("decision", decision.summary())
        return line
    }
}

extension EngineCounters {
    /// `{"transactions","legsApplied","legsFailed":{reason:n},"legsOnUnknownPools","cyclesScreened",
    /// "cyclesUncertain","cyclesSized","cycleQuotes","hopQuotes","belowCost","unexecutable","opportunities","totalNetProfitEth"}`.
    var json: JSONLine {
        var failed = JSONLine()
        for failure in LegFailure.allCases { failed.number(failure.rawValue, legsFailed[failure] ?? 0) }
        var line = JSONLine()
        line.number("transactions", transactions)
        line.number("legsApplied", legsApplied)
        line.object("legsFailed", failed)
        line.number("legsOnUnknownPools", legsOnUnknownPools)
        line.number("cyclesScreened", cyclesScreened)
        line.number("cyclesUncertain", cyclesUncertain)
        line.number("cyclesSized", cyclesSized)
        line.number("cycleQuotes", cycleQuotes)
        line.number("hopQuotes", hopQuotes)
        line.number("belowCost", belowCost)
        line.number("unexecutable", unexecutable)
        line.number("opportunities", opportunities)
        line.string("totalNetProfitEth", totalNetProfitEth.description)
        return line
    }
}
