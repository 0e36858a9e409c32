import Foundation
import Kernel
import Testing
import Camelot

/// Real Camelot V2 swaps on Arbitrum (Fixtures/pool_states_from_logs.json `v2_swap_checks`:
/// reserves before = the Sync after the swap minus the Swap's amounts) replayed through
/// `CamelotV2Pool`, and the real Sync logs of Fixtures/swap_logs.json applied to it.
///
/// The fixtures do not carry the pairs' fee percents; each pair's is the one fee (found by
/// trying 0…2000) that reproduces its swaps to the wei, and the neighbouring fees must not.
@Suite struct CamelotV2RealSwapTests {
    /// The pair's fee percent, curve and decimals as the swaps pin them down.
    struct PairSetup {
        let fee: UInt16
        let stable: Bool
        let decimals: UInt8
        /// Whether no other fee reproduces the pair's swaps (dust swaps fit many fees).
        let feeIsUnique: Bool
    }

    static let setups: [String: PairSetup] = [
        // ? / WETH, 0.5 % for token0 in.
        "0x6A78E84FA0edAD4D99eB90edc041CdbF85925961": PairSetup(fee: 500, stable: false, decimals: 18, feeIsUnique: true),
        // WETH / ?, 0.3 %.
        "0xa6c5C7D189fA4eB5Af8ba34E63dCDD3a635D433f": PairSetup(fee: 300, stable: false, decimals: 18, feeIsUnique: true),
        "0x9164424A33a89202040F02170431073c59eFa1A9": PairSetup(fee: 300, stable: false, decimals: 18, feeIsUnique: true),
        // USDC / USDC.e stable pair (both 6 decimals), 0.001 %: the output exceeds the input.
        "0xc1ad239594c165bd4D8847D281232172a4520818": PairSetup(fee: 1, stable: true, decimals: 6, feeIsUnique: true),
    ]

    let checks: [[String: Any]]
    let logs: [[String: Any]]

    init() throws {
        checks = try Fixture.json("pool_states_from_logs.json").objects("v2_swap_checks").filter { ($0["dex"] as? String) == "Camelot V2" }
        logs = try Fixture.json("swap_logs.json").objects("logs")
    }

    func pool(_ check: [String: Any], fee: UInt16) throws -> (CamelotV2Pool, zeroForOne: Bool) {
        let setup = try #require(Self.setups[try check.string("pool")])
        let zeroForOne = try check.string("direction") == "token0->token1"
        let reserveIn = try check.decimal("reserve_in_before")
        let reserveOut = try check.decimal("reserve_out_before")
        let pool = try CamelotV2Pool(
            address: try check.address("pool"), token0: .zero, token1: .zero,
            reserve0: zeroForOne ? reserveIn : reserveOut, reserve1: zeroForOne ? reserveOut : reserveIn,
            token0FeePercent: fee, token1FeePercent: fee, stableSwap: setup.stable,
            decimals0: setup.decimals, decimals1: setup.decimals)
        return (pool, zeroForOne)
    }

    /// The Sync log the check's reserves come from.
    func syncReserves(_ check: [String: Any]) throws -> (UInt256, UInt256) {
        let tx = try check.string("tx_hash")
        let index = try #require(check["sync_log_index"] as? Int)
        let sync = try #require(logs.first { ($0["tx_hash"] as? String) == tx && ($0["log_index"] as? Int) == index })
        let decoded = try sync.object("decoded")
        return (try decoded.decimal("reserve0"), try decoded.decimal("reserve1"))
    }

    @Test func everyCamelotSwapIsReproducedToTheWei() throws {
        #expect(checks.count == 7)
        for check in checks {
            let setup = try #require(Self.setups[try check.string("pool")])
            var (pair, zeroForOne) = try pool(check, fee: setup.fee)
            let amountOut = try pair.swap(try check.decimal("amount_in"), zeroForOne: zeroForOne)
            #expect(amountOut == (try check.decimal("amount_out_actual")), "\(check)")
            let (reserve0, reserve1) = try syncReserves(check)
            #expect(pair.reserve0 == reserve0 && pair.reserve1 == reserve1, "\(check)")
        }
    }

    @Test func neighbouringFeesDoNotReproduceTheSwaps() throws {
        for check in checks where try check.decimal("amount_in") > UInt256(1_000_000) {
            let setup = try #require(Self.setups[try check.string("pool")])
            guard setup.feeIsUnique else { continue }
            for fee in [setup.fee - 1, setup.fee + 1] {
                let (pair, zeroForOne) = try pool(check, fee: fee)
                let amountOut = try pair.quote(try check.decimal("amount_in"), zeroForOne: zeroForOne)
                #expect(amountOut != (try check.decimal("amount_out_actual")), "fee \(fee) \(check)")
            }
        }
    }

    @Test func realSyncLogsSetTheReserves() throws {
        var applied = 0
        var pair = try CamelotV2Pool(
            address: .zero, token0: .zero, token1: .zero, reserve0: .zero, reserve1: .zero,
            token0FeePercent: 300, token1FeePercent: 300, stableSwap: false, decimals0: 18, decimals1: 18)
        for log in logs where (log["event"] as? String)?.hasPrefix("UniswapV2-style Sync") == true {
            let raw = try log.object("raw_log")
            let topics = try #require(raw["topics"] as? [String]).map { text throws in try Hash32(hex: text) }
            #expect(try pair.apply(EventLog(address: try log.address("pool"), topics: topics, data: try raw.bytes("data"))) == .applied)
            let decoded = try log.object("decoded")
            #expect(pair.reserve0 == (try decoded.decimal("reserve0")))
            #expect(pair.reserve1 == (try decoded.decimal("reserve1")))
            applied += 1
        }
        #expect(applied >= 7)
    }
}
