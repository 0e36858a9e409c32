/// One JSON-RPC endpoint: its URL, which may carry an API key in its path, query or user info,
/// and the `host:port` label that errors and logs name it by instead.
public struct RPCEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The full URL, secrets included: only ever sent to the endpoint itself.
    let url: String
    /// `host:port` (the port only when the URL names one): safe to print.
    public let label: String

    /// An endpoint at `url`.
    public init(url: String) {
        self.url = url
        self.label = Self.host(of: url) ?? "(no host)"
    }

    /// The label.
    public var description: String { label }

    /// `text` with every occurrence of the URL, and of its part after the authority, replaced by
    /// the label: library errors may quote the URL they were given.
    func redacting(_ text: String) -> String {
        var redacted = text.replacing(url, with: label)
        let tail = Self.tail(of: url)
        if tail.count > 1 { redacted = redacted.replacing(tail, with: "") }
        return redacted
    }

    /// The authority of `url` without user info (`host` or `host:port`): what lies between
    /// `scheme://` (or the start) and the first `/`, `?` or `#`, after the last `@`; nil when empty.
    static func host(of url: String) -> String? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        return host.isEmpty ? nil : String(host)
    }

    /// Whether `url` is a URL of one of `schemes` with a host; a `ws://` or `wss://` one must
    /// also be one the WebSocket client can dial (`WebSocketAddress`: a port in 1...65535).
    static func accepts(_ url: String, schemes: [String]) -> Bool {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard schemes.contains(scheme), url.dropFirst(scheme.count).hasPrefix("://"), host(of: url) != nil else { return false }
        return scheme == "ws" || scheme == "wss" ? WebSocketAddress(url) != nil : true
    }

    /// The part of `url` after its authority: path, query and fragment.
    static func tail(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let start = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) else { return "" }
        return String(rest[start...])
    }
}
