import Kernel
import Testing

/// Function selectors: from a signature, as bytes, and read back from calldata.
@Suite struct FunctionSelectorTests {
    @Test("selector of transfer(address,uint256) is a9059cbb")
    func fromSignature() {
        #expect(FunctionSelector.of("transfer(address,uint256)") == 0xa905_9cbb)
        #expect(FunctionSelector.bytes(0xa905_9cbb) == [0xa9, 0x05, 0x9c, 0xbb])
        #expect(FunctionSelector.of("swap(uint256,uint256,address,bytes)") == PairSwap.swap.rawValue)
        #expect(FunctionSelector.of("swap(uint256,uint256,address,bytes,address)") == PairSwap.swapWithReferrer.rawValue)
    }

    @Test func readsTheFirstFourBytesOfASlice() {
        let calldata: [UInt8] = [0xff, 0xa9, 0x05, 0x9c, 0xbb, 0x00]
        #expect(FunctionSelector.leading(calldata[1...]) == 0xa905_9cbb)
        #expect(FunctionSelector.leading(calldata[1..<5]) == 0xa905_9cbb)
        #expect(FunctionSelector.leading(calldata[1..<4]) == nil)
        #expect(FunctionSelector.leading([][...]) == nil)
    }

    @Test func pairRouterFunctionsTakeNameAndSelectorFromTheSignature() {
        let function = PairRouterFunction("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", .exactTokensIn(native: nil))
        #expect(function.name == "swapExactTokensForTokens")
        #expect(function.selector == 0x38ed_1739)
    }
}
