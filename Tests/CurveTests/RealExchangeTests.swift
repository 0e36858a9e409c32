import Curve
import Kernel
import Testing

/// The real Curve swaps on Arbitrum One known from their TokenExchange logs (no raw call to a Curve
/// pool was captured). For each, the calldata its caller would have sent is RECONSTRUCTED from the
/// log: `exchange(sold_id, bought_id, tokens_sold, min_dy)` with the receiver argument where the
/// receipt's Transfer paid the output to someone other than the log's buyer; `min_dy` is set to
/// tokens_bought (the real bound is unknown). The decoded leg must agree with the log (pool, i, j,
/// amount in) and with the receipt's Transfer logs (token in, token out, recipient).
@Suite struct RealExchangeTests {
    static let transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"

    /// One Transfer log: token, from, to, value.
    struct Transfer {
        let token: Address
        let from: Address
        let to: Address
        let value: UInt256

        init(_ log: [String: Any]) throws {
            let topics = try #require(log["topics"] as? [String])
            #expect(topics.count == 3 && topics[0] == RealExchangeTests.transferTopic)
            token = try log.address("address")
            from = try Address(hex: "0x" + topics[1].suffix(40))
            to = try Address(hex: "0x" + topics[2].suffix(40))
            value = try #require(UInt256(bigEndian: try [UInt8](hexFixture: try log.string("data"))))
        }
    }

    static func entry(_ fixture: [String: Any]) throws -> DEXEntry {
        let pools = try fixture.objects("pools").map { pool in
            DEXEntry.Pool(name: try pool.string("name"), address: try pool.address("address"),
                          coins: try (try #require(pool["coins"] as? [String])).map { try Address(hex: $0) },
                          kind: try pool.string("kind"))
        }
        return DEXEntry(name: "curve", plugin: "curve", enabled: true, routers: [], factories: [], fees: [], pools: pools)
    }

    @Test func reconstructedCallsAgreeWithTheirLogs() throws {
        let fixture = try Fixture.json("arbitrum_curve_exchanges.json")
        let entry = try Self.entry(fixture)
        let decoder = try CurvePlugin(entry: entry).decoder
        let exchanges = try fixture.objects("exchanges")
        #expect(exchanges.count == 10)
        var withReceiver = 0
        for exchange in exchanges {
            let pool = try exchange.address("pool")
            let kind = try #require(entry.pools.first { $0.address == pool }?.kind)
            let signed = kind.hasPrefix("stableswap")
            // TokenExchange(buyer indexed, sold_id, tokens_sold, bought_id, tokens_bought, …): read the raw log.
            let topics = try #require(exchange["topics"] as? [String])
            let buyer = try Address(hex: "0x" + topics[1].suffix(40))
            let data = try [UInt8](hexFixture: try exchange.string("data"))
            let word = { (k: Int) in UInt256(bigEndian: data[(32 * k)..<(32 * k + 32)]) ?? .zero }
            let (soldID, tokensSold, boughtID, tokensBought) = (word(0), word(1), word(2), word(3))
            let decoded = try #require(exchange["decoded"] as? [String: Any])
            #expect(try decoded.decimal("sold_id") == soldID && decoded.decimal("bought_id") == boughtID)
            #expect(try decoded.decimal("tokens_sold") == tokensSold && decoded.address("buyer") == buyer)

            let transfers = try exchange.objects("pool_transfers").map(Transfer.init)
            let paidIn = try #require(transfers.first { $0.to == pool && $0.from != .zero && $0.value == tokensSold })
            let paidOut = try #require(transfers.first { $0.from == pool && $0.to != .zero && $0.value == tokensBought })
            let receiver: Address? = paidOut.to == buyer ? nil : paidOut.to

            let i = try #require(soldID.intValue), j = try #require(boughtID.intValue)
            var call: Calldata
            switch (signed, receiver) {
            case (true, nil): call = Calldata("exchange(int128,int128,uint256,uint256)").int(i).int(j)
            case (true, _?): call = Calldata("exchange(int128,int128,uint256,uint256,address)").int(i).int(j)
            case (false, nil): call = Calldata("exchange(uint256,uint256,uint256,uint256)").uint(soldID).uint(boughtID)
            case (false, _?): call = Calldata("exchange(uint256,uint256,uint256,uint256,bool,address)").uint(soldID).uint(boughtID)
            }
            call = call.uint(tokensSold).uint(tokensBought)
            if let receiver {
                call = signed ? call.address(receiver) : call.bool(false).address(receiver)
                withReceiver += 1
            }
            let txHash = try exchange.string("tx_hash")
            let swap = try #require(try decoder.decode(call.call(to: pool)), "\(txHash)")
            #expect(swap == DecodedSwap(function: "exchange", legs: [SwapLeg(
                dex: "curve",
                hops: [SwapHop(tokenIn: paidIn.token, tokenOut: paidOut.token, pool: .coins(pool, i: i, j: j))],
                amount: .exactIn(tokensSold), limit: tokensBought, recipient: receiver, deadline: nil
            )]), "\(txHash) log \(exchange["log_index"] ?? "")")
        }
        #expect(withReceiver == 3)
    }

    @Test func twoPoolSwapOfBlock290166667() throws {
        let fixture = try Fixture.json("arbitrum_curve_exchanges.json")
        let decoder = try CurvePlugin(entry: try Self.entry(fixture)).decoder
        let call = Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(1_000_000_000).uint(1_001_870_050)
        let leg = try #require(try decoder.decode(call.call(to: TestConfig.twoPool))?.legs.first)
        #expect(leg.tokenIn == TestConfig.usdce && leg.tokenOut == TestConfig.usdt)
        #expect(leg.hops.first?.pool == .coins(TestConfig.twoPool, i: 0, j: 1))
        #expect(leg.amount == .exactIn(1_000_000_000))
    }
}
