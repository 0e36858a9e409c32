import Benchmark
import Foundation
import Kernel

/// A real Arbitrum One EIP-1559 swap through Uniswap's SwapRouter02 (344 bytes), transaction
/// 0x86f338167a9a89261509409a5b6ab3b744a41b4364942c9cbe973d8cd85f3015 in block 214123164 (Tests/KernelTests/Fixtures/chain/arbitrum_txs.json).
let realSwapHex =
    "0x02f9015482a4b1821aaa8405f5e1008413ab6680830f20a89468b3465833fb72a70ecdf485e0e4c7bd8665fc4580b8e450" +
    "23b4df00000000000000000000000082af49447d8a07e3bd95bd0d56f35241523fbab10000000000000000000000000c880f" +
    "6761f1af8d9aa9c466984b80dab9a8c9e80000000000000000000000000000000000000000000000000000000000000bb800" +
    "0000000000000000000000d18cd4dcf0fc39cd9f61a325edfe4193fe365a8d00000000000000000000000000000000000000" +
    "0000000040acf2ad78800000000000000000000000000000000000000000000000000000001b0ca351aebd65a60000000000" +
    "000000000000000000000000000000000000000000000000000000c080a0b57129555f8c8dc30fda2e48965fa40923f9fbe9" +
    "65a472ffde42babfb560062ba07bcd3572a1fa99fa38878d1a6528eccc1102f6a07c69c1e743ccf88c29fc9f0f"

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .instructions],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        maxDuration: .seconds(3),
        maxIterations: 2_000_000
    )
    guard let swap = try? Hex.decode(realSwapHex), let swapTx = try? TransactionDecoder.decode(swap) else {
        fatalError("the embedded transaction no longer decodes")
    }

    // The harness's own cost per sample (clock reads, its bookkeeping allocations): subtract it
    // from the single-operation benchmarks below.
    Benchmark("Harness baseline (empty sample)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(swap.count)
        }
    }

    Benchmark("Transaction decode, real 344-byte EIP-1559 swap (the hash on demand, not read)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TransactionDecoder.decode(swap))
        }
    }

    Benchmark("Transaction decode + hash, real 344-byte EIP-1559 swap") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TransactionDecoder.decode(swap).hash)
        }
    }

    Benchmark("Transaction hash alone (keccak of 344 bytes)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(swap.withUnsafeBytes { Keccak256.hash($0) })
        }
    }

    Benchmark("Sender recovery (signing hash + libsecp256k1)", configuration: .init(maxIterations: 20_000)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try swapTx.recoverSender())
        }
    }

    for size in [32, 136, 1024] {
        let input = [UInt8]((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        Benchmark("Keccak-256 of \(size) B (per op, 1000 per sample)", configuration: .init(scalingFactor: .kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(input.withUnsafeBytes { Keccak256.hash($0) })
            }
        }
    }

    // Feed frames: a real Arbitrum One frame (seq 243170738, a batch of 3 transactions), and the
    // whole bundled replay (155 frames, 958 transactions) for a per-transaction figure.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let realFrame = try? [UInt8](Data(contentsOf: root.appendingPathComponent("Tests/KernelTests/Fixtures/feed/arb1_frame_seq243170738.json"))),
          let replay = try? String(contentsOf: root.appendingPathComponent("replay/arbitrum-one-feed.jsonl"), encoding: .utf8)
    else {
        fatalError("the feed fixtures are missing")
    }
    let replayFrames: [[UInt8]] = replay.split(separator: "\n").compactMap { line in
        // Each recording line is {"receivedAtNanos":N,"frame":{...}}; the frame is the object after "frame":.
        guard let start = line.range(of: #""frame":"#) else { return nil }
        return Array(line[start.upperBound...].dropLast().utf8)
    }
    let decoder = FeedDecoder()
    Benchmark("Feed frame to transactions, real 3-transaction frame") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(realFrame))
        }
    }
    Benchmark("Feed replay to transactions, 155 frames / 958 transactions per op",
              configuration: .init(maxIterations: 2_000)) { benchmark in
        for _ in benchmark.scaledIterations {
            for frame in replayFrames { blackHole(try decoder.decode(frame)) }
        }
    }

    var rng = SystemRandomNumberGenerator()
    let operands = (0..<1024).map { _ in
        (UInt256(words: (rng.next(), rng.next(), rng.next(), rng.next())),
         UInt256(words: (rng.next(), rng.next(), rng.next(), rng.next())),
         UInt256(words: (rng.next(), rng.next(), rng.next(), rng.next() | 1 << 63)))
    }
    // A pair's quote divides about 234 bits (input · fee · reserve) by about 123 (reserve ·
    // fee denominator + input · fee): a two-word divisor.
    let pairQuotients = (0..<1024).map { _ in
        (UInt256(words: (rng.next(), rng.next(), rng.next(), rng.next() >> 22)), UInt256(words: (rng.next(), rng.next() >> 5, 0, 0)))
    }
    Benchmark("UInt256 division, 234-bit by 123-bit, as a pair's quote (per op, 1000 per sample)",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            let (numerator, divisor) = pairQuotients[i & 1023]
            blackHole(numerator.quotientAndRemainder(dividingBy: divisor))
            i &+= 1
        }
    }

    Benchmark("UInt256.mulDiv, 512-bit product, 256-bit denominator (per op, 1000 per sample)",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        var i = 0
        for _ in benchmark.scaledIterations {
            let (a, b, d) = operands[i & 1023]
            blackHole(UInt256.mulDiv(a, b, d))
            i &+= 1
        }
    }
}
