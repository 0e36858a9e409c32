import Kernel

/// The route in a KyberSwap MetaAggregationRouterV2 call's `targetData`, in the L2 executor's
/// packed layout (Arbitrum, Optimism), as KyberSwap's own InputScalingHelperL2 reads it
/// (KyberNetwork/ks-helper-sc `ExecutorReader`, `DexScaler`, `Common`): a count of sequences,
/// each a count of swaps, each swap its data (4-byte length) and a 1-byte DEX index; then the
/// executor's token in and token out. The sequences split the amount and run side by side.
///
/// A swap names its pool by address or by an index into the executor's own pool list; only
/// Uniswap V2-like (`UNI`), Uniswap V3-like (`UniswapV3KSElastic`) and Algebra V1 swaps with
/// pools named by address are read. A route with any other swap is unreadable (nil).
struct KyberExecutorRoute {
    /// One hop: the pool, the token out where the swap names it, and the amount it takes where
    /// it is the first of its sequence.
    struct Hop: Equatable {
        /// The pool.
        var pool: Address
        /// The token out, where the swap's data names it (Algebra V1).
        var tokenOut: Address?
        /// The amount in (the first swap of a sequence only).
        var amount: UInt256?
    }

    /// The sequences, each its hops in order.
    var sequences: [[Hop]]
    /// The executor's token in.
    var tokenIn: Address
    /// The executor's token out.
    var tokenOut: Address

    /// The executor's DEX indexes read here (`InputScalingHelperL2.DexIndex`).
    enum Dex: Int {
        /// Uniswap V2 and forks: pool, recipient, amount.
        case uni = 0
        /// Uniswap V3 and forks, KyberSwap Elastic: recipient, pool, amount.
        case uniswapV3 = 10
        /// Algebra V1 (Camelot V3): recipient, pool, token out, amount.
        case algebraV1 = 21
    }

    /// The route of `data`, or nil where it is not one this reader can read in full.
    init?(_ data: ArraySlice<UInt8>) {
        var reader = PackedBytes(data)
        guard let sequenceCount = reader.int(1) else { return nil }
        var sequences: [[Hop]] = []
        for _ in 0..<sequenceCount {
            guard let swapCount = reader.int(1) else { return nil }
            var hops: [Hop] = []
            hops.reserveCapacity(swapCount)
            for position in 0..<swapCount {
                guard let length = reader.int(4), let swapData = reader.take(length), let index = reader.int(1),
                      let dex = Dex(rawValue: index), let hop = Self.hop(dex, swapData, first: position == 0) else { return nil }
                hops.append(hop)
            }
            sequences.append(hops)
        }
        guard let tokenIn = reader.address(), let tokenOut = reader.address() else { return nil }
        self.sequences = sequences
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
    }

    /// A swap's hop, or nil where its pool is an index or its data is short.
    private static func hop(_ dex: Dex, _ data: ArraySlice<UInt8>, first: Bool) -> Hop? {
        var reader = PackedBytes(data)
        switch dex {
        case .uni:
            guard let pool = pool(&reader), recipient(&reader) else { return nil }
            return Hop(pool: pool, tokenOut: nil, amount: first ? reader.uint(16) : nil)
        case .uniswapV3:
            guard recipient(&reader), let pool = pool(&reader) else { return nil }
            return Hop(pool: pool, tokenOut: nil, amount: first ? reader.uint(16) : nil)
        case .algebraV1:
            guard recipient(&reader), let pool = pool(&reader), let tokenOut = reader.address() else { return nil }
            return Hop(pool: pool, tokenOut: tokenOut, amount: first ? reader.uint(16) : nil)
        }
    }

    /// A pool: a 3-byte index into the executor's list, 0 followed by the address; nil for an index.
    private static func pool(_ reader: inout PackedBytes) -> Address? {
        guard let index = reader.int(3), index == 0 else { return nil }
        return reader.address()
    }

    /// Skips a recipient: a flag byte (1, 2: the executor's own choices), else followed by an
    /// address; false where the data ends.
    private static func recipient(_ reader: inout PackedBytes) -> Bool {
        guard let flag = reader.int(1) else { return false }
        return flag == 1 || flag == 2 || reader.address() != nil
    }
}
