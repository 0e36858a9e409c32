extension PoolError {
    /// Runs ABI reads of a state answer or event log; a `DecodingError` they throw becomes
    /// `malformed`. With a `label` (the state call's, e.g. `"ticks(-283380)"`) the error's field
    /// is prefixed with it (`"ticks(-283380).initialized"`), or is the label where the read named
    /// no field.
    @inlinable
    public static func decoding<T>(_ label: String? = nil, _ body: () throws(DecodingError) -> T) throws(PoolError) -> T {
        do { return try body() } catch {
            guard let label else { throw .malformed(error) }
            throw .malformed(DecodingError(error.kind, at: error.offset, field: error.field.isEmpty ? label : "\(label).\(error.field)"))
        }
    }
}
