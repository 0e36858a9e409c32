import Curve
import Kernel
import Testing

/// Hand-written pool calls: each function family, tokens from the configured coins, and refusals.
@Suite struct PoolCallTests {
    typealias C = TestConfig
    let decoder: any SwapDecoder

    init() throws { decoder = try C.decoder() }

    static func leg(
        pool: Address, i: Int, j: Int, tokenIn: Address?, tokenOut: Address?, dx: UInt256, minDy: UInt256, recipient: Address? = nil
    ) -> SwapLeg {
        SwapLeg(dex: "curve", hops: [SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .coins(pool, i: i, j: j))],
                amount: .exactIn(dx), limit: minDy, recipient: recipient, deadline: nil)
    }

    static func error(_ body: () throws(DecodingError) -> DecodedSwap?) -> DecodingError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func stableSwapExchange() throws {
        let call = Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(1_000_000_000).uint(999_000_000)
        let swap = try decoder.decode(call.call(to: C.twoPool))
        #expect(swap == DecodedSwap(function: "exchange", legs: [
            Self.leg(pool: C.twoPool, i: 0, j: 1, tokenIn: C.usdce, tokenOut: C.usdt, dx: 1_000_000_000, minDy: 999_000_000),
        ]))
        let toReceiver = Calldata("exchange(int128,int128,uint256,uint256,address)").int(1).int(0).uint(5).uint(0).address(C.someone)
        #expect(try decoder.decode(toReceiver.call(to: C.twoPool))?.legs == [
            Self.leg(pool: C.twoPool, i: 1, j: 0, tokenIn: C.usdt, tokenOut: C.usdce, dx: 5, minDy: 0, recipient: C.someone),
        ])
    }

    @Test func nativeETHCoinIsWETH() throws {
        let call = Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(10).uint(9)
        let leg = try #require(try decoder.decode(call.call(to: C.wstETHPool, value: 10))?.legs.first)
        #expect(leg.tokenIn == ArbitrumOne.wrappedNativeToken)
        #expect(leg.tokenOut == C.wstETH)
        #expect(leg.amount == .exactIn(10))
    }

    @Test func cryptoFunctions() throws {
        let max = UInt256.max
        let useETH = Calldata("exchange(uint256,uint256,uint256,uint256,bool,address)").uint(1).uint(2).uint(max).uint(max).bool(true).address(C.someone)
        #expect(try decoder.decode(useETH.call(to: C.triCRV)) == DecodedSwap(function: "exchange", legs: [
            Self.leg(pool: C.triCRV, i: 1, j: 2, tokenIn: C.arb, tokenOut: C.crv, dx: max, minDy: max, recipient: C.someone),
        ]))
        let underlying = Calldata("exchange_underlying(uint256,uint256,uint256,uint256)").uint(2).uint(0).uint(7).uint(6)
        #expect(try decoder.decode(underlying.call(to: C.triCRV)) == DecodedSwap(function: "exchange_underlying", legs: [
            Self.leg(pool: C.triCRV, i: 2, j: 0, tokenIn: C.crv, tokenOut: C.crvUSD, dx: 7, minDy: 6),
        ]))
        let received = Calldata("exchange_received(uint256,uint256,uint256,uint256,address)").uint(0).uint(1).uint(3).uint(2).address(C.someone)
        #expect(try decoder.decode(received.call(to: C.triCRV))?.function == "exchange_received")
        let extended = Calldata("exchange_extended(uint256,uint256,uint256,uint256,bool,address,address,bytes32)")
            .uint(0).uint(2).uint(3).uint(2).bool(false).address(C.usdt).address(C.someone).uint(max)
        #expect(try decoder.decode(extended.call(to: C.triCRV)) == DecodedSwap(function: "exchange_extended", legs: [
            Self.leg(pool: C.triCRV, i: 0, j: 2, tokenIn: C.crvUSD, tokenOut: C.crv, dx: 3, minDy: 2, recipient: C.someone),
        ]))
    }

    @Test func configuredUnderlyingCoinsNameTheTokens() throws {
        let call = Calldata("exchange_underlying(int128,int128,uint256,uint256)").int(1).int(0).uint(100).uint(99)
        #expect(try decoder.decode(call.call(to: C.namedLendingPool)) == DecodedSwap(function: "exchange_underlying", legs: [
            Self.leg(pool: C.namedLendingPool, i: 1, j: 0, tokenIn: C.arb, tokenOut: C.usdce, dx: 100, minDy: 99),
        ]))
        let plain = Calldata("exchange(int128,int128,uint256,uint256)").int(1).int(0).uint(100).uint(99)
        #expect(try decoder.decode(plain.call(to: C.namedLendingPool))?.legs.first?.tokenIn == C.crv)
        let beyond = Calldata("exchange_underlying(int128,int128,uint256,uint256)").int(2).int(0).uint(100).uint(99)
        #expect(Self.error { () throws(DecodingError) in try decoder.decode(beyond.call(to: C.namedLendingPool)) }
                == DecodingError(.invalidValue, at: 4, field: "i"))
    }

    @Test func lendingUnderlyingWithoutConfiguredCoinsNamesNoTokens() throws {
        let call = Calldata("exchange_underlying(int128,int128,uint256,uint256)").int(2).int(7).uint(100).uint(99)
        #expect(try decoder.decode(call.call(to: C.lendingPool)) == DecodedSwap(function: "exchange_underlying", legs: [
            Self.leg(pool: C.lendingPool, i: 2, j: 7, tokenIn: nil, tokenOut: nil, dx: 100, minDy: 99),
        ]))
        let beyond = Calldata("exchange_underlying(int128,int128,uint256,uint256)").int(8).int(0).uint(100).uint(99)
        #expect(Self.error { () throws(DecodingError) in try decoder.decode(beyond.call(to: C.lendingPool)) }
                == DecodingError(.invalidValue, at: 4, field: "i"))
    }

    @Test func functionsThePoolLacksAreNotSwaps() throws {
        let calls: [(Calldata, Address)] = [
            (Calldata("exchange_underlying(int128,int128,uint256,uint256)").int(0).int(1).uint(1).uint(1), C.twoPool),
            (Calldata("exchange(uint256,uint256,uint256,uint256)").uint(0).uint(1).uint(1).uint(1), C.twoPool),
            (Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(1).uint(1), C.triCRV),
            (Calldata("exchange(address[11],uint256[5][5],uint256,uint256)").raw([UInt8](repeating: 0, count: 38 * 32)), C.twoPool),
            (Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(1).uint(1), C.someone),
            (Calldata("get_dy(int128,int128,uint256)").int(0).int(1).uint(1), C.twoPool),
        ]
        for (call, to) in calls {
            #expect(try decoder.decode(call.call(to: to)) == nil)
        }
        #expect(try decoder.decode(ContractCall(to: C.twoPool, data: [0x3d, 0xf0, 0x21][...], value: 0)) == nil)
        #expect(try decoder.decode(ContractCall(to: C.twoPool, data: [][...], value: 5)) == nil)
    }

    @Test func refusedArguments() {
        let exchange = Calldata("exchange(int128,int128,uint256,uint256)")
        let receiver = Calldata("exchange(int128,int128,uint256,uint256,address)")
        let useETH = Calldata("exchange(uint256,uint256,uint256,uint256,bool)")
        var dirtyInt = [UInt8](repeating: 0, count: 32)
        dirtyInt[15] = 1
        let cases: [(ContractCall, DecodingError)] = [
            (exchange.int(2).int(1).uint(1).uint(1).call(to: C.twoPool), DecodingError(.invalidValue, at: 4, field: "i")),
            (exchange.int(0).int(-1).uint(1).uint(1).call(to: C.twoPool), DecodingError(.invalidValue, at: 36, field: "j")),
            (exchange.int(0).int(Int.min).uint(1).uint(1).call(to: C.twoPool), DecodingError(.invalidValue, at: 36, field: "j")),
            (exchange.raw(dirtyInt).int(1).uint(1).uint(1).call(to: C.twoPool), DecodingError(.invalidValue, at: 4, field: "i")),
            // ABI checks come first, in argument order: a dirty `j` is reported before an `i` out of range.
            (exchange.int(9).raw(dirtyInt).uint(1).uint(1).call(to: C.twoPool), DecodingError(.invalidValue, at: 36, field: "j")),
            (exchange.int(0).int(1).uint(1).call(to: C.twoPool), DecodingError(.truncated, at: 100, field: "min_dy")),
            (exchange.int(0).int(1).uint(1).raw([1, 2, 3]).call(to: C.twoPool), DecodingError(.truncated, at: 100, field: "min_dy")),
            (exchange.raw([0]).call(to: C.twoPool), DecodingError(.truncated, at: 4, field: "i")),
            (receiver.int(0).int(1).uint(1).uint(1).uint(.max).call(to: C.twoPool), DecodingError(.invalidValue, at: 132, field: "receiver")),
            (receiver.int(0).int(1).uint(1).uint(1).call(to: C.twoPool), DecodingError(.truncated, at: 132, field: "receiver")),
            (useETH.uint(0).uint(1).uint(1).uint(1).uint(2).call(to: C.triCRV), DecodingError(.invalidValue, at: 132, field: "use_eth")),
            (useETH.uint(3).uint(1).uint(1).uint(1).bool(true).call(to: C.triCRV), DecodingError(.invalidValue, at: 4, field: "i")),
            (useETH.uint(0).uint(.max).uint(1).uint(1).bool(true).call(to: C.triCRV), DecodingError(.invalidValue, at: 36, field: "j")),
        ]
        for (call, expected) in cases {
            #expect(Self.error { () throws(DecodingError) in try decoder.decode(call) } == expected)
        }
    }

    @Test func bytesAfterTheHeadAreIgnored() throws {
        let call = Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(1).uint(1).raw([9, 9, 9])
        #expect(try decoder.decode(call.call(to: C.twoPool))?.legs.count == 1)
    }
}
