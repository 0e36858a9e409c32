import Kernel

// Headers and logs as JSON-RPC gives them (`eth_getBlockByNumber`, `newHeads`, `eth_getLogs`):
// only the fields sync uses are read, each named in errors by its path (`result[3].logIndex`).

extension JSONRead where Value == BlockHeader {
    /// A block header object.
    static var blockHeader: Self {
        Self { (value, place) throws(JSONFieldError) in
            let fields = try value.fields(at: place)
            return BlockHeader(
                number: try fields.read("number", .hexQuantity),
                hash: try fields.read("hash", .hash32),
                parentHash: try fields.read("parentHash", .hash32),
                timestamp: try fields.read("timestamp", .hexQuantity)
            )
        }
    }
}

extension JSONRead where Value == BlockHeader? {
    /// A block header object, or `null` where the chain has no such block.
    static var optionalBlockHeader: Self {
        Self { (value, place) throws(JSONFieldError) in
            value == .null ? nil : try JSONRead<BlockHeader>.blockHeader.read(value, place)
        }
    }
}

extension JSONRead where Value == ChainLog {
    /// A log object; `removed` absent is false.
    static var chainLog: Self {
        Self { (value, place) throws(JSONFieldError) in
            let fields = try value.fields(at: place)
            return ChainLog(
                log: EventLog(
                    address: try fields.read("address", .address),
                    topics: try fields.read("topics", .array(.hash32)),
                    data: try fields.read("data", .hexData)
                ),
                blockNumber: try fields.read("blockNumber", .hexQuantity),
                blockHash: try fields.read("blockHash", .hash32),
                logIndex: try fields.read("logIndex", .hexQuantity),
                removed: try fields.optional("removed", .bool) ?? false
            )
        }
    }
}
