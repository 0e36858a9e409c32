import Kernel

/// The `decode-tx` line format: `{"hash","type","chainId","nonce","from","to","value","gas",
/// "gasPrice"|"maxFeePerGas"+"maxPriorityFeePerGas","data"}`, every number a `0x` hex quantity.
enum TransactionJSON {
    /// The JSON object for `tx`; `from` is the recovered sender for signed types (when asked for)
    /// and the encoded sender for Arbitrum's unsigned ones.
    static func render(_ tx: Transaction, sender: Address?) -> JSONLine {
        var line = JSONLine()
        line.string("hash", tx.hash.description)
        line.string("type", tx.type.description)
        line.optionalString("chainId", tx.chainId?.hexString)
        line.string("nonce", UInt256(tx.nonce).hexString)
        if let from = sender ?? tx.from { line.string("from", from.checksummed) }
        line.optionalString("to", tx.to?.checksummed)
        line.string("value", tx.value.hexString)
        line.string("gas", UInt256(tx.gas).hexString)
        switch tx.fees {
        case .gasPrice(let price):
            line.string("gasPrice", price.hexString)
        case .dynamic(let cap, let tip):
            line.string("maxFeePerGas", cap.hexString)
            line.string("maxPriorityFeePerGas", tip.hexString)
        }
        line.string("data", Hex.encode(tx.data))
        return line
    }

    /// `{"error":{"kind","offset","message"}}`.
    static func error(kind: String, offset: Int, message: String) -> JSONLine {
        var inner = JSONLine()
        inner.string("kind", kind)
        inner.number("offset", offset)
        inner.string("message", message)
        var line = JSONLine()
        line.object("error", inner)
        return line
    }
}
