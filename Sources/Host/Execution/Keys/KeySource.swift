/// Where the bot's private key comes from: a keystore file whose password is in
/// `MEVBOT_KEYSTORE_PASSWORD`, or else the hex key in `MEVBOT_PRIVATE_KEY`. Never the repository
/// or the config; never echoed: errors name the variable, the file and the field, not the secret.
///
///     let key = try KeySource(keystore: path).load(environment: ProcessInfo.processInfo.environment)
///     let signer = TransactionSigner(key: key)
public enum KeySource: Equatable, Sendable {
    /// The hex key in `MEVBOT_PRIVATE_KEY`.
    case environment
    /// The Web3 Secret Storage v3 keystore at this path, decrypted with `MEVBOT_KEYSTORE_PASSWORD`.
    case keystore(path: String)

    /// The variable holding a hex private key.
    public static let privateKeyVariable = "MEVBOT_PRIVATE_KEY"
    /// The variable holding the keystore's password.
    public static let passwordVariable = "MEVBOT_KEYSTORE_PASSWORD"

    /// The keystore at `path` if there is one, else the environment's key.
    public init(keystore path: String?) {
        self = path.map { .keystore(path: $0) } ?? .environment
    }

    /// Loads and checks the key.
    public func load(environment: [String: String]) throws(KeySourceError) -> PrivateKey {
        switch self {
        case .environment:
            guard let text = environment[Self.privateKeyVariable] else { throw .missing(variable: Self.privateKeyVariable) }
            do {
                return try PrivateKey(hex: text)
            } catch {
                throw .invalidPrivateKey(variable: Self.privateKeyVariable, error)
            }
        case .keystore(let path):
            guard let password = environment[Self.passwordVariable] else { throw .missing(variable: Self.passwordVariable) }
            do {
                return try KeystoreFile.read(path: path, password: password)
            } catch {
                throw .keystore(error)
            }
        }
    }

    /// The password for a new keystore: `MEVBOT_KEYSTORE_PASSWORD`, which must be set and not empty.
    public static func newKeystorePassword(environment: [String: String]) throws(KeySourceError) -> String {
        guard let password = environment[passwordVariable] else { throw .missing(variable: passwordVariable) }
        guard !password.isEmpty else { throw .emptyPassword(variable: passwordVariable) }
        return password
    }
}

/// Why the key could not be loaded. No case holds the key or the password.
public enum KeySourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The variable is not set.
    case missing(variable: String)
    /// The variable is set to the empty string where a password is needed.
    case emptyPassword(variable: String)
    /// The variable does not hold a valid private key (why).
    case invalidPrivateKey(variable: String, PrivateKey.Error)
    /// The keystore could not be read or decrypted.
    case keystore(KeystoreError)

    /// What went wrong and where, never the secret.
    public var description: String {
        switch self {
        case .missing(let variable): "\(variable) is not set"
        case .emptyPassword(let variable): "\(variable) is empty; a new keystore needs a password"
        case .invalidPrivateKey(let variable, let error): "\(variable): \(error)"
        case .keystore(let error): error.description
        }
    }
}
