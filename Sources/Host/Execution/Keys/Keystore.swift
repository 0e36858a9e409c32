import COpenSSL
import Kernel

/// Web3 Secret Storage v3: a private key encrypted under a password, as geth and eth-account
/// write it. The password derives 32 bytes (scrypt or PBKDF2-HMAC-SHA256); the first 16 are the
/// AES-128-CTR key that encrypts the private key, the last 16 authenticate the ciphertext:
/// `mac = keccak256(derivedKey[16..<32] ++ ciphertext)`.
///
/// The password, the derived key and the plaintext pass through arrays that are wiped after use.
enum Keystore {
    /// The salt's length in new keystores (eth-account's and geth's).
    static let saltLength = 32

    /// The key in `document`, decrypted with `password`. A MAC that does not match is
    /// `wrongPassword`; a key whose account is not the document's `address` is `addressMismatch`.
    static func decrypt(_ document: KeystoreDocument, password: String) throws(KeystoreError.Problem) -> PrivateKey {
        var derived = try derive(document.kdf, password: password)
        defer { wipe(&derived) }
        guard mac(derived: derived, ciphertext: document.ciphertext) == document.mac else { throw .wrongPassword }
        guard var plaintext = KeystoreCipher.apply(key: derived[..<KeystoreCipher.keyLength], iv: document.iv, to: document.ciphertext) else {
            throw .crypto("AES-128-CTR")
        }
        defer { wipe(&plaintext) }
        let key: PrivateKey
        do {
            key = try PrivateKey(bytes: plaintext)
        } catch {
            throw .invalidKey
        }
        if let address = document.address, address != key.address { throw .addressMismatch }
        return key
    }

    /// `key` encrypted under `password` with `kdf` (whose salt the caller drew) and a new random
    /// initial counter.
    static func encrypt(_ key: PrivateKey, password: String, kdf: KeystoreKDF) throws(KeystoreError.Problem) -> KeystoreDocument {
        let iv = try randomBytes(KeystoreCipher.ivLength)
        var derived = try derive(kdf, password: password)
        defer { wipe(&derived) }
        var plaintext = key.withUnsafeBytes { Array(UnsafeBufferPointer(start: $0, count: PrivateKey.byteCount)) }
        defer { wipe(&plaintext) }
        guard let ciphertext = KeystoreCipher.apply(key: derived[..<KeystoreCipher.keyLength], iv: iv, to: plaintext) else {
            throw .crypto("AES-128-CTR")
        }
        return KeystoreDocument(kdf: kdf, iv: iv, ciphertext: ciphertext, mac: mac(derived: derived, ciphertext: ciphertext), address: key.address)
    }

    /// `count` bytes from OpenSSL's `RAND_bytes`.
    static func randomBytes(_ count: Int) throws(KeystoreError.Problem) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw .crypto("RAND_bytes") }
        return bytes
    }

    /// The key `kdf` derives from `password`.
    private static func derive(_ kdf: KeystoreKDF, password: String) throws(KeystoreError.Problem) -> [UInt8] {
        var passwordBytes = Array(password.utf8)
        defer { wipe(&passwordBytes) }
        guard let derived = kdf.derive(password: passwordBytes) else { throw .crypto("key derivation") }
        return derived
    }

    /// keccak-256 of the derived key's second half and the ciphertext.
    private static func mac(derived: [UInt8], ciphertext: [UInt8]) -> Hash32 {
        var hasher = Keccak256Hasher()
        derived[KeystoreCipher.keyLength...].withUnsafeBytes { hasher.update($0) }
        ciphertext.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// A hex field of the JSON, with or without `0x`. The refusal does not repeat the text.
    static var hexField: JSONRead<[UInt8]> {
        JSONRead { (value, place) throws(JSONFieldError) in
            do {
                return try Hex.decode(value.string(at: place))
            } catch {
                throw JSONFieldError(field: place, message: "expected hex")
            }
        }
    }

    /// Lower-case hex without `0x`, as keystores write it.
    static func bareHex(_ bytes: some Sequence<UInt8>) -> String {
        String(Hex.encode(bytes).dropFirst(2))
    }
}
