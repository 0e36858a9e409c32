import Camelot
import Curve
import Engine
import Foundation
import Kernel
import Testing
import UniswapV2
import UniswapV3

/// The snapshot file through the real plugins: every family read and written back to the same
/// bytes, key order and layout free on input, and every refusal naming the pool and the field.
@Suite struct SnapshotCodecTests {
    /// The DEX entries of the tests, each with its family's plugin (two share Uniswap V2's).
    static let codec = SnapshotCodec(plugins: [
        "uniswap-v2": UniswapV2Plugin.self,
        "sushiswap-v2": UniswapV2Plugin.self,
        "camelot-v2": CamelotV2Plugin.self,
        "uniswap-v3": UniswapV3Plugin.self,
        "camelot-v3": CamelotV3Plugin.self,
        "curve": CurvePlugin.self,
    ])

    /// One pool of each family and form, in the codec's own layout. Pools 0 and 1 are real pairs
    /// at block 247,867,692 and pool 4 the real WETH/USDC.e V3 pool's price, tick and active
    /// liquidity at block 247,862,867 (`../shared/fixtures/state/`), here with an assumed band;
    /// pool 6 is the real Camelot V3 WETH/USDC.e pool's globalState (Tests/CamelotTests/Fixtures)
    /// with two of its ticks made up; the rest are made up on real tokens (Camelot V2 volatile and
    /// stable pairs, a V3 table with gross liquidity, an Algebra pool with a fee per direction, the
    /// 2pool's parameters, an NG pool with a ramp).
    static let canonical = """
        {"block":247867692,"timestamp":1724917466,"l2BaseFee":"10000000","l1PricePerUnit":"31000000000","pools":[
        {"dex":"uniswap-v2","address":"0xF64Dfe17C8b87F012FCf50FbDA1D62bfA148366a","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0xaf88d065e77c8cC2239327C5EDb3A432268e5831","reserve0":"28052170338612109821","reserve1":"71624446852","fee":3000},
        {"dex":"sushiswap-v2","address":"0x905dfCD5649217c42684f23958568e533C711Aa3","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8","reserve0":"154179959136522083039","reserve1":"393575086126","fee":3000},
        {"dex":"camelot-v2","address":"0x1000000000000000000000000000000000000001","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0xaf88d065e77c8cC2239327C5EDb3A432268e5831","reserve0":"400000000000000000000","reserve1":"1000000000000","token0Fee":300,"token1Fee":250,"stable":false,"decimals0":18,"decimals1":6},
        {"dex":"camelot-v2","address":"0x1000000000000000000000000000000000000002","token0":"0xaf88d065e77c8cC2239327C5EDb3A432268e5831","token1":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","reserve0":"5000000000000","reserve1":"4900000000000","token0Fee":40,"token1Fee":40,"stable":true,"decimals0":6,"decimals1":6,"protocolFeeShare":40000},
        {"dex":"uniswap-v3","address":"0x17c14D2c404D167802b16C450d3c99F88F2c4F4d","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8","fee":3000,"tickSpacing":60,"sqrtPriceX96":"4001977796546294955636127","tick":-197876,"liquidity":"23691449908533218","ticks":[[-198840,"23691449908533218"],[-196920,"-23691449908533218"]],"completeTickRange":[-198840,-196921],"assumed":"ticks: the active liquidity over a band"},
        {"dex":"uniswap-v3","address":"0x1000000000000000000000000000000000000003","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0x912CE59144191C1204E64559FE8253a0e49E6548","fee":500,"tickSpacing":10,"sqrtPriceX96":"79228162514264337593543950336","tick":0,"liquidity":"1000000","ticks":[[-600,"1000000","1500000"],[-100,"500000"],[600,"-1000000","1500000"]]},
        {"dex":"camelot-v3","address":"0x521aa84ab3fcc4c05cABaC24Dc3682339887B126","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8","fee":150,"tickSpacing":10,"sqrtPriceX96":"4651302444251465498324557","tick":-194869,"liquidity":"4522972368611078","ticks":[[-195000,"4522972368611078"],[-194700,"-4522972368611078"]],"completeTickRange":[-195000,-194701],"assumed":"ticks: made up"},
        {"dex":"camelot-v3","address":"0x1000000000000000000000000000000000000004","token0":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","token1":"0x912CE59144191C1204E64559FE8253a0e49E6548","feeZeroToOne":100,"feeOneToZero":250,"tickSpacing":60,"sqrtPriceX96":"79228162514264337593543950336","tick":0,"liquidity":"2000000","ticks":[[-887220,"2000000"],[887220,"-2000000"]]},
        {"dex":"curve","address":"0x7f90122BF0700F9E7e1F688fe926940E8839F353","coins":["0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8","0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9"],"variant":"stableswap","A":"200000","fee":"1000000","adminFee":"5000000000","rates":["1000000000000000000000000000000","1000000000000000000000000000000"],"balances":["60000000000000","55000000000000"]},
        {"dex":"curve","address":"0x1000000000000000000000000000000000000005","coins":["0xaf88d065e77c8cC2239327C5EDb3A432268e5831","0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1"],"variant":"stableswap-ng","A":"150000","fee":"1000000","offpegFeeMultiplier":"50000000000","adminFee":"5000000000","rates":["1000000000000000000000000000000","1000000000000000000000000000000","1000000000000000000"],"balances":["3000000000000","2900000000000","3100000000000000000000000"],"ramp":{"initialA":"100000","futureA":"200000","initialTime":"1724900000","futureTime":"1725000000"}}
        ]}

        """

