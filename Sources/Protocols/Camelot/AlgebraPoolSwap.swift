import Kernel

/// An AlgebraPool's swap functions, called directly on the pool.
enum AlgebraPoolSwap: UInt32 {
    /// `swap(address recipient, bool zeroToOne, int256 amountRequired, uint160 limitSqrtPrice, bytes data)`:
    /// exact input when `amountRequired` is positive, exact output of its magnitude when negative.
    case swap = 0x128a_cb08
    /// `swapSupportingFeeOnInputTokens(address sender, address recipient, bool zeroToOne,
    /// int256 amountRequired, uint160 limitSqrtPrice, bytes data)`: exact input of what the
    /// callback delivers, `amountRequired` being what it is asked for.
    case swapSupportingFeeOnInputTokens = 0x7133_4694

    /// The function's name, as legs report it.
    var name: String {
        switch self {
        case .swap: "swap"
        case .swapSupportingFeeOnInputTokens: "swapSupportingFeeOnInputTokens"
        }
    }

    /// The one leg on `pool`, its hop carrying a non-zero `limitSqrtPrice`; nil for an amount of zero (the pool refuses it) and for a
    /// non-positive amount to `swapSupportingFeeOnInputTokens` (no input the call can name).
    func decode(dex: String, pool: Address, arguments: ABIReader) throws(DecodingError) -> DecodedSwap? {
        let recipientIndex = self == .swap ? 0 : 1
        if self == .swapSupportingFeeOnInputTokens {
            _ = try arguments.address(0, field: "sender")
        }
        let recipient = try arguments.address(recipientIndex, field: "recipient")
        let zeroToOne = try arguments.bool(recipientIndex + 1, field: "zeroToOne")
        let amountRequired = try arguments.int(recipientIndex + 2, field: "amountRequired")
        let limit = try arguments.uint(recipientIndex + 3, bits: 160, field: "limitSqrtPrice")
        _ = try arguments.bytes(recipientIndex + 4, field: "data")
        guard !amountRequired.isZero, self == .swap || !amountRequired.isNegative else { return nil }
        let amount: SwapAmount = amountRequired.isNegative ? .exactOut(amountRequired.magnitude) : .exactIn(amountRequired.bitPattern)
        let hop = SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: zeroToOne), sqrtPriceLimitX96: limit.isZero ? nil : limit)
        let leg = SwapLeg(dex: dex, hops: [hop], amount: amount, limit: nil, recipient: recipient, deadline: nil)
        return DecodedSwap(function: name, legs: [leg])
    }
}
