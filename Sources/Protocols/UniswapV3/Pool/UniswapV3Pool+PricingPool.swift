import Kernel

/// `PricingPool` through `ConcentratedLiquidityPool`: `tokens`, `amountOut` and `swap(_:from:to:)`
/// are an exact-input swap with no price limit.
extension UniswapV3Pool: ConcentratedLiquidityPool {}
