import Kernel

/// The calldata the executor contract is assumed to take, until that contract exists: a packed
/// encoding sized to estimate the L1 fee, not an ABI.
///
/// Layout:
/// - 1 byte: the length `ℓ` of the input amount (0 ... 32);
/// - `ℓ` bytes: the input amount, big-endian, without leading zeros;
/// - per hop, 21 bytes: an opcode (`kind << 1`, plus 1 when the hop goes from token 0 to token
///   1), then the pool's 20-byte address; a Curve hop adds 1 byte, `tokenIn << 4 | tokenOut`.
///
/// What it assumes: no function selector (the contract's fallback reads it); each hop spends
/// all of the previous hop's output, so only the first amount is sent; V2-style hops read
/// their reserves on chain to compute their output, V3-style hops pass the extreme price limit;
/// there is no minimum output because the contract reverts unless the cycle ends with more than
/// it started with. A two-hop cycle of an 8-byte amount (up to 1.8·10^19 wei) is 51 bytes; the
/// 710 two-hop arbitrages on Arbitrum in the shared fixtures have a median of 43 bytes (their
/// executors name pools by short registry indexes, which this model does not assume), three
/// hops 72 bytes against a median of 160.
public enum ExecutorCalldata {
    /// The bytes every hop takes: opcode and pool address.
    public static let bytesPerHop = 21

    /// The calldata for a cycle of `hops` fed with `amountIn`.
    public static func encode(hops: [ExecutorHop], amountIn: UInt256) -> [UInt8] {
        let amount = amountIn.minimalBigEndianBytes
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 + amount.count + hops.count * (bytesPerHop + 1))
        bytes.append(UInt8(amount.count))
        bytes.append(contentsOf: amount)
        for hop in hops {
            bytes.append(hop.kind.rawValue << 1 | (hop.tokenIn == 0 && hop.tokenOut == 1 ? 1 : 0))
            hop.pool.withUnsafeBytes { bytes.append(contentsOf: $0) }
            if hop.kind == .curve {
                bytes.append((hop.tokenIn & 0x0f) << 4 | (hop.tokenOut & 0x0f))
            }
        }
        return bytes
    }
}
