import Camelot
import Curve
import Kernel
import UniswapV2
import UniswapV3

/// Runs one quote request on its plugin's pool math and renders the response line.
enum PoolQuoter {
    /// The response for `request`; the pool's `PoolError` where it refuses.
    static func quote(_ request: QuoteRequest) throws(PoolError) -> JSONLine {
        switch request {
        case .uniswapV2(let fields, let zeroForOne, let amount):
            guard let fee = PairFee(millionths: fields.fee.value) else { throw .invalidState("fee \(fields.fee.value): must be below 1000000") }
            var pair = try UniswapV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: fields.reserve0.value, reserve1: fields.reserve1.value, fee: fee)
            let (amountIn, amountOut): (UInt256, UInt256)
            switch amount {
            case .input(let exact): (amountIn, amountOut) = (exact, try pair.swap(exactIn: exact, zeroForOne: zeroForOne))
            case .output(let exact): (amountIn, amountOut) = (try pair.swap(exactOut: exact, zeroForOne: zeroForOne), exact)
            }
            return pairResponse(amountIn: amountIn, amountOut: amountOut, reserve0: pair.reserve0, reserve1: pair.reserve1)
        case .camelotV2(let fields, let zeroForOne, let amountIn):
            var pair = try CamelotV2Pool(
                address: .zero, token0: .zero, token1: .zero, reserve0: fields.reserve0.value, reserve1: fields.reserve1.value,
                token0FeePercent: try feePercent(fields.token0Fee.value, "token0Fee"), token1FeePercent: try feePercent(fields.token1Fee.value, "token1Fee"),
                stableSwap: fields.stable, decimals0: fields.decimals0.value, decimals1: fields.decimals1.value)
            let amountOut = try pair.swap(amountIn, zeroForOne: zeroForOne)
            return pairResponse(amountIn: amountIn, amountOut: amountOut, reserve0: pair.reserve0, reserve1: pair.reserve1)
        case .concentrated(let fields, let zeroForOne, let amountSpecified, let sqrtPriceLimitX96):
            let ticks = try TickTable(fields.ticks.map { TickTable.Entry(tick: $0.tick, liquidityNet: $0.liquidityNet) })
            let result: ConcentratedLiquiditySwapResult
            if fields.plugin == "camelot-v3" {
                let fee = try feePercent(fields.fee.value, "fee")
                let pool = try CamelotV3Pool(
                    address: .zero, token0: .zero, token1: .zero, tickSpacing: fields.tickSpacing.value, feeZeroToOne: fee, feeOneToZero: fee,
                    sqrtPriceX96: fields.sqrtPriceX96.value, tick: fields.tick.value, liquidity: fields.liquidity.value, ticks: ticks)
                result = try pool.quote(zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
            } else {
                let pool = try UniswapV3Pool(
                    address: .zero, token0: .zero, token1: .zero, fee: fields.fee.value, tickSpacing: fields.tickSpacing.value,
                    sqrtPriceX96: fields.sqrtPriceX96.value, tick: fields.tick.value, liquidity: fields.liquidity.value, ticks: ticks)
                result = try pool.quote(zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
            }
            var line = JSONLine()
            line.string("amount0", result.amount0.description)
            line.string("amount1", result.amount1.description)
            line.string("sqrtPriceX96", result.sqrtPriceX96.description)
            line.number("tick", result.tick)
            line.string("liquidity", result.liquidity.description)
            return line
        case .curve(let fields, let i, let j, let dx):
            var pool = try CurveStableSwapPool(
                address: .zero, coins: Array(repeating: .zero, count: fields.balances.count), variant: fields.variant.value,
                amplification: fields.A.value, fee: fields.fee.value, offpegFeeMultiplier: fields.offpegFeeMultiplier?.value ?? .zero,
                adminFee: fields.adminFee?.value ?? CurveStableSwapVariant.ngAdminFee,
                rates: fields.rates.map(\.value), balances: fields.balances.map(\.value)
            )
            let dy = try pool.exchange(dx, from: i, to: j)
            var line = JSONLine()
            line.string("dy", dy.description)
            line.strings("balances", pool.balances.array.map(\.description))
            return line
        }
    }

    /// A Camelot fee as the contract stores it (`uint16`); `invalidState` above 65535.
    private static func feePercent(_ value: UInt32, _ field: String) throws(PoolError) -> UInt16 {
        guard let fee = UInt16(exactly: value) else { throw .invalidState("\(field) \(value) does not fit uint16") }
        return fee
    }

    /// `{"amountIn","amountOut","reserve0","reserve1"}` for the V2-style pairs.
    private static func pairResponse(amountIn: UInt256, amountOut: UInt256, reserve0: UInt256, reserve1: UInt256) -> JSONLine {
        var line = JSONLine()
        line.string("amountIn", amountIn.description)
        line.string("amountOut", amountOut.description)
        line.string("reserve0", reserve0.description)
        line.string("reserve1", reserve1.description)
        return line
    }
}
