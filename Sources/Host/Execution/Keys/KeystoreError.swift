/// Why a Web3 Secret Storage keystore could not be read, decrypted or written: the file, and
/// the field where one is at fault. No case holds the key, the password or anything derived
/// from them.
public struct KeystoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The keystore file's path.
    public var file: String
    /// What went wrong.
    public var problem: Problem

    /// What went wrong with a keystore.
    public enum Problem: Error, Equatable, Sendable {
        /// The file could not be read (the system's reason).
        case unreadable(String)
        /// The file is not JSON (the parser's reason, with the byte offset).
        case notJSON(String)
        /// A field is missing or has the wrong form (its path, e.g. `crypto.kdfparams.salt`, and
        /// what is wrong).
        case malformed(field: String, reason: String)
        /// A field names something this reader does not support (its path and value, e.g.
        /// `crypto.kdf` `argon2`).
        case unsupported(field: String, value: String)
        /// The MAC does not match: the password is wrong (or the ciphertext damaged).
        case wrongPassword
        /// The decrypted bytes are not a valid private key.
        case invalidKey
        /// The key decrypts, but its account is not the file's `address` field.
        case addressMismatch
        /// A new keystore would overwrite this existing file.
        case exists
        /// The file could not be written (the system's reason).
        case unwritable(String)
        /// An OpenSSL operation failed (which one).
        case crypto(String)
    }

    /// An error about `file`.
    public init(file: String, _ problem: Problem) {
        self.file = file
        self.problem = problem
    }

    /// `keystore FILE: what went wrong`.
    public var description: String {
        let what: String = switch problem {
        case .unreadable(let reason): "cannot read: \(reason)"
        case .notJSON(let reason): "not JSON: \(reason)"
        case .malformed(let field, let reason): field.isEmpty ? reason : "\(field): \(reason)"
        case .unsupported(let field, let value): "\(field): \(value) is not supported"
        case .wrongPassword: "wrong password (the MAC does not match)"
        case .invalidKey: "crypto.ciphertext: decrypts to an invalid private key"
        case .addressMismatch: "address: does not match the decrypted key's account"
        case .exists: "already exists; refusing to overwrite it"
        case .unwritable(let reason): "cannot write: \(reason)"
        case .crypto(let operation): "OpenSSL failed in \(operation)"
        }
        return "keystore \(file): \(what)"
    }
}
