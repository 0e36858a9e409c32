/// The L2 gas a cycle transaction uses, per hop kind, plus the transaction's intrinsic gas.
///
/// The defaults come from the real Arbitrum One swap receipts in the shared fixtures
/// (`chain/arbitrum_real_swaps_with_receipts.jsonl` with `chain/arbitrum_receipts.jsonl`): a
/// receipt's L2 gas is `gasUsed − gasUsedForL1`; from it the intrinsic 21,000 and the calldata's
/// 16 (non-zero) or 4 (zero) gas per byte are taken away. Only transactions with a single swap
/// count:
/// - Uniswap V3: the four single swaps through LlamaZip's router (4 to 12 bytes of calldata),
///   net 97,828, 115,644, 121,396 and 126,739: median 118,520 (the Universal Router's single V3
///   swap nets 119,096);
/// - Uniswap V2: the one single V2 swap (through Magpie's aggregator): 180,590;
/// - Curve: the one single StableSwap `exchange` (through ParaSwap): 175,968;
/// - Algebra: no single Algebra swap in the fixtures; the Uniswap V3 value stands in (the same
///   swap loop over ticks);
/// - Camelot V2: the Uniswap V2 value (the same pair logic).
/// The V2 and Curve figures went through aggregators, which add their own work (a V3-fork swap
/// through 1inch nets 173,741 against LlamaZip's 118,520), so they overstate what an executor
/// will pay; replace them with measurements once the executor contract exists.
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
    public static let receiptMedians = HopGasTable(uniswapV2: 180_590, camelotV2: 180_590, uniswapV3: 118_520, algebra: 118_520, curve: 175_968)

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
