import Foundation
import Kernel
import Testing
import UniswapV3

/// The vectors of `scripts/vectors/uniswap_v3.py`: calls encoded by eth-abi and by
/// uniswap-universal-router-decoder with random arguments over full ranges, each with the legs
/// the peers decode from the same bytes, or the error they agree on.
@Suite struct DifferentialTests {
    let vectors: [String: Any]
    let decoder: any SwapDecoder

    init() throws {
        vectors = try Fixture.generated("uniswap_v3.json")
        decoder = try uniswapDecoder()
    }

    /// The generator's router and pool addresses are the test entry's, and its Universal Router
    /// peer is the line whose swap inputs are the deployed routers' (before UR v2.1.1's ABI).
    @Test func configMatchesTheTestEntry() throws {
        let config = try #require((vectors["config"] as? [[String: Any]])?.first)
        #expect(try Parse.address(config["swapRouter"]) == Arbitrum.swapRouter)
        #expect(try Parse.address(config["swapRouter02"]) == Arbitrum.swapRouter02)
        let routers = try #require(config["universalRouters"] as? [String: String])
        let others = try #require(config["otherV1_2"] as? [String])
        for (version, address) in routers.map({ ($0.key, $0.value) }) + others.map({ ("1.2", $0) }) {
            #expect(Arbitrum.universalRouters.contains { $0.1 == Arbitrum.address(address) && $0.2 == version }, "\(address)")
        }
        #expect(config["dex"] as? String == "uniswap-v3" && config["v2Dex"] as? String == UniswapV3Plugin.v2Dex)
        let peers = try #require(vectors["peer"] as? [String: String])
        #expect(peers["uniswap-universal-router-decoder"]?.hasPrefix("2.") == true)
    }

    @Test func randomCallsDecodeAsThePeersDo() throws {
        let cases = try #require(vectors["cases"] as? [[String: Any]])
        #expect(cases.count > 1500)
        var counts: [String: Int] = [:]
        for vector in cases {
            let name = vector["name"] as? String ?? "?"
            let call = try Parse.call(vector)
            if let kind = vector["error"] as? String {
                counts["error", default: 0] += 1
                #expect(throws: DecodingError.self, "\(name)") { _ = try decoder.decode(call) }
                if kind != "any" {
                    do {
                        _ = try decoder.decode(call)
                    } catch {
                        #expect(error.kind.rawValue == kind, "\(name): \(error)")
                    }
                }
                continue
            }
            let expected = try Parse.expectation(vector["expect"])
            counts[expected == nil ? "none" : "legs", default: 0] += 1
            do {
                let decoded = try decoder.decode(call)
                #expect(decoded == expected, "\(name)")
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
        #expect(counts["legs", default: 0] > 900 && counts["none", default: 0] > 100 && counts["error", default: 0] > 200)
    }

    /// The real Arbitrum router transactions, decoded by the same peers.
    @Test func realCalldataDecodesAsThePeersDo() throws {
        let cases = try #require(vectors["real"] as? [[String: Any]])
        #expect(cases.count == 19)
        for vector in cases {
            let name = vector["name"] as? String ?? "?"
            let decoded = try decoder.decode(try Parse.call(vector))
            #expect(decoded == (try Parse.expectation(vector["expect"])), "\(name)")
        }
    }
}
