import Kernel

/// Multicall3's `aggregate3((address,bool,bytes)[])`: many `eth_call`s in one, each allowed to
/// fail alone. Encoding and decoding only; `BatchReader` sends them.
public enum Multicall3 {
    /// `0xcA11bde05977b3631167028862bE2a173976CA11`: deployed by one pre-signed transaction, so
    /// the same on every chain that has it.
    public static let canonicalAddress = Address(high32: 0xcA11_bde0, middle64: 0x5977_b363_1167_0288, low64: 0x62bE_2a17_3976_CA11)

    /// `aggregate3((address,bool,bytes)[])`'s selector.
    static let aggregate3Selector = Array(Keccak256.hash(Array("aggregate3((address,bool,bytes)[])".utf8)).bytes.prefix(4))

    /// The calldata of `aggregate3` over `calls`, each with `allowFailure = true`.
    static func aggregate3(_ calls: some Collection<StateCall>) -> [UInt8] {
        var out = aggregate3Selector
        out.reserveCapacity(4 + 64 + calls.reduce(0) { $0 + 160 + padded($1.data.count) })
        append(word: 32, to: &out)                        // offset of the array
        append(word: UInt64(calls.count), to: &out)       // its length
        var offset = UInt64(32 * calls.count)             // element offsets, relative to the heads
        for call in calls {
            append(word: offset, to: &out)
            offset += UInt64(96 + 32 + padded(call.data.count))
        }
        for call in calls {                               // each tuple: target, allowFailure, bytes
            out += [UInt8](repeating: 0, count: 12)
            call.to.withUnsafeBytes { out += $0 }
            append(word: 1, to: &out)
            append(word: 96, to: &out)
            append(word: UInt64(call.data.count), to: &out)
            out += call.data
            out += [UInt8](repeating: 0, count: padded(call.data.count) - call.data.count)
        }
        return out
    }

    /// The `(bool success, bytes returnData)[]` of an `aggregate3` answer for `expected` calls.
    static func results(_ answer: [UInt8], expected: Int) throws(DecodingError) -> [(success: Bool, data: [UInt8])] {
        let reader = ABIReader(answer[...])
        let (count, elements) = try reader.array(0, field: "returnData")
        guard count == expected else { throw DecodingError(.invalidValue, at: 32, field: "returnData.length") }
        var results: [(success: Bool, data: [UInt8])] = []
        results.reserveCapacity(count)
        for index in 0..<count {
            let tuple = try elements.dynamicTuple(index, field: "returnData[]")
            results.append((try tuple.bool(0, field: "success"), Array(try tuple.bytes(1, field: "returnData"))))
        }
        return results
    }

    private static func padded(_ count: Int) -> Int { (count + 31) / 32 * 32 }

    private static func append(word value: UInt64, to out: inout [UInt8]) {
        out += [UInt8](repeating: 0, count: 24)
        withUnsafeBytes(of: value.bigEndian) { out += $0 }
    }
}
