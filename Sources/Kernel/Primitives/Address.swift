/// A 20-byte Ethereum account address, stored inline.
public struct Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 20 bytes in order, as they lie in memory.
    @usableFromInline
    var storage: (UInt64, UInt64, UInt32)

    /// Why a textual address was refused.
    public enum ParseError: Error, Equatable, Sendable {
        /// Not 40 hex digits after an optional `0x`.
        case invalidHex(Hex.Error)
        /// Mixed case that does not match the EIP-55 checksum.
        case badChecksum
    }

    /// The zero address (computed and inlinable, like `UInt256.zero`: no addressor call).
    @inlinable
    public static var zero: Address { @inline(__always) get { Address(storage: (0, 0, 0)) } }

    @inlinable
    init(storage: (UInt64, UInt64, UInt32)) { self.storage = storage }

    /// Copies exactly 20 bytes; nil for any other length.
    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 20 else { return nil }
        storage = (
            bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
        )
    }

    /// Copies exactly 20 bytes from a byte collection; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        var s: (UInt64, UInt64, UInt32) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &s) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        storage = s
    }

    /// The address in the low 20 bytes of a 32-byte hash (as a public key hash gives an address).
    public init(lowBytesOf hash: Hash32) {
        storage = hash.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 20, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
        }
    }

    /// The address whose big-endian value is `number`, as the precompiles and system accounts
    /// (`0x...6e`, `0x...a4b05`) are written.
    public init(precompile number: UInt64) {
        storage = (0, UInt64(UInt32(truncatingIfNeeded: number >> 32).bigEndian) << 32,
                   UInt32(truncatingIfNeeded: number).bigEndian)
    }

    /// The address whose 160-bit big-endian value is `high32 ‖ middle64 ‖ low64`, so that a
    /// constant address is written as its hex digits split 8 ‖ 16 ‖ 16 and cannot fail to build:
    /// `Address(high32: 0x82af_4944, middle64: 0x7d8a_07e3_bd95_bd0d, low64: 0x56f3_5241_523f_bab1)`.
    @inlinable
    public init(high32: UInt32, middle64: UInt64, low64: UInt64) {
        storage = ((UInt64(high32) << 32 | middle64 >> 32).bigEndian,
                   (middle64 << 32 | low64 >> 32).bigEndian,
                   UInt32(truncatingIfNeeded: low64).bigEndian)
    }

    /// Parses `0x` and 40 hex digits. All-lower-case and all-upper-case digits are taken as they are;
    /// mixed case must match the EIP-55 checksum.
    public init(hex text: some StringProtocol) throws(ParseError) {
        var s: (UInt64, UInt64, UInt32) = (0, 0, 0)
        do {
            try Swift.withUnsafeMutableBytes(of: &s) { (raw) throws(Hex.Error) in try Hex.decode(text, into: raw) }
        } catch {
            throw .invalidHex(error)
        }
        self.storage = s
        let letters = text.utf8.dropFirst(text.hasPrefix("0x") || text.hasPrefix("0X") ? 2 : 0)
        let hasLower = letters.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f") }
        let hasUpper = letters.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") }
        if hasLower && hasUpper && !letters.elementsEqual(checksummed.utf8.dropFirst(2)) {
            throw .badChecksum
        }
    }

    /// Calls `body` with the 20 bytes.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage, body)
    }

    /// The 20 bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// `0x` and 40 lower-case hex digits.
    public var description: String { withUnsafeBytes { Hex.encode($0) } }

    /// `0x` and 40 hex digits with the EIP-55 mixed-case checksum.
    public var checksummed: String {
        withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: 42) { out in
                let count = Hex.write(raw, into: out)
                let digits = UnsafeMutableBufferPointer(rebasing: out[2..<count])
                let digest = Keccak256.hash(UnsafeRawBufferPointer(digits))
                digest.withUnsafeBytes { d in
                    for (i, c) in digits.enumerated() {
                        let nibble = i & 1 == 0 ? d[i / 2] >> 4 : d[i / 2] & 0x0f
                        if c >= UInt8(ascii: "a") && nibble >= 8 { digits[i] = c &- 32 }
                    }
                }
                return count
            }
        }
    }

    public static func == (a: Address, b: Address) -> Bool {
        a.storage.0 == b.storage.0 && a.storage.1 == b.storage.1 && a.storage.2 == b.storage.2
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
    }

    /// Byte-wise (big-endian) order.
    public static func < (a: Address, b: Address) -> Bool {
        (UInt64(bigEndian: a.storage.0), UInt64(bigEndian: a.storage.1), UInt32(bigEndian: a.storage.2))
            < (UInt64(bigEndian: b.storage.0), UInt64(bigEndian: b.storage.1), UInt32(bigEndian: b.storage.2))
    }
}
