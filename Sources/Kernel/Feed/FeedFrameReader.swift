/// Reads a `BroadcastMessage` frame (Nitro `broadcaster/message/message.go` @
/// 6dce8d13902649a1acdfd3f2504129f1f5612358) key by key with the scanner.
///
/// Syntax errors end the frame (the scanner's `JSONError`, thrown as a `FeedError` with the
/// sequence number of the message it is in). Errors about well-formed values end only the
/// message they are in: the rest of that message is still scanned, the error is kept with the
/// message's sequence number, and the next message is read. Keys are matched exactly; unknown
/// keys are skipped (the old `"signature"` key among them); a repeated key's last value wins.
///
/// Where this differs from Go's `encoding/json` as Nitro's client uses it: keys are matched
/// case-sensitively (Go folds case); a `null` integer, or a missing sequenceNumber, message,
/// header, kind, sender, blockNumber, timestamp, l2Msg or delayedMessagesRead, is an error (Go
/// leaves the zero value); base64 must be canonical (Go's decoder skips line breaks and ignores
/// padding bits). Nitro's own encoder never writes any of these.
struct FeedFrameReader {
    var scanner: JSONScanner
    let decoder: FeedDecoder

    /// The first error about a value in the message being read.
    var pending: FeedError?
    /// The sequence number of the message a syntax error was thrown in, when it had one.
    private var syntaxErrorSequenceNumber: UInt64?

    init(_ buf: UnsafeRawBufferPointer, decoder: FeedDecoder) {
        scanner = JSONScanner(buf)
        self.decoder = decoder
    }

    // MARK: Frame

    /// Reads the whole frame; a syntax error throws as the feed's `FeedError`.
    mutating func readFrame() throws(FeedError) -> FeedFrame {
        let scanned: Result<FeedFrame, FeedError>
        do throws(JSONError) {
            scanned = try scanFrame()
        } catch {
            throw FeedError(error, sequenceNumber: syntaxErrorSequenceNumber)
        }
        return try scanned.get()
    }

