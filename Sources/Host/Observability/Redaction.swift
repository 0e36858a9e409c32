import Synchronization

/// What the service may print of its settings and errors: URLs shrunk to scheme, host and port,
/// and the values of secret environment variables (names containing KEY, SECRET, PASSWORD,
/// PRIVATE or TOKEN) replaced wherever they appear. The log handlers and `/ready` pass every
/// text through `scrub`, so a secret the process was started with is never printed, even inside
/// an error message.
public enum Redaction {
    /// What replaces a secret.
    public static let mask = "[REDACTED]"
    /// Upper-case fragments that make an environment variable's name secret.
    public static let secretNameFragments = ["KEY", "SECRET", "PASSWORD", "PRIVATE", "TOKEN"]
    /// Secret values shorter than this are not searched for in text (they would match words);
    /// they are still masked where printed as a setting.
    public static let shortestScrubbedSecret = 6

    /// Whether an environment variable named `name` holds a secret.
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return secretNameFragments.contains { upper.contains($0) }
    }

    /// `value` as a start-up setting named `name` may print it: masked when the name is secret,
    /// a URL reduced to its scheme, host and port, anything else as is.
    public static func setting(_ name: String, _ value: String) -> String {
        isSecretName(name) ? mask : scrub(url(value))
    }

    /// A URL's scheme, host and port only (`wss://user:pw@host:9642/key?x=1` gives
    /// `wss://host:9642`); text without `://` as is.
    public static func url(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let afterScheme = text[schemeEnd.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        return String(text[..<schemeEnd.upperBound] + hostPort)
    }

    /// Remembers the secret values of `environment` for `scrub`; the service calls it once at
    /// start with the process environment (logging's bootstrap does).
    public static func registerSecrets(from environment: [String: String]) {
        let values = environment.filter { isSecretName($0.key) && $0.value.count >= shortestScrubbedSecret }.map(\.value)
        secrets.withLock { $0.formUnion(values) }
    }

    /// `text` with every registered secret value replaced by `mask`.
    public static func scrub(_ text: String) -> String {
        let known = secrets.withLock { $0 }
        guard !known.isEmpty else { return text }
        var result = text
        for secret in known where result.contains(secret) {
            result = result.replacing(secret, with: mask)
        }
        return result
    }

    private static let secrets = Mutex<Set<String>>([])
}
