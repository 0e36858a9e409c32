import Kernel

/// AggregationRouterV6's direct forms (1inch's verified `UnoswapRouter.sol`): one, two or three
/// pools as `Address`-typed words (`OneInchV6Pool`), in `unoswap(token, amount, minReturn, dex)`,
/// `unoswapTo(to, …)` and `ethUnoswap(minReturn, dex)`, `ethUnoswapTo(to, minReturn, dex)` (ETH
/// sent, wrapped first), and their `2` and `3` forms with `dex2`, `dex3` after `dex`. `to` and
/// `token` are `Address` words too: the address in their low 160 bits.
struct UnoswapV6Call {
    /// The entry's name.
    let aggregator: String
    /// The router's WETH: the token in of the `eth` forms.
    let wrappedNative: Address

    /// One function's shape.
    struct Form: Sendable {
        /// Its name.
        let function: String
        /// Whether it starts with the recipient `to`.
        let hasRecipient: Bool
        /// Whether it swaps the ETH sent (no `token`, `amount`).
        let paysETH: Bool
        /// How many pools.
        let pools: Int

        /// Its selector: every argument is a uint256 word.
        var selector: UInt32 {
            let words = (hasRecipient ? 1 : 0) + (paysETH ? 0 : 2) + 1 + pools
            return FunctionSelector.of("\(function)(\(Array(repeating: "uint256", count: words).joined(separator: ",")))")
        }
    }

    /// The twelve forms, by selector.
    static let forms: [UInt32: Form] = {
        var forms: [UInt32: Form] = [:]
        for pools in 1...3 {
            for (stem, paysETH) in [("unoswap", false), ("ethUnoswap", true)] {
                for hasRecipient in [false, true] {
                    let function = stem + (hasRecipient ? "To" : "") + (pools == 1 ? "" : String(pools))
                    let form = Form(function: function, hasRecipient: hasRecipient, paysETH: paysETH, pools: pools)
                    forms[form.selector] = form
                }
            }
        }
        return forms
    }()

    /// The swap of a V6 direct form, or nil for another function. A Curve pool called through an
    /// `exchange_underlying` selector makes it an unknown route.
    func decode(selector: UInt32, _ arguments: CalldataReader, value: UInt256) throws(DecodingError) -> DecodedSwap? {
        guard let form = Self.forms[selector] else { return nil }
        var word = 0
        var recipient: Address?
        if form.hasRecipient {
            recipient = PackedWord.address(try arguments.uint(0, field: "to"))
            word = 1
        }
        var tokenIn = wrappedNative
        var amount = value
        if !form.paysETH {
            tokenIn = PackedWord.address(try arguments.uint(word, field: "token"))
            amount = try arguments.uint(word + 1, field: "amount")
            word += 2
        }
        let minReturn = try arguments.uint(word, field: "minReturn")
        var hops: [SwapHop] = []
        hops.reserveCapacity(form.pools)
        var readable = true
        var last = OneInchV6Pool(word: .zero)
        for k in 1...form.pools {
            last = OneInchV6Pool(word: try arguments.uint(word + k, field: "dex"))
            if let hop = try last.hop(at: arguments.offset(ofWord: word + k)) { hops.append(hop) } else { readable = false }
        }
        let tokenOut = last.unwrapsWETH ? wrappedNative : nil
        guard readable else {
            let route = UnknownRoute(aggregator: aggregator, tokenIn: tokenIn, tokenOut: tokenOut, amountIn: amount, minAmountOut: minReturn)
            return DecodedSwap(function: form.function, legs: [], unknownRoutes: [route])
        }
        return oneInchDirectSwap(form.function, aggregator: aggregator, hops: hops, tokenIn: tokenIn, tokenOut: tokenOut,
                                 amount: amount, minReturn: minReturn, recipient: recipient)
    }
}
