import Curve
import Kernel
import Testing

/// Calldata no one would send: every truncation of every function, and random words, must give a
/// leg, nil or a typed `DecodingError` inside the calldata, never a trap.
@Suite struct MalformedCallTests {
    typealias C = TestConfig

    static func target(of function: CurveFunction) -> Address {
        function.isRouterFunction ? C.routerNG : function.signature.contains("int128") ? C.lendingPool : C.triCRV
    }

    /// The largest number of head words any recognised function has (the router with a receiver).
    static let maxWords = 44

    static func randomWord(_ rng: inout SplitMix64) -> [UInt8] {
        var word = [UInt8](repeating: 0, count: 32)
        switch rng.next() % 6 {
        case 0: word[31] = UInt8(truncatingIfNeeded: rng.next() % 10)
        case 1: for k in 0..<32 { word[k] = 0xff }
        case 2: for k in 12..<32 { word[k] = UInt8(truncatingIfNeeded: rng.next()) }
        case 3: word[31] = UInt8(truncatingIfNeeded: rng.next() % 3)
        case 4: word = (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        default: break
        }
        return word
    }

    static func check(_ decoder: any SwapDecoder, _ call: ContractCall) {
        do {
            if let swap = try decoder.decode(call) {
                #expect(!swap.legs.isEmpty && swap.legs.allSatisfy { !$0.hops.isEmpty })
            }
        } catch {
            #expect(error.offset >= 4 && error.offset <= call.data.count && (error.offset - 4) % 32 == 0, "\(error)")
            #expect(!error.field.isEmpty)
        }
    }

    @Test func everyTruncation() throws {
        let decoder = try C.decoder()
        var rng = SplitMix64(seed: 4)
        for function in CurveFunction.allCases {
            var full = Calldata(function.signature)
            for _ in 0..<Self.maxWords { full = full.raw([UInt8](repeating: 0, count: 31) + [UInt8(rng.next() % 2)]) }
            for length in 0...full.bytes.count {
                Self.check(decoder, ContractCall(to: Self.target(of: function), data: full.bytes.prefix(length), value: 0))
            }
        }
    }

    @Test func randomWords() throws {
        let decoder = try C.decoder()
        var rng = SplitMix64(seed: 20_261_125)
        var outcomes = (swaps: 0, errors: 0)
        for round in 0..<30_000 {
            let function = CurveFunction.allCases[round % CurveFunction.allCases.count]
            var data = Calldata(function.signature)
            let words = Int(rng.next() % UInt64(Self.maxWords + 2))
            for _ in 0..<words { data = data.raw(Self.randomWord(&rng)) }
            if rng.next() % 4 == 0 { data = data.raw([UInt8](repeating: 0xab, count: Int(rng.next() % 31))) }
            // Calldata starting inside a larger buffer: offsets stay relative to the call.
            let padded = [UInt8](repeating: 0xcc, count: 7) + data.bytes
            let call = ContractCall(to: Self.target(of: function), data: padded.dropFirst(7), value: 0)
            Self.check(decoder, call)
            do {
                if try decoder.decode(call) != nil { outcomes.swaps += 1 }
            } catch {
                outcomes.errors += 1
            }
        }
        #expect(outcomes.swaps > 1000 && outcomes.errors > 1000, "\(outcomes)")
    }
}