    /// The frame, or the error about a value that ends it (a frame that is not an object, a
    /// `messages` that is not an array, a bad `version`); throws on syntax errors.
    private mutating func scanFrame() throws(JSONError) -> Result<FeedFrame, FeedError> {
        guard scanner.peek() == UInt8(ascii: "{") else {
            let at = scanner.position
            if scanner.isAtEnd { throw JSONError(.syntax, at: at) }
            try scanner.skipValue()
            return .failure(FeedError(.typeMismatch, at: at, field: "frame"))
        }
        var version: Int64 = 0
        var versionKnown = false
        var entries: [FeedEntry] = []
        var messageErrors: [FeedError] = []
        var otherErrors: [FeedError] = []
        var confirmed: UInt64?
        try scanner.open(UInt8(ascii: "{"))
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.matches(key, "version") {
                if try scanner.skipNull() {
                    version = 0
                } else {
                    switch try scanner.int64() {
                    case .value(let v): version = v
                    case .invalid(let e): return .failure(FeedError(e, field: "version"))
                    }
                }
                versionKnown = true
            } else if scanner.matches(key, "messages") {
                entries.removeAll(keepingCapacity: true)
                messageErrors.removeAll()
                if try scanner.skipNull() { continue }
                guard scanner.peek() == UInt8(ascii: "[") else {
                    let at = scanner.position
                    try scanner.skipValue()
                    return .failure(FeedError(.typeMismatch, at: at, field: "messages"))
                }
                if versionKnown && version != 1 {
                    try scanner.skipValue()
                    continue
                }
                try scanner.open(UInt8(ascii: "["))
                var firstElement = true
                while try scanner.nextElement(&firstElement) {
                    // Nitro's client skips a null message.
                    if try scanner.skipNull() { continue }
                    try readMessage(into: &entries, errors: &messageErrors)
                }
            } else if scanner.matches(key, "confirmedSequenceNumberMessage") {
                if try scanner.skipNull() { continue }
                switch try readConfirmed() {
                case .success(let seq): confirmed = seq
                case .failure(let error): otherErrors.append(error)
                }
            } else {
                try scanner.skipValue()
            }
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw JSONError(.syntax, at: scanner.position) }
        let v = Int(truncatingIfNeeded: version)
        guard v == 1 else { return .success(FeedFrame(version: v)) }
        return .success(FeedFrame(version: v, entries: entries, errors: messageErrors + otherErrors, confirmedSequenceNumber: confirmed))
    }

    /// `{"sequenceNumber": N}`.
    private mutating func readConfirmed() throws(JSONError) -> Result<UInt64, FeedError> {
        _ = scanner.peek()
        let start = scanner.position
        guard scanner.peek() == UInt8(ascii: "{") else {
            var e = JSONError(.typeMismatch, at: start)
            if case .invalid(let err) = try scanner.mismatch() as JSONScanner.Read<Void> { e = err }
            return .failure(FeedError(e, field: "confirmedSequenceNumberMessage"))
        }
        pending = nil
        var seq: UInt64?
        try scanner.open(UInt8(ascii: "{"))
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.matches(key, "sequenceNumber") {
                seq = try readUInt64("confirmedSequenceNumberMessage.sequenceNumber")
            } else {
                try scanner.skipValue()
            }
        }
        if let pending { return .failure(pending) }
        guard let seq else {
            return .failure(FeedError(.missingField, at: start, field: "confirmedSequenceNumberMessage.sequenceNumber"))
        }
        return .success(seq)
    }

    // MARK: Message

    /// Reads one `BroadcastFeedMessage` object, decodes it and appends its entry (or its error).
    private mutating func readMessage(into entries: inout [FeedEntry], errors: inout [FeedError]) throws(JSONError) {
        pending = nil
        var m = RawFeedMessage()
        _ = scanner.peek()
        m.start = scanner.position
        guard scanner.buf[m.start] == UInt8(ascii: "{") else {
            try scanner.skipValue()
            errors.append(FeedError(.typeMismatch, at: m.start, field: "messages[]"))
            return
        }
        do throws(JSONError) {
            try scanner.open(UInt8(ascii: "{"))
            var first = true
            while let key = try scanner.nextKey(&first) {
                if scanner.matches(key, "sequenceNumber") {
                    m.sequenceNumber = try readUInt64("sequenceNumber")
                } else if scanner.matches(key, "message") {
                    try readMessageWithMetadata(&m)
                } else if scanner.matches(key, "blockHash") {
                    m.blockHash = try scanner.skipNull() ? nil : take(try scanner.hash32(), "blockHash")
                } else if scanner.matches(key, "signatureV2") {
                    m.signature = try scanner.skipNull() ? nil : take(try scanner.stringToken(), "signatureV2")
                } else if scanner.matches(key, "blockMetadata") {
                    m.blockMetadata = try scanner.skipNull() ? nil : take(try scanner.stringToken(), "blockMetadata")
                } else {
                    try scanner.skipValue()
                }
            }
        } catch {
            syntaxErrorSequenceNumber = m.sequenceNumber
            throw error
        }
        if pending == nil { checkRequired(&m) }
        if let pending {
            errors.append(pending.with(sequenceNumber: m.sequenceNumber))
            return
        }
        build(&m, into: &entries, errors: &errors)
    }

    /// `{"message": L1IncomingMessage, "delayedMessagesRead": N}`.
    private mutating func readMessageWithMetadata(_ m: inout RawFeedMessage) throws(JSONError) {
        guard try object("message") else { return }
        m.outerStart = scanner.position - 1
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.matches(key, "message") {
                try readIncoming(&m)
            } else if scanner.matches(key, "delayedMessagesRead") {
                m.delayedMessagesRead = try readUInt64("message.delayedMessagesRead")
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// `{"header": {...}, "l2Msg": base64, "batchGasCost"?: N, "batchDataTokens"?: {...}}`.
    private mutating func readIncoming(_ m: inout RawFeedMessage) throws(JSONError) {
        guard try object("message.message") else { return }
        m.innerStart = scanner.position - 1
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.matches(key, "header") {
                try readHeader(&m)
            } else if scanner.matches(key, "l2Msg") {
                m.l2MsgSeen = true
                m.l2Msg = try scanner.skipNull() ? nil : take(try scanner.stringToken(), "message.message.l2Msg")
            } else if scanner.matches(key, "batchGasCost") {
                m.batchGasCost = try scanner.skipNull() ? nil : try readUInt64("message.message.batchGasCost")
            } else if scanner.matches(key, "batchDataTokens") {
                m.batchDataStats = try scanner.skipNull() ? nil : try readStats()
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// `{"length": N, "nonzeros": N}`.
    private mutating func readStats() throws(JSONError) -> BatchDataStats? {
        _ = scanner.peek()
        let start = scanner.position
        guard try object("message.message.batchDataTokens") else { return nil }
        var length: UInt64?
        var nonZeros: UInt64?
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.matches(key, "length") {
                length = try readUInt64("message.message.batchDataTokens.length")
            } else if scanner.matches(key, "nonzeros") {
                nonZeros = try readUInt64("message.message.batchDataTokens.nonzeros")
            } else {
                try scanner.skipValue()
            }
        }
        guard let length, let nonZeros else {
            fail(FeedError(.missingField, at: start, field: "message.message.batchDataTokens"))
            return nil
        }
        return BatchDataStats(length: length, nonZeros: nonZeros)
    }

    /// `{"kind", "sender", "blockNumber", "timestamp", "requestId", "baseFeeL1"}`.
    private mutating func readHeader(_ m: inout RawFeedMessage) throws(JSONError) {
        guard try object("message.message.header") else { return }
        m.headerStart = scanner.position - 1
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.matches(key, "kind") {
                _ = scanner.peek()
                let at = scanner.position
                if let kind = try readUInt64("message.message.header.kind") {
                    if kind > 0xFF {
                        fail(FeedError(.numberTooLarge, at: at, field: "message.message.header.kind"))
                    } else {
                        m.kind = UInt8(kind)
                    }
                }
            } else if scanner.matches(key, "sender") {
                m.sender = take(try scanner.address(), "message.message.header.sender")
            } else if scanner.matches(key, "blockNumber") {
                m.blockNumber = try readUInt64("message.message.header.blockNumber")
            } else if scanner.matches(key, "timestamp") {
                m.timestamp = try readUInt64("message.message.header.timestamp")
            } else if scanner.matches(key, "requestId") {
                m.requestId = try scanner.skipNull() ? nil : take(try scanner.hash32(), "message.message.header.requestId")
            } else if scanner.matches(key, "baseFeeL1") {
                m.baseFeeL1 = try scanner.skipNull() ? nil : take(try scanner.uint256(), "message.message.header.baseFeeL1")
            } else {
                try scanner.skipValue()
            }
        }
    }


    // MARK: Helpers

    /// Records the first value error of the current message.
    mutating func fail(_ error: FeedError) {
        if pending == nil { pending = error }
    }

    /// The value, or nil after recording its error under `field`.
    private mutating func take<Value>(_ read: JSONScanner.Read<Value>, _ field: StaticString) -> Value? {
        switch read {
        case .value(let v): return v
        case .invalid(let e):
            fail(FeedError(e, field: field.description))
            return nil
        }
    }

    /// Reads an unsigned 64-bit integer under `field`, recording an error for anything else.
    private mutating func readUInt64(_ field: StaticString) throws(JSONError) -> UInt64? {
        take(try scanner.uint64(), field)
    }

    /// Opens an object if one comes next; otherwise skips the value, records `typeMismatch`
    /// (for `null` too: Nitro needs these objects) and returns false.
    private mutating func object(_ field: StaticString) throws(JSONError) -> Bool {
        guard scanner.peek() == UInt8(ascii: "{") else {
            let at = scanner.position
            try scanner.skipValue()
            fail(FeedError(.typeMismatch, at: at, field: field.description))
            return false
        }
        try scanner.open(UInt8(ascii: "{"))
        return true
    }
}
