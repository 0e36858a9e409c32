/// Keccak-256 as Ethereum uses it: Keccak[r = 1088, c = 512] with the original multi-rate
/// padding of the Keccak submission (a 0x01 byte after the message, 0x80 in the block's
/// last byte), not FIPS 202 SHA3-256 (which pads with 0x06 and so gives other digests).
///
/// One-shot hashing over contiguous bytes; see ``Keccak256Hasher`` to hash bytes that
/// arrive in pieces.
public enum Keccak256 {
    /// The digest of the bytes in `bytes`.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Hash32 {
        var hasher = Keccak256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the bytes in `bytes`.
    @inlinable
    public static func hash(_ bytes: [UInt8]) -> Hash32 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The digest of the bytes in `bytes`.
    @inlinable
    public static func hash(_ bytes: ArraySlice<UInt8>) -> Hash32 {
        bytes.withUnsafeBytes { hash($0) }
    }
}

/// An incremental Keccak-256 (Ethereum's keccak256): feed the message in any number of
/// pieces with `update`, then take the digest with ``finalize()``.
///
/// The sponge state is held inline (200 bytes, no buffer besides it: partial blocks are
/// absorbed into the state as they arrive), so hashing never allocates. Feeding a message
/// in pieces gives the same digest as hashing it in one piece, wherever it is split.
public struct Keccak256Hasher: Sendable {
    /// Bytes absorbed per permutation: the rate, 1088 bits.
    @inlinable
    static var rate: Int { 136 }

    /// The Keccak-f[1600] state, with the current block's bytes already XORed in.
    @usableFromInline
    var state: KeccakF1600.State

    /// How many bytes of the current block have been absorbed, 0 ..< 136.
    @usableFromInline
    var count: Int

    /// A hasher that has absorbed nothing.
    @inlinable
    public init() {
        state = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        count = 0
    }

    /// Absorbs the bytes in `bytes` (none if it is empty).
    @inlinable
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        absorb(base, bytes.count)
    }

    /// Absorbs one byte.
    @inlinable
    public mutating func update(byte: UInt8) {
        xor(byte, at: count)
        count &+= 1
        if count == Self.rate {
            KeccakF1600.permute(&state)
            count = 0
        }
    }

    /// Pads the message, returns its digest, and resets the hasher to its initial state,
    /// ready for a new message.
    @inlinable
    public mutating func finalize() -> Hash32 {
        xor(0x01, at: count)
        xor(0x80, at: Self.rate &- 1)
        KeccakF1600.permute(&state)
        let digest = Hash32(storage: (
            state.0.littleEndian, state.1.littleEndian, state.2.littleEndian, state.3.littleEndian
        ))
        self = Keccak256Hasher()
        return digest
    }

    /// XORs `byte` into byte `offset` (0 ..< 136) of the state's little-endian lanes.
    @inlinable
    @inline(__always)
    mutating func xor(_ byte: UInt8, at offset: Int) {
        withUnsafeMutableBytes(of: &state) { lanes in
            let laneOffset = offset & ~7
            let lane = lanes.load(fromByteOffset: laneOffset, as: UInt64.self)
            let shifted = UInt64(truncatingIfNeeded: byte) &<< UInt64(truncatingIfNeeded: (offset & 7) &* 8)
            lanes.storeBytes(of: lane ^ shifted, toByteOffset: laneOffset, as: UInt64.self)
        }
    }

    /// Absorbs `length` (> 0) bytes at `start`.
    @usableFromInline
    mutating func absorb(_ start: UnsafeRawPointer, _ length: Int) {
        var bytes = start
        var remaining = length
        if count != 0 {
            let take = min(remaining, Self.rate &- count)
            xor(bytes, take, at: count)
            count &+= take
            if count < Self.rate { return }
            KeccakF1600.permute(&state)
            count = 0
            bytes += take
            remaining &-= take
        }
        while remaining >= Self.rate {
            xorBlock(bytes)
            KeccakF1600.permute(&state)
            bytes += Self.rate
            remaining &-= Self.rate
        }
        if remaining > 0 {
            xor(bytes, remaining, at: 0)
            count = remaining
        }
    }

    /// XORs the 136-byte block at `block` into the first 17 lanes.
    @inline(__always)
    mutating func xorBlock(_ block: UnsafeRawPointer) {
        state.0 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        state.1 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        state.2 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        state.3 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        state.4 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 32, as: UInt64.self))
        state.5 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 40, as: UInt64.self))
        state.6 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 48, as: UInt64.self))
        state.7 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 56, as: UInt64.self))
        state.8 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 64, as: UInt64.self))
        state.9 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 72, as: UInt64.self))
        state.10 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 80, as: UInt64.self))
        state.11 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 88, as: UInt64.self))
        state.12 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 96, as: UInt64.self))
        state.13 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 104, as: UInt64.self))
        state.14 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 112, as: UInt64.self))
        state.15 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 120, as: UInt64.self))
        state.16 ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 128, as: UInt64.self))
    }

    /// XORs the `length` bytes at `bytes` into the state from byte `offset` on;
    /// `offset + length` ≤ 136.
    @inline(__always)
    mutating func xor(_ bytes: UnsafeRawPointer, _ length: Int, at offset: Int) {
        var i = 0
        var position = offset
        while i < length && position & 7 != 0 {
            xor(bytes.load(fromByteOffset: i, as: UInt8.self), at: position)
            i &+= 1
            position &+= 1
        }
        withUnsafeMutableBytes(of: &state) { lanes in
            while length &- i >= 8 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let lane = lanes.load(fromByteOffset: position, as: UInt64.self)
                lanes.storeBytes(of: lane ^ word, toByteOffset: position, as: UInt64.self)
                i &+= 8
                position &+= 8
            }
        }
        while i < length {
            xor(bytes.load(fromByteOffset: i, as: UInt8.self), at: position)
            i &+= 1
            position &+= 1
        }
    }
}
