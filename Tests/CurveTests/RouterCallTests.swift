import Curve
import Kernel
import Testing

/// Hand-written Curve Router NG calls.
@Suite struct RouterCallTests {
    typealias C = TestConfig
    let decoder: any SwapDecoder

    init() throws { decoder = try C.decoder() }

    static let weth = ArbitrumOne.wrappedNativeToken
    static let zap = C.address("0x000000000000000000000000000000000000dead")
    static let metapool = C.address("0x000000000000000000000000000000000000beef")

    /// A router call: `route` padded to 11 with zeros, `steps` as `[i, j, swap_type, pool_type, n_coins]`.
    static func call(
        route: [Address], steps: [[UInt256]], amount: UInt256, minDy: UInt256, pools: [Address]? = nil, receiver: Address? = nil
    ) -> ContractCall {
        let signature = receiver != nil ? "exchange(address[11],uint256[5][5],uint256,uint256,address[5],address)"
            : pools != nil ? "exchange(address[11],uint256[5][5],uint256,uint256,address[5])"
            : "exchange(address[11],uint256[5][5],uint256,uint256)"
        var data = Calldata(signature)
        for token in route + Array(repeating: .zero, count: 11 - route.count) { data = data.address(token) }
        for step in steps + Array(repeating: [0, 0, 0, 0, 0], count: 5 - steps.count) {
            for value in step { data = data.uint(value) }
        }
        data = data.uint(amount).uint(minDy)
        if let pools {
            for pool in pools + Array(repeating: .zero, count: 5 - pools.count) { data = data.address(pool) }
        }
        if let receiver { data = data.address(receiver) }
        return data.call(to: C.routerNG)
    }

    static func error(_ body: () throws(DecodingError) -> DecodedSwap?) -> DecodingError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func arbToCrvUSDThenUSDT() throws {
        let usdtPool = C.address("0x73aF1150F265419Ef8a5DB41908B700C32D49135")
        let call = Self.call(route: [C.arb, C.triCRV, C.crvUSD, usdtPool, C.usdt],
                             steps: [[1, 0, 1, 30, 3], [0, 1, 1, 10, 2]], amount: 10, minDy: 9)
        #expect(try decoder.decode(call) == DecodedSwap(function: "exchange", legs: [SwapLeg(
            dex: "curve",
            hops: [
                SwapHop(tokenIn: C.arb, tokenOut: C.crvUSD, pool: .coins(C.triCRV, i: 1, j: 0)),
                SwapHop(tokenIn: C.crvUSD, tokenOut: C.usdt, pool: .coins(usdtPool, i: 0, j: 1)),
            ],
            amount: .exactIn(10), limit: 9, recipient: nil, deadline: nil
        )]))
    }

    @Test func wrapStepsAreNoHopAndETHIsWETH() throws {
        let eth = ArbitrumOne.nativeETHPlaceholder
        let call = Self.call(route: [eth, Self.weth, Self.weth, C.wstETHPool, C.wstETH],
                             steps: [[0, 0, 8, 0, 0], [0, 1, 1, 1, 2]], amount: 5, minDy: 4, pools: [], receiver: C.someone)
        let leg = try #require(try decoder.decode(call)?.legs.first)
        #expect(leg.hops == [SwapHop(tokenIn: Self.weth, tokenOut: C.wstETH, pool: .coins(C.wstETHPool, i: 0, j: 1))])
        #expect(leg.recipient == C.someone)
        let wrapOnly = Self.call(route: [eth, Self.weth, Self.weth], steps: [[0, 0, 8, 0, 0]], amount: 5, minDy: 5)
        #expect(try decoder.decode(wrapOnly) == nil)
    }

    @Test func zapStepNamesThePoolBehindTheZap() throws {
        let call = Self.call(route: [C.usdce, Self.zap, C.crvUSD], steps: [[1, 0, 3, 1, 3]], amount: 1, minDy: 1,
                             pools: [Self.metapool])
        #expect(try decoder.decode(call)?.legs.first?.hops == [
            SwapHop(tokenIn: C.usdce, tokenOut: C.crvUSD, pool: .coins(Self.metapool, i: 1, j: 0)),
        ])
    }

    @Test func fiveStepsAndJunkAfterTheLastPool() throws {
        let pools = (1...5).map { C.address("0x00000000000000000000000000000000000000a" + String($0)) }
        let tokens = (1...6).map { C.address("0x00000000000000000000000000000000000000b" + String($0)) }
        var route: [Address] = [tokens[0]]
        for k in 0..<5 { route += [pools[k], tokens[k + 1]] }
        let five = Self.call(route: route, steps: Array(repeating: [0, 1, 1, 1, 2], count: 5), amount: 1, minDy: 1)
        #expect(try decoder.decode(five)?.legs.first?.hops.map(\.pool) == pools.map { .coins($0, i: 0, j: 1) })
        var junk = Array(route.prefix(5)) + [.zero] + Array(route.dropFirst(6))
        junk[6] = C.someone
        let two = Self.call(route: junk, steps: [[0, 1, 1, 1, 2], [0, 1, 2, 1, 2], [9, 9, 99, 9, 9]], amount: 1, minDy: 1)
        #expect(try decoder.decode(two)?.legs.first?.hops.count == 2)
    }

    @Test func refusedRoutes() {
        let cases: [(ContractCall, DecodingError)] = [
            (Self.call(route: [C.arb, .zero, C.crvUSD], steps: [[1, 0, 1, 30, 3]], amount: 1, minDy: 1),
             DecodingError(.invalidValue, at: 4 + 32, field: "route")),
            (Self.call(route: [C.arb, C.triCRV, C.crvUSD], steps: [[1, 0, 9, 30, 3]], amount: 1, minDy: 1),
             DecodingError(.invalidValue, at: 4 + 13 * 32, field: "swap_params")),
            (Self.call(route: [C.arb, C.triCRV, C.crvUSD], steps: [[1, 8, 1, 30, 3]], amount: 1, minDy: 1),
             DecodingError(.invalidValue, at: 4 + 12 * 32, field: "swap_params")),
            (Self.call(route: [C.usdce, Self.zap, C.crvUSD], steps: [[1, 0, 3, 1, 3]], amount: 1, minDy: 1),
             DecodingError(.invalidValue, at: 4 + 13 * 32, field: "pools")),
            (Self.call(route: [C.usdce, Self.zap, C.crvUSD], steps: [[1, 0, 3, 1, 3]], amount: 1, minDy: 1, pools: []),
             DecodingError(.invalidValue, at: 4 + 38 * 32, field: "pools")),
            (ContractCall(to: C.routerNG, data: Self.call(route: [C.arb], steps: [], amount: 1, minDy: 1).data.dropLast(33), value: 0),
             DecodingError(.truncated, at: 4 + 36 * 32, field: "amount")),
        ]
        for (call, expected) in cases {
            #expect(Self.error { () throws(DecodingError) in try decoder.decode(call) } == expected)
        }
    }
}
