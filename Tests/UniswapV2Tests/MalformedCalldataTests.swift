import Foundation
import Kernel
import Testing
import UniswapV2

/// Malformed calldata to known functions gives a typed `DecodingError` at an offset inside the
/// calldata, never a trap: hand-made cases on the real Sushi swap, then random damage.
@Suite struct MalformedCalldataTests {
    let decoder: any SwapDecoder
    let realCall: ContractCall

    init() throws {
        decoder = try UniswapV2Plugin(entry: ArbitrumEntries.sushiswapV2).decoder
        let record = try Fixture.json("arbitrum_txs.json").objects("transactions").first {
            $0["hash"] as? String == "0xf88f10f213c046cc14c2701cb50d33b971be43f37b119bae323a1aa614166c2e"
        }
        realCall = try transactionCall(try #require(record))
    }

    func error(_ data: [UInt8]) -> DecodingError? {
        do {
            _ = try decoder.decode(ContractCall(to: realCall.to, data: data[...], value: .zero))
            return nil
        } catch {
            return error
        }
    }

    func replacing(word index: Int, with value: String, in data: [UInt8]) throws -> [UInt8] {
        var copy = data
        copy.replaceSubrange((4 + index * 32)..<(4 + index * 32 + 32), with: try Hex.decode(value.leftPadded(to: 64)))
        return copy
    }

    @Test func shortCalldata() throws {
        let data = Array(realCall.data)
        #expect(try decoder.decode(ContractCall(to: realCall.to, data: data[..<3], value: .zero)) == nil, "no selector: not a swap")
        for length in [4, 5, 36, 100, 163, data.count - 1] {
            #expect(error(Array(data[..<length]))?.kind == .truncated, "cut to \(length)")
        }
    }

    @Test func offsetsOutOfRange() throws {
        let data = Array(realCall.data)
        for offset in ["104", "ffffffff", "ff" + String(repeating: "0", count: 62), "0" + String(repeating: "f", count: 63)] {
            let bad = try replacing(word: 2, with: offset, in: data)
            let found = try #require(error(bad))
            #expect(found.kind == .truncated)
            #expect(found.offset == 4 + 2 * 32 && found.field == "path")
        }
    }

    @Test func lengthsPastTheEnd() throws {
        let data = Array(realCall.data)
        for length in ["3", "100", "ffffffffffffffff", String(repeating: "f", count: 64)] {
            let bad = try replacing(word: 5, with: length, in: data)
            #expect(error(bad)?.kind == .truncated, "path length \(length)")
        }
        #expect(error(try replacing(word: 5, with: "1", in: data)) == DecodingError(.invalidValue, at: 4 + 5 * 32, field: "path"))
    }

    @Test func dirtyAddressWords() throws {
        let data = Array(realCall.data)
        let dirty = try replacing(word: 3, with: "01" + String(repeating: "0", count: 22) + "d680e65aa66aa8ea981b5585082e5c5ddbb773f0", in: data)
        #expect(error(dirty) == DecodingError(.invalidValue, at: 4 + 3 * 32, field: "to"))
    }

    /// Random truncation, byte damage and word replacement of real and generated calldata: every
    /// outcome is a decoded swap, nil, or a DecodingError inside the calldata.
    @Test func randomDamageNeverTraps() throws {
        var seeds = [Array(realCall.data)]
        let document = try Fixture.generated("v2_camelot.json")
        for vector in try document.objects("vectors").prefix(400) where vector["entry"] as? String == "sushiswap-v2" {
            seeds.append(try vector.bytes("data"))
        }
        let outcomes = randomlyDamaged(seeds, seed: 4, rounds: 30_000) { (data) throws(DecodingError) in
            try decoder.decode(ContractCall(to: realCall.to, data: data[...], value: .zero))
        }
        #expect(outcomes.misplacedErrors.isEmpty, "\(outcomes.misplacedErrors.prefix(5))")
        #expect([outcomes.notSwaps, outcomes.swaps, outcomes.errors].allSatisfy { $0 > 100 }, "\(outcomes)")
    }
}
