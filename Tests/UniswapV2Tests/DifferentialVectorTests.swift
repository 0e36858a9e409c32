import Foundation
import Kernel
import Testing
import UniswapV2

/// Calls encoded by eth-abi from random full-range arguments, with the legs the generator wrote
/// from those arguments (scripts/vectors/v2_camelot.py): Router02 on Uniswap V2 and SushiSwap,
/// direct pair swaps, calls that are not swaps, malformed calls and CREATE2 pair addresses.
@Suite struct DifferentialVectorTests {
    static let entryNames: Set<String> = ["uniswap-v2", "sushiswap-v2"]

    let document: [String: Any]
    let decoders: [String: any SwapDecoder]
    let plugins: [String: UniswapV2Plugin]

    init() throws {
        document = try Fixture.generated("v2_camelot.json")
        let entries = try generatedEntries(document).filter { Self.entryNames.contains($0.key) }
        plugins = try entries.mapValues { try UniswapV2Plugin(entry: $0) }
        decoders = plugins.mapValues(\.decoder)
    }

    @Test func decodesEveryVectorAsTheGeneratorExpects() throws {
        var checked: [String: Int] = [:]
        for vector in try document.objects("vectors") {
            let entry = try vector.string("entry")
            guard let decoder = decoders[entry] else { continue }
            let call = try generatedCall(vector)
            if let kind = vector["error"] as? String {
                #expect(throws: DecodingError.self, "\(vector)") { try decoder.decode(call) }
                do {
                    _ = try decoder.decode(call)
                } catch {
                    #expect(error.kind.rawValue == kind, "\(vector["note"] ?? "") \(error)")
                }
            } else {
                let expected = try expectedSwap(vector["expected"], dex: entry)
                let decoded = try decoder.decode(call)
                #expect(decoded == expected, "\(vector)")
            }
            checked[entry, default: 0] += 1
        }
        #expect(checked["uniswap-v2", default: 0] > 400)
        #expect(checked["sushiswap-v2", default: 0] > 350)
    }

    @Test func refusesEveryMalformedCallWithATypedError() throws {
        var checked = 0
        for vector in try document.objects("malformed") {
            guard let decoder = decoders[try vector.string("entry")] else { continue }
            let call = try generatedCall(vector)
            do {
                let decoded = try decoder.decode(call)
                Issue.record("decoded a malformed call (\(vector["note"] ?? "")): \(String(describing: decoded))")
            } catch {
                #expect(error.kind.rawValue == (vector["error"] as? String), "\(vector["note"] ?? ""): \(error)")
                if let offset = vector["offset"] as? Int {
                    #expect(error.offset == offset, "\(vector["note"] ?? ""): \(error)")
                }
            }
            checked += 1
        }
        #expect(checked >= 40)
    }

    @Test func derivesPairAddressesAsTheGeneratorDoes() throws {
        var checked = 0
        for vector in try document.objects("poolAddresses") {
            guard let plugin = plugins[try vector.string("entry")] else { continue }
            let expected = try vector.optionalAddress("expected")
            #expect(plugin.poolAddress(try vector.address("tokenA"), try vector.address("tokenB"), fee: nil) == expected)
            #expect(plugin.poolAddress(try vector.address("tokenB"), try vector.address("tokenA"), fee: 3000) == expected)
            checked += 1
        }
        #expect(checked == 80)
    }
}
