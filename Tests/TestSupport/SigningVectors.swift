import Kernel

/// The EIP-1559 transactions of `signing.json` (written by scripts/vectors/signing.py).
extension EIP1559Transaction {
    /// The unsigned transaction a vector describes.
    public init(vector v: [String: Any]) throws {
        guard let chainId = UInt64(try v.string("chainId")), let nonce = UInt64(try v.string("nonce")),
              let gas = UInt64(try v.string("gas")) else { throw FixtureError("chainId, nonce or gas beyond 64 bits") }
        self.init(
            chainId: chainId, nonce: nonce, maxPriorityFeePerGas: try v.decimal("maxPriorityFeePerGas"),
            maxFeePerGas: try v.decimal("maxFeePerGas"), gasLimit: gas, to: try v.address("to"),
            value: try v.decimal("value"), data: try v.bytes("data")
        )
    }
}
