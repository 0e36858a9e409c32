import Foundation
import Kernel
import Testing
import Camelot

/// Calls encoded by eth-abi from random full-range arguments, with the legs the generator wrote
/// from those arguments (scripts/vectors/v2_camelot.py): CamelotRouter and Camelot pairs, the
/// Algebra SwapRouter with multicalls, Algebra pools, calls that are not swaps, malformed calls,
/// multicall limits and CREATE2 pool addresses.
@Suite struct DifferentialVectorTests {
    let document: [String: Any]
    let plugins: [String: any DEXPlugin]

    init() throws {
        document = try Fixture.generated("v2_camelot.json")
        let entries = try generatedEntries(document)
        plugins = [
            "camelot-v2": try CamelotV2Plugin(entry: try #require(entries["camelot-v2"])),
            "camelot-v3": try CamelotV3Plugin(entry: try #require(entries["camelot-v3"])),
        ]
    }

    @Test func decodesEveryVectorAsTheGeneratorExpects() throws {
        var checked: [String: Int] = [:]
        for vector in try document.objects("vectors") {
            let entry = try vector.string("entry")
            guard let decoder = plugins[entry]?.decoder else { continue }
            let call = try generatedCall(vector)
            if let kind = vector["error"] as? String {
                do {
                    _ = try decoder.decode(call)
                    Issue.record("expected \(kind): \(vector)")
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
        #expect(checked["camelot-v2", default: 0] > 200)
        #expect(checked["camelot-v3", default: 0] > 350)
    }

    @Test func refusesEveryMalformedCallWithATypedError() throws {
        var checked = 0
        for vector in try document.objects("malformed") {
            guard let decoder = plugins[try vector.string("entry")]?.decoder else { continue }
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
        #expect(checked >= 100)
    }

    @Test func derivesPoolAddressesAsTheGeneratorDoes() throws {
        var checked = 0
        for vector in try document.objects("poolAddresses") {
            guard let plugin = plugins[try vector.string("entry")] else { continue }
            let expected = try vector.optionalAddress("expected")
            #expect(plugin.poolAddress(try vector.address("tokenA"), try vector.address("tokenB"), fee: nil) == expected)
            #expect(plugin.poolAddress(try vector.address("tokenB"), try vector.address("tokenA"), fee: 500) == expected)
            checked += 1
        }
        #expect(checked == 80)
    }
}
