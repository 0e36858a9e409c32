import Kernel

/// Decodes the Curve Router NG's `exchange` into one leg with a hop per pool step.
///
/// The router runs step 0, then step k while `_route[2k+1]` (its pool) is non-zero, at most 5.
/// Step k swaps `_route[2k]` for `_route[2k+2]` in pool `_route[2k+1]` (for a zap step, type 3,
/// in `_pools[k]`) with coin indexes `_swap_params[k][0]`, `[1]`: a hop `.coins(pool, i:, j:)`.
/// Liquidity steps (types 4–7) are hops too, their LP token as the hop's token; ETH↔WETH steps
/// (type 8) are no hop, since legs name native ETH as WETH. A call of wraps alone is not a swap.
///
/// Refused as calls the router reverts: no pool in step 0, a swap type outside 1–8, an index of
/// `CurveLimits.maxCoins` or more, a zap step without its pool. Offsets are relative to the
/// arguments (after the selector).
enum RouterCallDecoder {
    /// The swap `function` asks of the router.
    static func decode(_ function: CurveFunction, dex: String, args: ArraySlice<UInt8>) throws(DecodingError) -> DecodedSwap? {
        typealias L = RouterCallLayout
        let hasPools = function != .routerExchange
        let hasReceiver = function == .routerExchangeToReceiver
        let words = hasReceiver ? L.receiver + 1 : hasPools ? L.receiver : L.pools
        try requireHeadWords(words, in: args, field: L.field(atWord:))

        let reader = ABIReader(args)
        for word in L.route..<L.swapParams {
            _ = try reader.address(word, field: "route")
        }
        let amount = try reader.word(L.amount, field: "amount")
        let minDy = try reader.word(L.minDy, field: "min_dy")
        if hasPools {
            for word in L.pools..<L.receiver {
                _ = try reader.address(word, field: "pools")
            }
        }
        let recipient: Address? = hasReceiver ? try reader.address(L.receiver, field: "receiver") : nil

        var hops: [SwapHop] = []
        hops.reserveCapacity(L.maxSteps)
        for step in 0..<L.maxSteps {
            let poolWord = L.route + 2 * step + 1
            let swapAddress = try reader.address(poolWord, field: "route")
            if step == 0 && swapAddress == .zero {
                throw DecodingError(.invalidValue, at: poolWord * 32, field: "route")
            }
            let params = L.swapParams + L.wordsPerStep * step
            guard let type = try reader.word(params + 2, field: "swap_params").uint64Value.flatMap(RouterSwapType.init) else {
                throw DecodingError(.invalidValue, at: (params + 2) * 32, field: "swap_params")
            }
            if type != .wrap {
                let i = try coinIndex(try reader.word(params, field: "swap_params").intValue,
                                      below: CurveLimits.maxCoins, word: params, field: "swap_params")
                let j = try coinIndex(try reader.word(params + 1, field: "swap_params").intValue,
                                      below: CurveLimits.maxCoins, word: params + 1, field: "swap_params")
                var pool = swapAddress
                if type == .zapUnderlying {
                    let zapPoolWord = L.pools + step
                    pool = hasPools ? try reader.address(zapPoolWord, field: "pools") : .zero
                    if pool == .zero {
                        throw DecodingError(.invalidValue, at: (hasPools ? zapPoolWord : params + 2) * 32, field: "pools")
                    }
                }
                hops.append(SwapHop(
                    tokenIn: NativeETH.wrapping(try reader.address(poolWord - 1, field: "route")),
                    tokenOut: NativeETH.wrapping(try reader.address(poolWord + 1, field: "route")),
                    pool: .coins(pool, i: i, j: j)
                ))
            }
            let nextPool = step + 1 < L.maxSteps ? try reader.address(poolWord + 2, field: "route") : .zero
            if nextPool == .zero { break }
        }
        guard !hops.isEmpty else { return nil }
        let leg = SwapLeg(dex: dex, hops: hops, amount: .exactIn(amount), limit: minDy, recipient: recipient, deadline: nil)
        return DecodedSwap(function: function.name, legs: [leg])
    }
}
