/// Where a `ws://` or `wss://` URL points: what the connection dials and the handshake asks for.
struct WebSocketAddress: Equatable, Sendable {
    /// The host to dial and to name in `Host` (and, over TLS, in SNI): a name or an address,
    /// IPv6 without its brackets.
    var host: String
    /// The port: the URL's, else 80 (`ws`) or 443 (`wss`).
    var port: Int
    /// Whether the connection runs over TLS (`wss`).
    var secure: Bool
    /// The request target: path and query (`/` when the URL has neither); the fragment dropped.
    var target: String

    /// The `Host` header's value: the host (bracketed when IPv6), and the port when not the
    /// scheme's default.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }
}

extension WebSocketAddress {
    /// The address of `url`, or nil when it is not a `ws://` or `wss://` URL with a host and,
    /// if given, a port in 1...65535. User info before `@` is ignored.
    init?(_ url: String) {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard scheme == "ws" || scheme == "wss", url.dropFirst(scheme.count).hasPrefix("://"),
              let authority = RPCEndpoint.host(of: url) else { return nil }
        secure = scheme == "wss"
        let hostAndPort: (host: Substring, port: Substring?)
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            hostAndPort = (authority[authority.index(after: authority.startIndex)..<close], rest.isEmpty ? nil : rest.dropFirst())
        } else {
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            hostAndPort = (parts[0], parts.count == 2 ? parts[1] : nil)
        }
        guard !hostAndPort.host.isEmpty else { return nil }
        host = String(hostAndPort.host)
        if let text = hostAndPort.port {
            guard let number = Int(text), (1...65535).contains(number) else { return nil }
            port = number
        } else {
            port = secure ? 443 : 80
        }
        let tail = RPCEndpoint.tail(of: url).prefix { $0 != "#" }
        target = tail.isEmpty ? "/" : (tail.hasPrefix("/") ? String(tail) : "/" + tail)
    }

    /// Whether the host is an IP address rather than a name (no TLS server name is sent for it).
    var isLiteral: Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}
