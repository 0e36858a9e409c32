import Kernel

extension Readiness {
    /// `/ready`'s body: `{"ready":…,"reasons":[…],` then what was observed`}`.
    var json: JSONObject {
        var object = JSONObject()
        object.append("ready", .bool(isReady))
        object.append("reasons", .array(reasons.map { .string($0) }))
        object.append("feedConnected", .bool(feedConnected))
        object.append("millisSinceLastMessage", millisSinceLastMessage.map { .integer($0) } ?? .null)
        object.append("syncLag", syncLag.map { .integer($0) } ?? .null)
        object.append("engineRunning", .bool(engineRunning))
        return object
    }
}
