import Kernel

/// The `decode-call` line format: a swap `{"dex","function","legs":[...]}` (and
/// `"unknownRoutes":[...]` for aggregator swaps whose route is hidden), `{"swap":false}`, or
/// `{"error":{"kind","offset","message","dex"}}`. Amounts are decimal strings, addresses EIP-55.
enum SwapJSON {
    /// `{"swap":false}`.
    static var notASwap: JSONLine {
        var line = JSONLine()
        line.bool("swap", false)
        return line
    }

    /// `{"dex","function","legs":[...]}`, then `"unknownRoutes":[...]` only where an aggregator
    /// hides a route. `poolOf` names the pool of a hop in a leg of an entry (nil: not named).
    static func render(_ swap: DecodedSwap, dex: String, poolOf: (SwapHop, String) -> Address?) -> JSONLine {
        var line = JSONLine()
        line.string("dex", dex)
        line.string("function", swap.function)
        line.array("legs", swap.legs.map { render($0, outerDex: dex, poolOf: poolOf) })
        if !swap.unknownRoutes.isEmpty { line.array("unknownRoutes", swap.unknownRoutes.map(render)) }
        return line
    }

    /// `{"aggregator","tokenIn","tokenOut","amountIn","amountOutMin"}`, each null where the call
    /// does not say.
    static func render(_ route: UnknownRoute) -> JSONLine {
        var line = JSONLine()
        line.string("aggregator", route.aggregator)
        line.optionalString("tokenIn", route.tokenIn?.checksummed)
        line.optionalString("tokenOut", route.tokenOut?.checksummed)
        line.optionalString("amountIn", route.amountIn?.description)
        line.optionalString("amountOutMin", route.minAmountOut?.description)
        return line
    }

    /// `{"tokenIn","tokenOut","amountIn"|"amountOut","amountOutMin"|"amountInMax","path","recipient","deadline"}`,
    /// then `"allowRevert":true` only for a leg the call lets fail, and `"dex"` only for a leg of
    /// another entry than `outerDex` (a DEX router an aggregator called). `amountIn` is
    /// `"routerBalance"` for an exact input of whatever the router holds.
    static func render(_ leg: SwapLeg, outerDex: String, poolOf: (SwapHop, String) -> Address?) -> JSONLine {
        var line = JSONLine()
        line.optionalString("tokenIn", leg.tokenIn?.checksummed)
        line.optionalString("tokenOut", leg.tokenOut?.checksummed)
        let limitKey: String
        switch leg.amount {
        case .exactIn(let amount):
            line.string("amountIn", amount.description)
            limitKey = "amountOutMin"
        case .exactInRouterBalance:
            line.string("amountIn", "routerBalance")
            limitKey = "amountOutMin"
        case .exactOut(let amount):
            line.string("amountOut", amount.description)
            limitKey = "amountInMax"
        }
        line.optionalString(limitKey, leg.limit?.description)
        line.array("path", leg.hops.map { render($0, pool: poolOf($0, leg.dex)) })
        line.optionalString("recipient", leg.recipient?.checksummed)
        line.optionalString("deadline", leg.deadline?.description)
        if leg.allowRevert { line.bool("allowRevert", true) }
        if leg.dex != outerDex { line.string("dex", leg.dex) }
        return line
    }

    /// `{"tokenIn","tokenOut"}` and then `"fee","pool"` (the pool derived from the entry's
    /// factory; left out where it cannot be), `"pool","zeroForOne"`, `"pool","i","j"` or `"pool"` alone, then
    /// `"sqrtPriceLimitX96"` (a decimal string) only where the call passes a price limit.
    static func render(_ hop: SwapHop, pool: Address?) -> JSONLine {
        var line = JSONLine()
        line.optionalString("tokenIn", hop.tokenIn?.checksummed)
        line.optionalString("tokenOut", hop.tokenOut?.checksummed)
        switch hop.pool {
        case .byTokens(let fee):
            if let fee { line.number("fee", fee) } else { line.null("fee") }
            if let pool { line.string("pool", pool.checksummed) }
        case .pool(let pool, let zeroForOne):
            line.string("pool", pool.checksummed)
            line.bool("zeroForOne", zeroForOne)
        case .coins(let pool, let i, let j):
            line.string("pool", pool.checksummed)
            line.number("i", i)
            line.number("j", j)
        case .address(let pool):
            line.string("pool", pool.checksummed)
        }
        if let limit = hop.sqrtPriceLimitX96 { line.string("sqrtPriceLimitX96", limit.description) }
        return line
    }

    /// `{"error":{"kind","offset","message","dex"}}`; `dex` is null for a malformed input line.
    static func error(kind: String, offset: Int, message: String, dex: String?) -> JSONLine {
        var inner = JSONLine()
        inner.string("kind", kind)
        inner.number("offset", offset)
        inner.string("message", message)
        inner.optionalString("dex", dex)
        var line = JSONLine()
        line.object("error", inner)
        return line
    }
}
