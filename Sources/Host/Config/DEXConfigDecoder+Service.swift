import Yams

extension DEXConfigDecoder {
    /// The `service` mapping's keys, all optional.
    static let serviceKeys = ["feeds", "snapshot", "saveSnapshot", "metricsHost", "metricsPort", "readyMessageAgeSeconds", "logLevel", "logFormat"]
    /// The log levels swift-log knows.
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Reads `service` over `ServiceConfiguration`'s defaults; nil when a field of it fails its
    /// check (the error is recorded). Feed URLs may carry keys, so errors never quote them.
    mutating func decodeService(_ node: Node?) -> ServiceConfiguration? {
        var configuration = ServiceConfiguration()
        guard let node, !ConfigFieldReader.isNull(node) else { return configuration }
        let place = ConfigPlace(entry: "service", field: "")
        let errorsBefore = reader.errors.count
        guard let fields = reader.fields(node, at: place, allowed: Self.serviceKeys, required: []) else { return nil }
        let feeds = place.key("feeds")
        configuration.feeds = (reader.list(fields["feeds"], at: feeds) ?? []).enumerated().compactMap { index, node in
            url(node, at: feeds.index(index), schemes: ["ws", "wss"])
        }
        configuration.snapshot = reader.text(fields["snapshot"], at: place.key("snapshot"))
        configuration.saveSnapshot = reader.text(fields["saveSnapshot"], at: place.key("saveSnapshot"))
        if let host = reader.text(fields["metricsHost"], at: place.key("metricsHost")) { configuration.metricsHost = host }
        if let port = reader.integer(fields["metricsPort"], at: place.key("metricsPort"), in: UInt(0)...65_535) {
            configuration.metricsPort = Int(port)
        }
        if let age = reader.integer(fields["readyMessageAgeSeconds"], at: place.key("readyMessageAgeSeconds"), in: UInt(1)...86_400, unit: " s") {
            configuration.readyMessageAgeSeconds = Int(age)
        }
        if let level = reader.text(fields["logLevel"], at: place.key("logLevel")) {
            if Self.logLevels.contains(level) {
                configuration.logLevel = level
            } else {
                reader.fail(place.key("logLevel"), "expected one of \(Self.logLevels.joined(separator: ", "))")
            }
        }
        if let format = reader.text(fields["logFormat"], at: place.key("logFormat")) {
            if ["text", "json"].contains(format) {
                configuration.logFormat = format
            } else {
                reader.fail(place.key("logFormat"), "expected text or json")
            }
        }
        return reader.errors.count == errorsBefore ? configuration : nil
    }
}