    /// The bytes of `canonical` with `old` replaced by `new` (once, where it must occur).
    static func edited(_ old: String, _ new: String) -> [UInt8] {
        precondition(canonical.contains(old), "the test's text has no \(old)")
        return Array(canonical.replacingOccurrences(of: old, with: new).utf8)
    }

    /// Whether two pools are the same value of the same type.
    static func same(_ a: any PricingPool, _ b: any PricingPool) -> Bool {
        func equal<Pool: PricingPool & Equatable>(_ a: Pool) -> Bool { (b as? Pool) == a }
        guard let a = a as? any PricingPool & Equatable else { return false }
        return equal(a)
    }

    @Test("every family reads and writes back to the same bytes")
    func canonicalRoundTrip() throws {
        let snapshot = try Self.codec.decode(Array(Self.canonical.utf8))
        #expect(try Self.codec.encode(snapshot) == Array(Self.canonical.utf8))
        #expect(snapshot.block == 247_867_692 && snapshot.timestamp == 1_724_917_466)
        #expect(snapshot.l2BaseFee == UInt256(10_000_000) && snapshot.l1PricePerUnit == UInt256(31_000_000_000))
        #expect(snapshot.pools.map(\.dex) == [
            "uniswap-v2", "sushiswap-v2", "camelot-v2", "camelot-v2", "uniswap-v3", "uniswap-v3", "camelot-v3", "camelot-v3", "curve", "curve",
        ])
        #expect(snapshot.pools.map(\.assumption) == [
            nil, nil, nil, nil, "ticks: the active liquidity over a band", nil, "ticks: made up", nil, nil, nil,
        ])
        let types = snapshot.pools.map { "\(type(of: $0.pool))" }
        #expect(types == [
            "UniswapV2Pool", "UniswapV2Pool", "CamelotV2Pool", "CamelotV2Pool", "UniswapV3Pool", "UniswapV3Pool",
            "CamelotV3Pool", "CamelotV3Pool", "CurveStableSwapPool", "CurveStableSwapPool",
        ])
    }

    @Test("the fields land in the pools: reserves, fees, stable flag, tick tables and ranges, coins, ramp")
    func fieldsReachThePools() throws {
        let pools = try Self.codec.decode(Array(Self.canonical.utf8)).pools.map(\.pool)
        let pair = try #require(pools[0] as? UniswapV2Pool)
        #expect(pair.reserve0 == UInt256(decimal: "28052170338612109821") && pair.reserve1 == UInt256(71_624_446_852))
        #expect(pair.fee.millionths == 3000)
        #expect(pair.tokens == [try Address(hex: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1"), try Address(hex: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831")])
        let volatile = try #require(pools[2] as? CamelotV2Pool)
        let stable = try #require(pools[3] as? CamelotV2Pool)
        #expect(!volatile.stableSwap && volatile.token0FeePercent == 300 && volatile.token1FeePercent == 250 && volatile.protocolFeeShare == 0)
        #expect(stable.stableSwap && stable.protocolFeeShare == 40000)
        let banded = try #require(pools[4] as? UniswapV3Pool)
        #expect(banded.completeTickRange == -198_840 ... -196_921)
        #expect(banded.ticks.entries.map(\.tick) == [-198_840, -196_920])
        let full = try #require(pools[5] as? UniswapV3Pool)
        #expect(full.completeTickRange == nil)
        #expect(full.ticks.entries.map(\.liquidityGross) == [UInt256(1_500_000), UInt256(500_000), UInt256(1_500_000)])
        let directional = try #require(pools[7] as? CamelotV3Pool)
        #expect(directional.feeZeroToOne == 100 && directional.feeOneToZero == 250)
        let ng = try #require(pools[9] as? CurveStableSwapPool)
        #expect(ng.tokens.count == 3 && ng.variant == .stableswapNG && ng.ramp?.futureA == UInt256(200_000))
    }

    @Test("key order, white space and unknown top-level keys are free on input; the pools read back equal")
    func freeLayoutReadsTheSame() throws {
        // The same document re-serialised by Foundation with sorted keys and indentation, plus an `about`.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Self.canonical.utf8)) as? [String: Any])
        object["about"] = "a note the codec ignores"
        let pretty = Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]))
        #expect(pretty != Array(Self.canonical.utf8))
        let fromPretty = try Self.codec.decode(pretty)
        let written = try Self.codec.encode(fromPretty)
        #expect(written == Array(Self.canonical.utf8))
        let again = try Self.codec.decode(written)
        #expect(try Self.codec.encode(again) == written)
        let original = try Self.codec.decode(Array(Self.canonical.utf8))
        #expect(zip(original.pools, fromPretty.pools).allSatisfy { Self.same($0.pool, $1.pool) && $0.dex == $1.dex && $0.assumption == $1.assumption })
        #expect(zip(original.pools, again.pools).allSatisfy { Self.same($0.pool, $1.pool) })
    }

    @Test("without the optional prices and with no pools, the header alone is written")
    func minimalSnapshot() throws {
        let bytes = Array(#"{"block":1,"timestamp":2,"pools":[]}"#.utf8)
        let snapshot = try Self.codec.decode(bytes)
        #expect(snapshot.l2BaseFee == nil && snapshot.l1PricePerUnit == nil && snapshot.pools.isEmpty)
        #expect(try Self.codec.encode(snapshot) == Array("{\"block\":1,\"timestamp\":2,\"pools\":[\n]}\n".utf8))
    }

    /// The address of pool 0, 2 and 8 of `canonical`.
    static let v2Pair = "0xF64Dfe17C8b87F012FCf50FbDA1D62bfA148366a"
    static let camelotPair = "0x1000000000000000000000000000000000000001"
    static let twoPool = "0x7f90122BF0700F9E7e1F688fe926940E8839F353"

    /// A refusal: the edit, then what the error must say.
    struct Refusal: CustomTestStringConvertible {
        var bytes: [UInt8]
        var kind: SnapshotError.Kind
        var poolIndex: Int?
        var poolAddress: String?
        var field: String
        var message: String
        var testDescription: String { "\(field): \(message)" }
    }

    static let refusals: [Refusal] = [
        Refusal(bytes: edited(#""reserve0":"28052170338612109821""#, #""reserve0":"28052170338612109821x""#),
                kind: .field, poolIndex: 0, poolAddress: v2Pair, field: "pools[0].reserve0", message: "expected a decimal string below 2^256"),
        Refusal(bytes: edited(#","token1":"0xaf88d065e77c8cC2239327C5EDb3A432268e5831","reserve0":"28052170338612109821""#, #","reserve0":"28052170338612109821""#),
                kind: .field, poolIndex: 0, poolAddress: v2Pair, field: "pools[0].token1", message: "missing"),
        Refusal(bytes: edited(#""reserve0":"28052170338612109821""#, #""reserve0":"5192296858534827628530496329220096""#),
                kind: .invalidPool, poolIndex: 0, poolAddress: v2Pair, field: "pools[0]", message: "invalid state: reserve above 2^112 - 1"),
        Refusal(bytes: edited(#"{"dex":"camelot-v2","address":"0x1000000000000000000000000000000000000001""#, #"{"dex":"pancakeswap-v9","address":"0x1000000000000000000000000000000000000001""#),
                kind: .unknownDEX, poolIndex: 2, poolAddress: camelotPair, field: "pools[2].dex",
                message: #"unknown DEX "pancakeswap-v9" (known: camelot-v2, camelot-v3, curve, sushiswap-v2, uniswap-v2, uniswap-v3)"#),
        Refusal(bytes: edited(#"{"dex":"camelot-v2","address":"0x1000000000000000000000000000000000000001","#, #"{"address":"0x1000000000000000000000000000000000000001","#),
                kind: .field, poolIndex: 2, poolAddress: camelotPair, field: "pools[2].dex", message: "missing"),
        Refusal(bytes: edited(#""stable":false"#, #""stable":"no""#),
                kind: .field, poolIndex: 2, poolAddress: camelotPair, field: "pools[2].stable", message: "expected a boolean"),
        Refusal(bytes: edited(#"{"dex":"camelot-v2","address":"0x1000000000000000000000000000000000000001""#, #"{"dex":"camelot-v2","address":"0xF64Dfe17C8b87F012FCf50FbDA1D62bfA148366a""#),
                kind: .duplicatePool, poolIndex: 2, poolAddress: v2Pair, field: "pools[2].address", message: "the address of pools[0] too"),
        Refusal(bytes: edited(#""address":"0x1000000000000000000000000000000000000001""#, #""address":"0x10000000000000000000000000000000000000""#),
                kind: .field, poolIndex: 2, poolAddress: nil, field: "pools[2].address",
                message: "expected a 0x-prefixed 20-byte address (invalidHex(Kernel.Hex.Error.wrongLength(expected: 20, actual: 19)))"),
        Refusal(bytes: edited(#"[-100,"500000"]"#, #"[-100,500000]"#),
                kind: .field, poolIndex: 5, poolAddress: "0x1000000000000000000000000000000000000003", field: "pools[5].ticks[1][1]", message: "expected a string"),
        Refusal(bytes: edited(#""completeTickRange":[-198840,-196921]"#, #""completeTickRange":[-196921,-198840]"#),
                kind: .field, poolIndex: 4, poolAddress: "0x17c14D2c404D167802b16C450d3c99F88F2c4F4d", field: "pools[4].completeTickRange",
                message: "expected [lowest, highest] with lowest <= highest"),
        Refusal(bytes: edited(#""balances":["60000000000000","55000000000000"]"#, #""balances":["60000000000000","55000000000000","1"]"#),
                kind: .field, poolIndex: 8, poolAddress: twoPool, field: "pools[8].coins", message: "2 coins for 3 balances"),
        Refusal(bytes: edited(#""assumed":"ticks: made up""#, #""assumed":true"#),
                kind: .field, poolIndex: 6, poolAddress: "0x521aa84ab3fcc4c05cABaC24Dc3682339887B126", field: "pools[6].assumed", message: "expected a string"),
        Refusal(bytes: edited(#""block":247867692,"#, ""),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "block", message: "missing"),
        Refusal(bytes: edited(#""timestamp":1724917466"#, #""timestamp":-1"#),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "timestamp", message: "expected an integer in 0...18446744073709551615"),
        Refusal(bytes: edited(#""l2BaseFee":"10000000""#, #""l2BaseFee":10000000"#),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "l2BaseFee", message: "expected a string"),
        Refusal(bytes: Array(#"{"block":1,"timestamp":2}"#.utf8),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "pools", message: "missing"),
        Refusal(bytes: Array(#"{"block":1,"timestamp":2,"pools":{}}"#.utf8),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "pools", message: "expected an array"),
        Refusal(bytes: Array(#"{"block":1,"timestamp":2,"pools":["uniswap-v2"]}"#.utf8),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "pools[0]", message: "expected an object"),
        Refusal(bytes: Array(#"[{"block":1,"timestamp":2,"pools":[]}]"#.utf8),
                kind: .field, poolIndex: nil, poolAddress: nil, field: "", message: "expected a JSON object"),
    ]

    @Test("a refused snapshot names the pool, its address where readable, and the field", arguments: refusals)
    func refusal(_ refusal: Refusal) throws {
        let error = #expect(throws: SnapshotError.self) { try Self.codec.decode(refusal.bytes) }
        #expect(error?.kind == refusal.kind)
        #expect(error?.poolIndex == refusal.poolIndex)
        #expect(error?.poolAddress == (try refusal.poolAddress.map { try Address(hex: $0) }))
        #expect(error?.field == refusal.field)
        #expect(error?.message == refusal.message)
    }

    @Test("the message puts field, pool and problem on one line")
    func errorDescription() throws {
        let error = #expect(throws: SnapshotError.self) {
            try Self.codec.decode(Self.edited(#""reserve0":"28052170338612109821""#, #""reserve0":"-1""#))
        }
        #expect(error?.description == "pools[0].reserve0 (pool 0xF64Dfe17C8b87F012FCf50FbDA1D62bfA148366a): expected a decimal string below 2^256")
        let header = #expect(throws: SnapshotError.self) { try Self.codec.decode(Array(#"{"timestamp":2,"pools":[]}"#.utf8)) }
        #expect(header?.description == "block: missing")
    }

    @Test("bytes that are not one JSON document are refused with the offset", arguments: [
        ("", "not JSON: syntax at byte 0"),
        (#"{"block":1,"timestamp":2,"pools":["#, "not JSON: syntax at byte 34"),
        (#"{"block":1,"timestamp":2,"pools":[]} x"#, "not JSON: syntax at byte 37"),
        (#"{"block":1,,"timestamp":2,"pools":[]}"#, "not JSON: syntax at byte 11"),
    ])
    func malformedJSON(_ text: String, _ message: String) throws {
        let error = #expect(throws: SnapshotError.self) { try Self.codec.decode(Array(text.utf8)) }
        #expect(error?.kind == .malformedJSON && error?.field == "" && error?.poolIndex == nil)
        #expect(error?.message == message)
    }

    @Test("invalid UTF-8 in a string is malformed JSON")
    func invalidUTF8() throws {
        let bytes = Array(#"{"block":1,"timestamp":2,"about":""#.utf8) + [0xFF] + Array(#"","pools":[]}"#.utf8)
        let error = #expect(throws: SnapshotError.self) { try Self.codec.decode(bytes) }
        #expect(error?.kind == .malformedJSON)
    }

    @Test("writing refuses what reading would: an unknown DEX, a pool of another family, an address twice")
    func encodeRefusals() throws {
        let snapshot = try Self.codec.decode(Array(Self.canonical.utf8))
        let pair = snapshot.pools[0]

        var unknown = snapshot
        unknown.pools[1].dex = "pancakeswap-v9"
        let unknownError = #expect(throws: SnapshotError.self) { try Self.codec.encode(unknown) }
        #expect(unknownError?.kind == .unknownDEX && unknownError?.poolIndex == 1 && unknownError?.field == "pools[1].dex")

        var misfiled = snapshot
        misfiled.pools[0].dex = "curve"
        let misfiledError = #expect(throws: SnapshotError.self) { try Self.codec.encode(misfiled) }
        #expect(misfiledError?.kind == .invalidPool && misfiledError?.poolIndex == 0 && misfiledError?.field == "pools[0]")
        #expect(misfiledError?.message == "a UniswapV2Pool is not a pool of the plugin curve of curve")

        var twice = snapshot
        twice.pools.append(pair)
        let twiceError = #expect(throws: SnapshotError.self) { try Self.codec.encode(twice) }
        #expect(twiceError?.kind == .duplicatePool && twiceError?.poolIndex == 10 && twiceError?.message == "the address of pools[0] too")
    }
}
