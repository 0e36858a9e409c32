import Kernel

/// A Uniswap V3 (or fork) pool called directly:
/// `swap(address recipient, bool zeroForOne, int256 amountSpecified, uint160 sqrtPriceLimitX96, bytes data)`.
///
/// A positive `amountSpecified` is an exact input, a negative one an exact output of its
/// magnitude (0 makes the pool revert; it is kept as an exact input of 0). The hop names the pool
/// and direction, with the tokens when the config lists them, and a non-zero
/// `sqrtPriceLimitX96`; the leg has no limit (the price limit bounds the price, not an amount)
/// and no deadline.
struct PoolInterface: Sendable {
    /// The pool.
    let address: Address
    /// token0 and token1, where the config names them.
    let tokens: (token0: Address, token1: Address)?
    /// The entry the leg belongs to.
    let dex: String

    /// The leg of a `swap` call on the pool, or nil (appending nothing) for any other function.
    func append(_ call: ArraySlice<UInt8>, to unroller: inout MulticallUnroller) throws(DecodingError) -> String? {
        guard FunctionSelector.leading(call) == Selector.poolSwap else { return nil }
        let reader = CalldataReader.arguments(of: call, origin: unroller.origin)
        _ = try reader.bytes(4, field: "data")
        let priceLimit = try reader.uint(3, bits: 160, field: "sqrtPriceLimitX96")
        let amountSpecified = try reader.int(2, field: "amountSpecified")
        let zeroForOne = try reader.bool(1, field: "zeroForOne")
        let recipient = try reader.address(0, field: "recipient")
        let amount: SwapAmount = amountSpecified.isNegative ? .exactOut(amountSpecified.magnitude) : .exactIn(amountSpecified.bitPattern)
        let hop = SwapHop(tokenIn: zeroForOne ? tokens?.token0 : tokens?.token1,
                          tokenOut: zeroForOne ? tokens?.token1 : tokens?.token0,
                          pool: .pool(address, zeroForOne: zeroForOne), sqrtPriceLimitX96: priceLimit.isZero ? nil : priceLimit)
        unroller.legs.append(SwapLeg(dex: dex, hops: [hop], amount: amount, limit: nil, recipient: recipient, deadline: nil))
        return "swap"
    }
}
