import Yams

extension DEXConfigDecoder {
    /// The `rpc` mapping's keys, all optional.
    static let rpcKeys = ["endpoints", "ws", "maxConcurrent", "requestsPerSecond", "timeoutSeconds", "retries", "backoffMilliseconds"]

    /// Reads `rpc` over `RPCConfiguration`'s defaults (absent: every default; `endpoints` may be
    /// empty); nil when a field of it fails its check (the error is recorded). URLs may carry
    /// API keys, so errors never quote them.
    mutating func decodeRPC(_ node: Node?) -> RPCConfiguration? {
        var configuration = RPCConfiguration()
        guard let node, !ConfigFieldReader.isNull(node) else { return configuration }
        let place = ConfigPlace(entry: "rpc", field: "")
        let errorsBefore = reader.errors.count
        guard let fields = reader.fields(node, at: place, allowed: Self.rpcKeys, required: []) else { return nil }
        let endpoints = reader.list(fields["endpoints"], at: place.key("endpoints")) ?? []
        configuration.endpoints = endpoints.enumerated().compactMap {
            url($0.element, at: place.key("endpoints").index($0.offset), schemes: ["http", "https"])
        }
        configuration.webSocket = url(fields["ws"], at: place.key("ws"), schemes: ["ws", "wss"])
        if let value = reader.integer(fields["maxConcurrent"], at: place.key("maxConcurrent"), in: UInt(1)...1024) {
            configuration.maxConcurrent = Int(value)
        }
        if let value = reader.integer(fields["requestsPerSecond"], at: place.key("requestsPerSecond"), in: UInt(1)...100_000) {
            configuration.requestsPerSecond = Int(value)
        }
        if let value = reader.integer(fields["timeoutSeconds"], at: place.key("timeoutSeconds"), in: UInt(1)...600, unit: " s") {
            configuration.timeout = .seconds(Int(value))
        }
        if let value = reader.integer(fields["retries"], at: place.key("retries"), in: UInt(0)...20) {
            configuration.retries = Int(value)
        }
        if let value = reader.integer(fields["backoffMilliseconds"], at: place.key("backoffMilliseconds"), in: UInt(1)...60_000, unit: " ms") {
            configuration.backoff = .milliseconds(Int(value))
        }
        return reader.errors.count == errorsBefore ? configuration : nil
    }

    /// A URL of one of `schemes` with a host; the message names the schemes, never the value.
    mutating func url(_ node: Node?, at place: ConfigPlace, schemes: [String]) -> String? {
        guard let text = reader.text(node, at: place) else { return nil }
        guard RPCEndpoint.accepts(text, schemes: schemes) else {
            reader.fail(place, "expected a \(schemes.map { $0 + "://" }.joined(separator: " or ")) URL with a host")
            return nil
        }
        return text
    }
}
