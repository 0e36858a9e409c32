/// The L2 gas a cycle transaction uses, per hop kind, plus the transaction's intrinsic gas.
///
/// The defaults are measured on the executor contract itself (`contracts/test_executor.py`,
/// pyrevm, the genuine Uniswap V2 pair, Uniswap V3 pool and Curve StableSwap-NG code of the local
/// chain): the L2 gas of a cycle beyond its intrinsic gas is a fixed part (entry, calldata
/// decoding, the start token's balance checks, the profit's transfer to the owner: 25,565) plus
/// each hop's own. A V2 hop is the difference between a 3- and a 2-hop V2 cycle (49,749), the
/// fixed part what the 2-hop cycle leaves; a V3 hop is half of a 2-hop V3 cycle less the fixed
/// part (58,326), a Curve hop what a V2–Curve cycle leaves after the fixed part and a V2 hop
/// (85,259). Since the table has no fixed part, each value carries half of it (12,782): a 2-hop
/// cycle is estimated exactly, a 3-hop one 12,782 too high.
/// - Uniswap V2: 62,531;
/// - Uniswap V3: 71,108, in range: every initialized tick crossed adds to it;
/// - Curve: 98,041 (a 2-coin NG pool: approve, `exchange`, two balance reads);
/// - Camelot V2: the Uniswap V2 value, and Algebra the Uniswap V3 value, unmeasured (no genuine
///   Camelot bytecode offline); Camelot's `getAmountOut` and fee logic cost somewhat more.
/// The receipts of real single swaps in the shared fixtures netted far more (V2 180,590 and
/// Curve 175,968 through aggregators, V3 118,520 through LlamaZip's router), router work this
/// contract does not do.
public struct HopGasTable: Sendable, Equatable {
    /// Gas per Uniswap V2 hop.
    public var uniswapV2: UInt64
    /// Gas per Camelot V2 hop.
    public var camelotV2: UInt64
    /// Gas per Uniswap V3 hop.
    public var uniswapV3: UInt64
    /// Gas per Algebra hop.
    public var algebra: UInt64
    /// Gas per Curve hop.
    public var curve: UInt64

    /// The defaults described above.
    public static let executorMeasurements = HopGasTable(uniswapV2: 62_531, camelotV2: 62_531, uniswapV3: 71_108, algebra: 71_108, curve: 98_041)

    /// A table with these values.
    public init(uniswapV2: UInt64, camelotV2: UInt64, uniswapV3: UInt64, algebra: UInt64, curve: UInt64) {
        self.uniswapV2 = uniswapV2
        self.camelotV2 = camelotV2
        self.uniswapV3 = uniswapV3
        self.algebra = algebra
        self.curve = curve
    }

    /// The gas of one hop of `kind`.
    public func gas(for kind: HopKind) -> UInt64 {
        switch kind {
        case .uniswapV2: uniswapV2
        case .camelotV2: camelotV2
        case .uniswapV3: uniswapV3
        case .algebra: algebra
        case .curve: curve
        }
    }

    /// Sets the gas of one hop of `kind`.
    public mutating func setGas(_ gas: UInt64, for kind: HopKind) {
        switch kind {
        case .uniswapV2: uniswapV2 = gas
        case .camelotV2: camelotV2 = gas
        case .uniswapV3: uniswapV3 = gas
        case .algebra: algebra = gas
        case .curve: curve = gas
        }
    }

    /// A transaction's intrinsic gas (EIP-2028): 21,000 plus 16 per non-zero and 4 per zero
    /// calldata byte.
    public static func intrinsicGas(calldata: [UInt8]) -> UInt64 {
        calldata.reduce(21_000) { $0 + ($1 == 0 ? 4 : 16) }
    }

    /// The L2 gas of a cycle transaction: intrinsic gas for `calldata` plus each hop's gas
    /// (saturating).
    public func gas(hops: [ExecutorHop], calldata: [UInt8]) -> UInt64 {
        hops.reduce(Self.intrinsicGas(calldata: calldata)) { total, hop in
            let (sum, overflow) = total.addingReportingOverflow(gas(for: hop.kind))
            return overflow ? .max : sum
        }
    }
}
