import Kernel

/// What `eth_getTransactionReceipt` says of a sent trade: whether it ran, in which block, and
/// what it paid.
struct TransactionReceipt: Sendable, Equatable {
    /// 1: it ran; 0: it reverted.
    var status: UInt64
    /// Its block.
    var blockNumber: UInt64
    /// The gas it used (on Arbitrum the L1 fee's gas, `gasUsedForL1`, included).
    var gasUsed: UInt64
    /// The price it paid per gas.
    var effectiveGasPrice: UInt64

    /// `gasUsed × effectiveGasPrice`, in wei.
    var fee: UInt256 { UInt256(gasUsed) * UInt256(effectiveGasPrice) }
}

extension JSONRead where Value == TransactionReceipt? {
    /// A receipt, or `null` while the transaction is not in a block.
    static var optionalReceipt: Self {
        Self { (value, place) throws(JSONFieldError) in
            guard value != .null else { return nil }
            let fields = try value.fields(at: place)
            return TransactionReceipt(
                status: try fields.read("status", .hexQuantity),
                blockNumber: try fields.read("blockNumber", .hexQuantity),
                gasUsed: try fields.read("gasUsed", .hexQuantity),
                effectiveGasPrice: try fields.read("effectiveGasPrice", .hexQuantity))
        }
    }
}
