import Kernel

/// A Magpie router call's calldata read the way the router reads it: `calldataload` at absolute
/// positions counted from the selector, 32 bytes zero-padded past the end, and the narrower
/// fields (one byte, a two-byte position, an address) as the top bits of that word.
struct MagpieCalldata {
    /// The whole call, selector first.
    let bytes: ArraySlice<UInt8>

    /// The number of bytes.
    var count: Int { bytes.count }

    /// `calldataload(position)`: the 32 bytes from `position`, zeros past the end.
    func load(_ position: Int) -> UInt256 {
        guard position >= 0, position < bytes.count else { return .zero }
        let start = bytes.startIndex + position
        let available = Swift.min(32, bytes.endIndex - start)
        let value = bytes[start..<(start + available)].withUnsafeBytes { UInt256(bigEndianBytes: $0) } ?? .zero
        return available == 32 ? value : value << (8 * (32 - available))
    }

    /// The byte at `position` (zero past the end).
    func byte(_ position: Int) -> Int {
        guard position >= 0, position < bytes.count else { return 0 }
        return Int(bytes[bytes.startIndex + position])
    }

    /// The big-endian two bytes at `position`: the router's positions and lengths.
    func uint16(_ position: Int) -> Int {
        byte(position) << 8 | byte(position + 1)
    }

    /// The 20 bytes at `position` as an address.
    func address(_ position: Int) -> Address {
        PackedWord.address(load(position) >> 96)
    }

    /// The four bytes at `position` as a selector.
    func selector(_ position: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: (load(position) >> 224).low64)
    }

    /// A shifted amount: the 32 bytes at `position` shifted right by `shift` bits, which keeps
    /// the `(256 − shift) / 8` bytes written there.
    func amount(at position: Int, shift: Int) -> UInt256 {
        load(position) >> shift
    }

    /// The header's three-byte amount reference at `position`: a shift byte, then the
    /// position of the value (`LibRouter.getData`).
    func headerAmount(_ position: Int) -> UInt256 {
        amount(at: uint16(position + 1), shift: byte(position))
    }
}
