import Kernel

/// CamelotPair's two `swap` functions: the caller takes the amounts out and must have paid (or
/// pay, in the `data` callback) the input; the second names a `referrer` for part of the fee.
enum CamelotPairSwap: UInt32 {
    /// `swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data)`
    case swap = 0x022c_0d9f  // PairSwap.selector
    /// `swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data, address referrer)`
    case swapWithReferrer = 0x6e1f_dd7f

    /// The legs, as `PairSwap` reads them; the referrer is checked as an address, not reported.
    func decode(dex: String, pair: Address, arguments: ABIReader) throws(DecodingError) -> DecodedSwap? {
        let swap = try PairSwap.decode(dex: dex, pair: pair, arguments: arguments)
        if self == .swapWithReferrer {
            _ = try arguments.address(4, field: "referrer")
        }
        return swap
    }
}
