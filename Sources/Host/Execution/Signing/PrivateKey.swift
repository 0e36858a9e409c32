import COpenSSL
import CSecp256k1
import Kernel

/// A secp256k1 private key: 32 bytes that libsecp256k1 accepts (`secp256k1_ec_seckey_verify`:
/// not zero, below the group order).
///
/// The bytes live in memory of their own, never in a Swift array or string, and are wiped
/// (`OPENSSL_cleanse`, which the optimizer cannot drop) when the key is released. No textual form
/// shows them: `description`, `debugDescription` and the mirror (`dump`) say `PrivateKey(redacted)`.
public final class PrivateKey: @unchecked Sendable {
    // Sendable: the bytes are written once, in `init`, and only read after.

    /// The key's byte count.
    public static let byteCount = 32

    /// The 32 bytes, allocated for this key alone.
    private let storage: UnsafeMutablePointer<UInt8>

    /// Why bytes were refused as a key. No case holds or shows the bytes.
    public enum Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
        /// Not 32 bytes (the count given).
        case wrongLength(Int)
        /// Text that is not hex.
        case notHex
        /// Zero, or not below the secp256k1 group order.
        case outOfRange
        /// The system's random source (OpenSSL `RAND_bytes`) failed.
        case randomUnavailable

        /// What is wrong, never the key.
        public var description: String {
            switch self {
            case .wrongLength(let count): "a private key is 32 bytes, not \(count)"
            case .notHex: "a private key is 64 hex digits, with or without 0x"
            case .outOfRange: "not a valid secp256k1 private key (zero or not below the group order)"
            case .randomUnavailable: "the system random source failed"
            }
        }
    }

    /// Fills a new key's bytes with `fill`, then checks them. If either fails, `deinit` wipes the
    /// bytes: Swift runs it when an initializer throws after storing every property.
    private init(fill: (UnsafeMutablePointer<UInt8>) throws(Error) -> Void) throws(Error) {
        storage = .allocate(capacity: Self.byteCount)
        storage.initialize(repeating: 0, count: Self.byteCount)
        try fill(storage)
        guard secp256k1_ec_seckey_verify(Secp256k1Context.shared, storage) == 1 else { throw .outOfRange }
    }

    /// The key with these 32 bytes.
    public convenience init(bytes: some Collection<UInt8>) throws(Error) {
        guard bytes.count == Self.byteCount else { throw .wrongLength(bytes.count) }
        try self.init { (key: UnsafeMutablePointer<UInt8>) throws(Error) in
            for (index, byte) in bytes.enumerated() { key[index] = byte }
        }
    }

    /// The key written as 64 hex digits, with or without `0x`; surrounding whitespace (a
    /// trailing newline from a file or a shell) is ignored. The digits are read in place, not
    /// copied.
    public convenience init(hex text: some StringProtocol) throws(Error) {
        let whole = Substring(text)
        guard let first = whole.firstIndex(where: { !$0.isWhitespace }),
              let last = whole.lastIndex(where: { !$0.isWhitespace }) else { throw .wrongLength(0) }
        let digits = whole[first...last]
        try self.init { (key: UnsafeMutablePointer<UInt8>) throws(Error) in
            do throws(Hex.Error) {
                try Hex.decode(digits, into: UnsafeMutableRawBufferPointer(start: key, count: Self.byteCount))
            } catch .wrongLength(_, let actual) {
                throw .wrongLength(actual)
            } catch {
                throw .notHex
            }
        }
    }

    /// A new key from OpenSSL's `RAND_bytes`, drawn again in the (2^-128) case that the bytes
    /// are not a valid key.
    public static func generate() throws(Error) -> PrivateKey {
        while true {
            do {
                return try PrivateKey { (key: UnsafeMutablePointer<UInt8>) throws(Error) in
                    guard RAND_bytes(key, Int32(Self.byteCount)) == 1 else { throw .randomUnavailable }
                }
            } catch .outOfRange {
                continue
            }
        }
    }

    /// The key's account: the low 20 bytes of keccak-256 of its uncompressed public key.
    public var address: Address {
        var publicKey = secp256k1_pubkey()
        let created = secp256k1_ec_pubkey_create(Secp256k1Context.shared, &publicKey, storage)
        precondition(created == 1, "libsecp256k1 refused a verified key")
        var serialized = [UInt8](repeating: 0, count: 65)
        var count = serialized.count
        secp256k1_ec_pubkey_serialize(Secp256k1Context.shared, &serialized, &count, &publicKey, UInt32(SECP256K1_EC_UNCOMPRESSED))
        return Address(lowBytesOf: Keccak256.hash(serialized[1...]))
    }

    deinit {
        OPENSSL_cleanse(storage, Self.byteCount)
        storage.deallocate()
    }

    /// Calls `body` with the 32 bytes. `body` must not copy them anywhere it does not wipe.
    func withUnsafeBytes<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try body(storage)
    }
}

extension PrivateKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `PrivateKey(redacted)`: never the key.
    public var description: String { "PrivateKey(redacted)" }
    /// `PrivateKey(redacted)`: never the key.
    public var debugDescription: String { description }
    /// A mirror without children, so that `dump` and reflection show no bytes.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}
