import Curve
import Kernel
import Testing

/// The selector constants against Keccak-256 of their signatures.
@Suite struct CurveFunctionTests {
    @Test(arguments: CurveFunction.allCases)
    func selectorIsKeccakOfSignature(_ function: CurveFunction) {
        #expect(function.rawValue == Calldata.selector(function.signature), "\(function.signature)")
    }

    @Test func namesAndKinds() {
        #expect(CurveFunction.allCases.count == 18)
        #expect(Set(CurveFunction.allCases.map(\.name)) == ["exchange", "exchange_underlying", "exchange_received", "exchange_extended"])
        #expect(CurveFunction.allCases.filter(\.isRouterFunction) == [.routerExchange, .routerExchangeWithPools, .routerExchangeToReceiver])
        for function in CurveFunction.allCases {
            #expect(function.signature.hasPrefix(function.name + "("))
        }
    }

    @Test func nativeETHConstants() {
        #expect(NativeETH.placeholder.description == "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")
        #expect(NativeETH.wrapped.description == "0x82af49447d8a07e3bd95bd0d56f35241523fbab1")
        #expect(NativeETH.wrapping(NativeETH.placeholder) == NativeETH.wrapped)
        #expect(NativeETH.wrapping(TestConfig.usdt) == TestConfig.usdt)
    }
}
