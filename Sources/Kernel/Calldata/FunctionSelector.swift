/// A function's 4-byte selector, the first four bytes of the calldata that calls it: the first
/// four bytes of the keccak-256 of its canonical signature, read big-endian.
public enum FunctionSelector {
    /// The selector `calldata` starts with, or nil when it has fewer than four bytes.
    @inlinable
    public static func leading(_ calldata: ArraySlice<UInt8>) -> UInt32? {
        guard calldata.count >= 4 else { return nil }
        let i = calldata.startIndex
        return UInt32(calldata[i]) << 24 | UInt32(calldata[i + 1]) << 16 | UInt32(calldata[i + 2]) << 8 | UInt32(calldata[i + 3])
    }

    /// The selector of the canonical `signature`, e.g. `transfer(address,uint256)` → `0xa9059cbb`.
    public static func of(_ signature: String) -> UInt32 {
        Keccak256.hash(Array(signature.utf8)).withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self)) }
    }

    /// The four bytes that calldata calling `selector` starts with, in an array with room for
    /// `capacity` bytes: a caller that writes the arguments after them allocates once.
    public static func bytes(_ selector: UInt32, reservingCapacity capacity: Int = 4) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Swift.max(capacity, 4))
        withUnsafeBytes(of: selector.bigEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
