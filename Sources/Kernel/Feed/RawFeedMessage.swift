/// The fields of one feed message as the frame reader found them, before the base64 is decoded.
/// Offsets (`start`, `outerStart`, `innerStart`, `headerStart`) locate the message object and
/// its nested `message`, `message.message` and `header` objects for missing-key errors; nil
/// means the object was not seen. Base64 fields stay string tokens until `build`.
struct RawFeedMessage {
    var start = 0
    var sequenceNumber: UInt64?
    var outerStart: Int?
    var delayedMessagesRead: UInt64?
    var innerStart: Int?
    var headerStart: Int?
    var kind: UInt8?
    var sender: Address?
    var blockNumber: UInt64?
    var timestamp: UInt64?
    var requestId: Hash32?
    var baseFeeL1: UInt256?
    var l2MsgSeen = false
    var l2Msg: JSONString?
    var batchGasCost: UInt64?
    var batchDataStats: BatchDataStats?
    var blockHash: Hash32?
    var signature: JSONString?
    var blockMetadata: JSONString?
}

/// Completing a message: the required keys, then the base64 fields decoded into one buffer per
/// message and the entry with its transactions.
extension FeedFrameReader {
    /// The first missing key Nitro always writes, as `pending`.
    mutating func checkRequired(_ m: inout RawFeedMessage) {
        func missing(_ field: String, _ at: Int?) { fail(FeedError(.missingField, at: at ?? m.start, field: field)) }
        guard m.sequenceNumber != nil else { return missing("sequenceNumber", m.start) }
        guard m.outerStart != nil else { return missing("message", m.start) }
        guard m.delayedMessagesRead != nil else { return missing("message.delayedMessagesRead", m.outerStart) }
        guard m.innerStart != nil else { return missing("message.message", m.outerStart) }
        guard m.headerStart != nil else { return missing("message.message.header", m.innerStart) }
        guard m.l2MsgSeen else { return missing("message.message.l2Msg", m.innerStart) }
        guard m.kind != nil else { return missing("message.message.header.kind", m.headerStart) }
        guard m.sender != nil else { return missing("message.message.header.sender", m.headerStart) }
        guard m.blockNumber != nil else { return missing("message.message.header.blockNumber", m.headerStart) }
        guard m.timestamp != nil else { return missing("message.message.header.timestamp", m.headerStart) }
    }

    // MARK: Building the message

    /// Decodes the base64 fields into one buffer and appends the entry (with its transactions).
    func build(_ m: inout RawFeedMessage, into entries: inout [FeedEntry], errors: inout [FeedError]) {
        let seq = m.sequenceNumber ?? 0
        let tooLarge: FeedError?
        var l2Count = 0
        var sigCount = 0
        var metaCount = 0
        do throws(FeedError) {
            if let s = m.l2Msg { l2Count = try decodedCount(s, "message.message.l2Msg") }
            if let s = m.signature { sigCount = try decodedCount(s, "signatureV2") }
            if let s = m.blockMetadata { metaCount = try decodedCount(s, "blockMetadata") }
        } catch {
            errors.append(error.with(sequenceNumber: seq))
            return
        }
        if l2Count > L2MessageLimits.maxL2MessageSize, let s = m.l2Msg {
            tooLarge = FeedError(.messageTooLarge, at: s.start - 1, field: "message.message.l2Msg", sequenceNumber: seq)
            l2Count = 0
        } else {
            tooLarge = nil
        }
        let total = l2Count + sigCount + metaCount
        var failure: FeedError?
        // Nothing to decode is the empty literal (see `UInt256.minimalBigEndianBytes`: a zero
        // capacity would write into the shared empty-array storage).
        let bytes = total == 0 ? [] : [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            let raw = UnsafeMutableRawBufferPointer(out)
            do throws(FeedError) {
                if l2Count > 0, let s = m.l2Msg {
                    try decode(s, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<l2Count]), "message.message.l2Msg")
                }
                if sigCount > 0, let s = m.signature {
                    try decode(s, into: UnsafeMutableRawBufferPointer(rebasing: raw[l2Count..<(l2Count + sigCount)]), "signatureV2")
                }
                if metaCount > 0, let s = m.blockMetadata {
                    try decode(s, into: UnsafeMutableRawBufferPointer(rebasing: raw[(l2Count + sigCount)..<total]), "blockMetadata")
                }
                initialized = total
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure {
            errors.append(failure.with(sequenceNumber: seq))
            return
        }
        let header = L1MessageHeader(
            kind: m.kind ?? 0, sender: m.sender ?? .zero, blockNumber: m.blockNumber ?? 0, timestamp: m.timestamp ?? 0,
            requestId: m.requestId, baseFeeL1: m.baseFeeL1)
        let message = FeedMessage(
            sequenceNumber: seq, header: header, l2Msg: bytes[0..<l2Count], delayedMessagesRead: m.delayedMessagesRead ?? 0,
            blockHash: m.blockHash,
            signature: m.signature == nil ? nil : bytes[l2Count..<(l2Count + sigCount)],
            blockMetadata: m.blockMetadata == nil ? nil : bytes[(l2Count + sigCount)..<total],
            batchGasCost: m.batchGasCost, batchDataStats: m.batchDataStats)
        if let tooLarge {
            entries.append(FeedEntry(message: message, transactions: [], error: tooLarge))
        } else if !decoder.decodesTransactions {
            entries.append(FeedEntry(message: message, transactions: []))
        } else {
            do throws(FeedError) {
                entries.append(FeedEntry(message: message, transactions: try decoder.transactions(of: message)))
            } catch {
                entries.append(FeedEntry(message: message, transactions: [], error: error))
            }
        }
    }

    /// The decoded length of a base64 string token.
    private func decodedCount(_ s: JSONString, _ field: StaticString) throws(FeedError) -> Int {
        do throws(DecodingError) {
            if s.hasEscapes {
                return try scanner.unescaped(s).withUnsafeBytes { raw in Result { () throws(DecodingError) in try Base64.decodedCount(raw) } }.get()
            }
            return try Base64.decodedCount(UnsafeRawBufferPointer(rebasing: scanner.buf[s.start..<s.end]))
        } catch {
            throw FeedError(.invalidBase64, at: s.hasEscapes ? s.start : s.start + error.offset, field: field.description, underlying: error)
        }
    }

    /// Decodes a base64 string token into `out`.
    private func decode(_ s: JSONString, into out: UnsafeMutableRawBufferPointer, _ field: StaticString) throws(FeedError) {
        do throws(DecodingError) {
            if s.hasEscapes {
                _ = try scanner.unescaped(s).withUnsafeBytes { raw in Result { () throws(DecodingError) in try Base64.decode(raw, into: out) } }.get()
            } else {
                _ = try Base64.decode(UnsafeRawBufferPointer(rebasing: scanner.buf[s.start..<s.end]), into: out)
            }
        } catch {
            throw FeedError(.invalidBase64, at: s.hasEscapes ? s.start : s.start + error.offset, field: field.description, underlying: error)
        }
    }
}
