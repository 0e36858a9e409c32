import Curve
import Kernel
import Testing

/// The selector constants against Keccak-256 of their signatures.
@Suite struct CurveFunctionTests {
    @Test(arguments: CurveFunction.allCases)
    func selectorIsKeccakOfSignature(_ function: CurveFunction) {
        #expect(function.rawValue == FunctionSelector.of(function.signature), "\(function.signature)")
    }

    @Test func namesAndKinds() {
        #expect(CurveFunction.allCases.count == 18)
        #expect(Set(CurveFunction.allCases.map(\.name)) == ["exchange", "exchange_underlying", "exchange_received", "exchange_extended"])
        #expect(CurveFunction.allCases.filter(\.isRouterFunction) == [.routerExchange, .routerExchangeWithPools, .routerExchangeToReceiver])
        for function in CurveFunction.allCases {
            #expect(function.signature.hasPrefix(function.name + "("))
        }
    }

    @Test func nativeETHIsNamedAsWETH() {
        #expect(NativeETH.wrapping(ArbitrumOne.nativeETHPlaceholder) == ArbitrumOne.wrappedNativeToken)
        #expect(NativeETH.wrapping(ArbitrumOne.wrappedNativeToken) == ArbitrumOne.wrappedNativeToken)
        #expect(NativeETH.wrapping(TestConfig.usdt) == TestConfig.usdt)
    }
}
