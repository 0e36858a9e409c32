import Kernel

extension CamelotV3Pool {
    /// topic0 of `Swap(address indexed sender, address indexed recipient, int256 amount0,
    /// int256 amount1, uint160 price, uint128 liquidity, int24 tick)`.
    public static let swapTopic = ConcentratedLiquidityEvent.swapTopic
    /// topic0 of `Mint(address sender, address indexed owner, int24 indexed bottomTick,
    /// int24 indexed topTick, uint128 liquidityAmount, uint256 amount0, uint256 amount1)`.
    public static let mintTopic = ConcentratedLiquidityEvent.mintTopic
    /// topic0 of `Burn(address indexed owner, int24 indexed bottomTick, int24 indexed topTick,
    /// uint128 liquidityAmount, uint256 amount0, uint256 amount1)`.
    public static let burnTopic = ConcentratedLiquidityEvent.burnTopic
    /// topic0 of `Fee(uint16 feeZto, uint16 feeOtz)`, the direction-based fee change.
    public static let feeTopic = Keccak256.hash(Array("Fee(uint16,uint16)".utf8))
    /// topic0 of `TickSpacing(int24 newTickSpacing)`.
    public static let tickSpacingTopic = Keccak256.hash(Array("TickSpacing(int24)".utf8))

    /// The pool's events that change its pricing state.
    public static var stateEventTopics: [Hash32] {
        [swapTopic, mintTopic, burnTopic, feeTopic, tickSpacingTopic]
    }

    /// Applies one of the pool's logs. `applied`: `Swap` sets price, liquidity and tick;
    /// `Mint`/`Burn` change the two ticks and, in range, the active liquidity; `Fee` sets both
    /// directions' fees; `TickSpacing` sets the spacing. `ignored`: a position change of 0 and
    /// other topics. `needsReload`: a position change the held state cannot take (more liquidity
    /// removed than its ticks hold, e.g. a position on ticks beyond the loaded ones). A log the
    /// pool cannot have emitted throws `malformed` (`ConcentratedLiquidityEvent.decode` for the
    /// first three; a fee above uint16 or a spacing outside 1 … 500) and changes nothing.
    public mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect {
        let data = ABIReader(log.data[...])
        switch log.topics.first {
        case Self.feeTopic:
            let (zeroToOne, oneToZero) = try PoolError.decoding { () throws(DecodingError) in
                (try data.uint(0, bits: 16, field: "Fee.feeZto"), try data.uint(1, bits: 16, field: "Fee.feeOtz"))
            }
            feeZeroToOne = UInt16(truncatingIfNeeded: zeroToOne.low64)
            feeOneToZero = UInt16(truncatingIfNeeded: oneToZero.low64)
        case Self.tickSpacingTopic:
            tickSpacing = try PoolError.decoding { () throws(DecodingError) in
                let spacing = try data.int(0, bits: 24, field: "TickSpacing.newTickSpacing")
                guard let value = spacing.int64Value, value > 0, value <= Int64(Self.maxTickSpacing) else {
                    throw DecodingError(.invalidValue, at: 0, field: "TickSpacing.newTickSpacing")
                }
                return Int32(value)
            }
        default:
            guard let event = try ConcentratedLiquidityEvent.decode(log) else { return .ignored }
            return state.apply(event)
        }
        return .applied
    }

    /// Nothing of this value moves with the block alone, and the adaptive fee is not modelled:
    /// on its first swap or liquidity change at a new block time the pool writes a timepoint and
    /// recomputes `feeZto`/`feeOtz` from the volatility and volume accumulated in its timepoints
    /// (its `DataStorageOperator` computes the adaptive fee), which this value does not hold, and
    /// logs `Fee`.
    /// The fees stay those loaded or of the last `Fee` log applied, so a quote ahead of a block's
    /// first swap uses the fees the pool had before it.
    public mutating func advance(toBlock number: UInt64, timestamp: UInt64) throws(PoolError) {}
}
