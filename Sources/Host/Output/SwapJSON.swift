import Kernel

/// The `decode-call` line format: a swap `{"dex","function","legs":[...]}`, `{"swap":false}`, or
/// `{"error":{"kind","offset","message","dex"}}`. Amounts are decimal strings, addresses EIP-55.
enum SwapJSON {
    /// `{"swap":false}`.
    static var notASwap: JSONLine {
        var line = JSONLine()
        line.bool("swap", false)
        return line
    }

    /// `{"dex","function","legs":[...]}`.
    static func render(_ swap: DecodedSwap, dex: String) -> JSONLine {
        var line = JSONLine()
        line.string("dex", dex)
        line.string("function", swap.function)
        line.array("legs", swap.legs.map(render))
        return line
    }

    /// `{"tokenIn","tokenOut","amountIn"|"amountOut","amountOutMin"|"amountInMax","path","recipient","deadline"}`,
    /// then `"allowRevert":true` only for a leg the call lets fail. `amountIn` is
    /// `"routerBalance"` for an exact input of whatever the router holds.
    static func render(_ leg: SwapLeg) -> JSONLine {
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
        line.array("path", leg.hops.map(render))
        line.optionalString("recipient", leg.recipient?.checksummed)
        line.optionalString("deadline", leg.deadline?.description)
        if leg.allowRevert { line.bool("allowRevert", true) }
        return line
    }

    /// `{"tokenIn","tokenOut"}` and then `"fee"`, `"pool","zeroForOne"` or `"pool","i","j"`, then
    /// `"sqrtPriceLimitX96"` (a decimal string) only where the call passes a price limit.
    static func render(_ hop: SwapHop) -> JSONLine {
        var line = JSONLine()
        line.optionalString("tokenIn", hop.tokenIn?.checksummed)
        line.optionalString("tokenOut", hop.tokenOut?.checksummed)
        switch hop.pool {
        case .byTokens(let fee):
            if let fee { line.number("fee", fee) } else { line.null("fee") }
        case .pool(let pool, let zeroForOne):
            line.string("pool", pool.checksummed)
            line.bool("zeroForOne", zeroForOne)
        case .coins(let pool, let i, let j):
            line.string("pool", pool.checksummed)
            line.number("i", i)
            line.number("j", j)
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
