import COpenSSL
import Kernel

/// A keystore's key derivation function and its parameters (`crypto.kdf`, `crypto.kdfparams`),
/// computed with the system OpenSSL.
enum KeystoreKDF: Equatable, Sendable {
    /// scrypt (`EVP_PBE_scrypt`): cost `n` (a power of two), block size `r`, parallelism `p`.
    case scrypt(n: UInt64, r: UInt64, p: UInt64, salt: [UInt8])
    /// PBKDF2-HMAC-SHA256 (`PKCS5_PBKDF2_HMAC`) with `c` iterations.
    case pbkdf2(c: UInt32, salt: [UInt8])

    /// The derived key's length: 16 bytes of AES key and 16 of MAC key.
    static let keyLength = 32
    /// The most memory scrypt may use (geth's standard n = 2^18, r = 8 needs 256 MiB).
    static let scryptMemoryLimit: UInt64 = 1 << 31

    /// geth's and eth-account's standard: scrypt n = 2^18, r = 8, p = 1, with `salt`.
    static func standardScrypt(salt: [UInt8]) -> KeystoreKDF { .scrypt(n: 1 << 18, r: 8, p: 1, salt: salt) }

    /// The 32-byte key derived from `password`; `nil` when OpenSSL fails. The caller wipes it.
    func derive(password: [UInt8]) -> [UInt8]? {
        var key = [UInt8](repeating: 0, count: Self.keyLength)
        let derived: Int32 = password.withUnsafeBufferPointer { pass in
            let passBytes = pass.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            return key.withUnsafeMutableBufferPointer { out in
                switch self {
                case .scrypt(let n, let r, let p, let salt):
                    return EVP_PBE_scrypt(passBytes, pass.count, salt, salt.count, n, r, p, Self.scryptMemoryLimit,
                                          out.baseAddress, out.count)
                case .pbkdf2(let c, let salt):
                    return PKCS5_PBKDF2_HMAC(passBytes, Int32(pass.count), salt, Int32(salt.count), Int32(c), EVP_sha256(),
                                             Int32(out.count), out.baseAddress)
                }
            }
        }
        guard derived == 1 else {
            wipe(&key)
            return nil
        }
        return key
    }

    /// The `kdf` name and `kdfparams` object of the keystore JSON.
    var json: (name: String, parameters: JSONObject) {
        switch self {
        case .scrypt(let n, let r, let p, let salt):
            ("scrypt", JSONObject([
                .init("dklen", .integer(Self.keyLength)), .init("n", .integer(n)), .init("p", .integer(p)),
                .init("r", .integer(r)), .init("salt", .string(Keystore.bareHex(salt))),
            ]))
        case .pbkdf2(let c, let salt):
            ("pbkdf2", JSONObject([
                .init("c", .integer(c)), .init("dklen", .integer(Self.keyLength)), .init("prf", .string("hmac-sha256")),
                .init("salt", .string(Keystore.bareHex(salt))),
            ]))
        }
    }

    /// Reads `crypto.kdf` and `crypto.kdfparams`, refusing what this reader cannot derive
    /// (another function or PRF, a key length other than 32, scrypt parameters OpenSSL would
    /// refuse or that need more than `scryptMemoryLimit`).
    init(crypto: JSONFields) throws(KeystoreError.Problem) {
        let name = try crypto.keystoreField("kdf", .string)
        let parameters = try crypto.keystoreField("kdfparams", .object)
        let length = try parameters.keystoreField("dklen", .integer(Int.self))
        guard length == Self.keyLength else { throw .unsupported(field: parameters.place("dklen"), value: String(length)) }
        let salt = try parameters.keystoreField("salt", Keystore.hexField)
        switch name {
        case "scrypt":
            let n = try parameters.keystoreField("n", .integer(UInt64.self))
            let r = try parameters.keystoreField("r", .integer(UInt32.self))
            let p = try parameters.keystoreField("p", .integer(UInt32.self))
            guard n > 1, n & (n - 1) == 0 else { throw .malformed(field: parameters.place("n"), reason: "must be a power of two above 1") }
            guard r > 0 else { throw .malformed(field: parameters.place("r"), reason: "must be positive") }
            guard p > 0 else { throw .malformed(field: parameters.place("p"), reason: "must be positive") }
            let (memory, overflow) = (128 * UInt64(r)).multipliedReportingOverflow(by: n)
            guard !overflow, memory < Self.scryptMemoryLimit else {
                throw .unsupported(field: parameters.place("n"), value: "\(n) with r \(r) (over 2 GiB of memory)")
            }
            self = .scrypt(n: n, r: UInt64(r), p: UInt64(p), salt: salt)
        case "pbkdf2":
            let prf = try parameters.keystoreField("prf", .string)
            guard prf == "hmac-sha256" else { throw .unsupported(field: parameters.place("prf"), value: prf) }
            let c = try parameters.keystoreField("c", .integer(UInt32.self))
            guard c > 0, c <= UInt32(Int32.max) else { throw .malformed(field: parameters.place("c"), reason: "must be in 1...\(Int32.max)") }
            self = .pbkdf2(c: c, salt: salt)
        default:
            throw .unsupported(field: crypto.place("kdf"), value: name)
        }
    }
}
