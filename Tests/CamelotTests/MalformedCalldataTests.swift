import Foundation
@testable import Kernel
import Testing
import Camelot

/// Malformed calldata to known functions gives a typed `DecodingError` inside the calldata,
/// never a trap: multicall recursion bombs and nesting, bad paths, then random damage.
@Suite struct MalformedCalldataTests {
    let decoder: any SwapDecoder
    let exactInput: [UInt8]

    init() throws {
        decoder = try CamelotV3Plugin(entry: ArbitrumEntries.camelotV3).decoder
        let record = try Fixture.json("arbitrum_txs.json").objects("transactions").first {
            $0["hash"] as? String == "0x4ece7bd081c9512435a9abdca5079284d34e0e2be0c49fa04812d49542b99ccd"
        }
        exactInput = Array(try transactionCall(try #require(record)).data)
    }

    func outcome(_ data: [UInt8]) -> Result<DecodedSwap?, DecodingError> {
        Result { () throws(DecodingError) in try decoder.decode(ContractCall(to: ArbitrumEntries.algebraRouter, data: data[...], value: .zero)) }
    }

    func error(_ data: [UInt8]) -> DecodingError? {
        if case .failure(let error) = outcome(data) { return error }
        return nil
    }

    /// `multicall([items...])` encoded by hand.
    func multicall(_ items: [[UInt8]]) -> [UInt8] {
        var head: [UInt8] = [], tail: [UInt8] = []
        for item in items {
            head += bytes(word(UInt64(items.count * 32 + tail.count)))
            tail += bytes(word(UInt64(item.count))) + item + [UInt8](repeating: 0, count: (32 - item.count % 32) % 32)
        }
        return bytes("ac9650d8" + word(0x20) + word(UInt64(items.count))) + head + tail
    }

    func bytes(_ hex: String) -> [UInt8] { (try? Hex.decode(hex)) ?? [] }

    @Test func nestingUpToTheLimitIsUnrolled() throws {
        var data = exactInput
        for _ in 0..<MulticallUnroller.maxDepth { data = multicall([data]) }
        let decoded = try outcome(data).get()
        #expect(decoded?.function == "multicall")
        #expect(decoded?.legs.count == 1)
        data = multicall([data])
        let tooDeep = try #require(error(data))
        #expect(tooDeep.kind == .tooDeep)
        #expect(tooDeep.offset > 0 && tooDeep.offset < data.count)
    }

    /// Offsets that all point at one element, nested: unrolled naively this is 1000^3 calls.
    @Test func aliasedOffsetBombStopsAtTheCallBudget() throws {
        var data = exactInput
        for _ in 0..<MulticallUnroller.maxDepth {
            let fanOut = 1000
            var encoded = bytes("ac9650d8" + word(0x20) + word(UInt64(fanOut)))
            for _ in 0..<fanOut { encoded += bytes(word(UInt64(fanOut * 32))) }
            encoded += bytes(word(UInt64(data.count))) + data + [UInt8](repeating: 0, count: (32 - data.count % 32) % 32)
            data = encoded
        }
        #expect(error(data)?.kind == .tooLarge)
        #expect(error(multicall(Array(repeating: exactInput, count: MulticallUnroller.maxCalls + 1)))?.kind == .tooLarge)
        #expect(try outcome(multicall(Array(repeating: exactInput, count: MulticallUnroller.maxCalls))).get()?.legs.count
                == MulticallUnroller.maxCalls)
    }

    @Test func multicallOffsetsAndLengthsOutOfRange() throws {
        let good = multicall([exactInput, bytes("41865270")])
        #expect(try outcome(good).get()?.legs.count == 1)
        var bad = good
        bad.replaceSubrange(4..<36, with: bytes(word(0xffff_ffff)))
        #expect(error(bad) == DecodingError(.truncated, at: 4, field: "data"))
        bad = good
        bad.replaceSubrange(36..<68, with: bytes(String(repeating: "f", count: 64)))
        #expect(error(bad)?.kind == .truncated)
        bad = good
        bad.replaceSubrange(68..<100, with: bytes(word(UInt64(good.count))))
        #expect(error(bad)?.kind == .truncated)
        #expect(error(Array(good.dropLast(64)))?.kind == .truncated)
    }

    @Test func pathsThatAreNotWholeAddresses() throws {
        // The real exactInput's path is 60 bytes (length word at 4 + 6 * 32); 59 and 61 are not whole addresses.
        for length: UInt64 in [0, 19, 20, 21, 40 - 1, 59] {
            var data = exactInput
            data.replaceSubrange((4 + 6 * 32)..<(4 + 7 * 32), with: bytes(word(length)))
            #expect(error(data) == DecodingError(.wrongLength, at: 4 + 7 * 32, field: "path"), "path of \(length) bytes")
        }
        var data = exactInput
        data.replaceSubrange((4 + 6 * 32)..<(4 + 7 * 32), with: bytes(word(40)))
        #expect(try outcome(data).get()?.legs.first?.hops.count == 1)
    }

    /// Random truncation, byte damage and word replacement of real and generated router and pool
    /// calldata: every outcome is a decoded swap, nil, or a DecodingError inside the calldata.
    @Test func randomDamageNeverTraps() throws {
        var seeds = [exactInput, multicall([exactInput, exactInput]), multicall([multicall([exactInput])])]
        for vector in try Fixture.generated("v2_camelot.json").objects("vectors") where vector["entry"] as? String == "camelot-v3" {
            if try vector.address("to") == ArbitrumEntries.algebraRouter { seeds.append(try vector.bytes("data")) }
        }
        let outcomes = randomlyDamaged(seeds, seed: 3, rounds: 30_000) { (data) throws(DecodingError) in
            try decoder.decode(ContractCall(to: ArbitrumEntries.algebraRouter, data: data[...], value: .zero))
        }
        #expect(outcomes.misplacedErrors.isEmpty, "\(outcomes.misplacedErrors.prefix(5))")
        #expect([outcomes.notSwaps, outcomes.swaps, outcomes.errors].allSatisfy { $0 > 100 }, "\(outcomes)")
    }
}
