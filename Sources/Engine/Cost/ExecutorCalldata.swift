import Kernel

/// The packed calldata of the executor contract (`contracts/Executor.vy`), as the bot sends it:
/// no function selector, the contract's fallback reads it (`contracts/README.md` has the layout
/// byte by byte).
///
/// Layout:
/// - per hop, an opcode `0b11kkkffd`: `kkk` the `HopKind`, `ff` how the pool is named (0: its
///   20-byte address follows; 1: a 1-byte index into the contract's pool table follows; 2: a
///   2-byte big-endian index follows), `d` 1 when the hop goes from token 0 to token 1 (0 for
///   Curve); then the pool; a Curve hop then adds `tokenIn << 4 | tokenOut`;
/// - the input amount, big-endian without leading zeros (1 to 15 bytes);
/// - the minimum profit in the start token, the same way (0 to 15 bytes: none is zero);
/// - one byte: the input's length `<< 4 |` the minimum's length.
///
/// Every opcode is in `0xC0...0xE7`, a range no ABI function of the contract starts with, so
/// packed calldata never reaches one of them. Each hop spends all of the previous hop's output;
/// the contract reverts unless the cycle ends with more of the start token than it started
/// with, and at least the minimum more. A two-hop cycle of 1 WETH (8 bytes) with a minimum of
/// 10^14 wei (6 bytes) is 57 bytes with addresses and 19 with 1-byte indexes, three hops 78
/// and 21, against the 43-byte median of the 710 two-hop arbitrages on Arbitrum in the shared
/// fixtures.
public enum ExecutorCalldata {
    /// The most hops the contract runs in one cycle.
    public static let maxHops = 8
    /// The most bytes the input and the minimum profit may take each.
    public static let maxNumberBytes = 15

    /// The calldata for a cycle of `hops` fed with `amountIn`, reverting unless the profit
    /// reaches `minimumProfit`; pools found in `poolIndexes` (the contract's table, as the owner
    /// registered it with `setPool`) are named by their index, the others by address.
    public static func encode(
        hops: [ExecutorHop], amountIn: UInt256, minimumProfit: UInt256, poolIndexes: [Address: UInt16] = [:]
    ) throws(ExecutorCalldataError) -> [UInt8] {
        guard (1...maxHops).contains(hops.count) else { throw .hopCount(hops.count) }
        let amount = amountIn.minimalBigEndianBytes, minimum = minimumProfit.minimalBigEndianBytes
        guard !amount.isEmpty else { throw .zeroAmountIn }
        guard amount.count <= maxNumberBytes else { throw .amountInTooLarge(amountIn) }
        guard minimum.count <= maxNumberBytes else { throw .minimumProfitTooLarge(minimumProfit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hops.count * 22 + amount.count + minimum.count + 1)
        for (position, hop) in hops.enumerated() {
            try append(hop, at: position, index: poolIndexes[hop.pool], to: &bytes)
        }
        bytes.append(contentsOf: amount)
        bytes.append(contentsOf: minimum)
        bytes.append(UInt8(amount.count << 4 | minimum.count))
        return bytes
    }

    private static func append(_ hop: ExecutorHop, at position: Int, index: UInt16?, to bytes: inout [UInt8]) throws(ExecutorCalldataError) {
        let direction: UInt8
        if hop.kind == .curve {
            guard hop.tokenIn != hop.tokenOut, hop.tokenIn < 16, hop.tokenOut < 16 else { throw .tokens(hop: position) }
            direction = 0
        } else {
            guard hop.tokenIn < 2, hop.tokenOut == 1 - hop.tokenIn else { throw .tokens(hop: position) }
            direction = hop.tokenIn == 0 ? 1 : 0
        }
        let (form, reference): (UInt8, [UInt8]) = switch index {
        case nil: (0, hop.pool.withUnsafeBytes { Array($0) })
        case let index? where index < 256: (1, [UInt8(index)])
        case let index?: (2, [UInt8(index >> 8), UInt8(truncatingIfNeeded: index)])
        }
        bytes.append(0xC0 | hop.kind.rawValue << 3 | form << 1 | direction)
        bytes.append(contentsOf: reference)
        if hop.kind == .curve {
            bytes.append(hop.tokenIn << 4 | hop.tokenOut)
        }
    }
}

/// A cycle the executor's calldata cannot carry.
public enum ExecutorCalldataError: Error, Equatable, Sendable {
    /// No hops, or more than `ExecutorCalldata.maxHops`.
    case hopCount(Int)
    /// An input of zero.
    case zeroAmountIn
    /// An input longer than `ExecutorCalldata.maxNumberBytes` bytes.
    case amountInTooLarge(UInt256)
    /// A minimum profit longer than `ExecutorCalldata.maxNumberBytes` bytes.
    case minimumProfitTooLarge(UInt256)
    /// The hop at this position has token indexes its kind cannot have (0 and 1 for pairs and
    /// concentrated pools; two different coins below 16 for Curve).
    case tokens(hop: Int)
}
