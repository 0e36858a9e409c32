import Foundation
@testable import Host
@testable import Kernel
import Testing

/// The recording line format: writer, streaming reader, and what survives a round trip.
@Suite struct FeedRecordingTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mevbot-\(name)-\(UUID().uuidString).jsonl").path
    }

    @Test func roundTripKeepsEveryFrameIncludingGarbage() throws {
        let json = FeedTestFrames.frame(sequenceNumbers: [42, 43])  // ends with "\n", as nitro's do
        let frames = [
            RecordedFrame(receivedAtUnixNanos: 1_729_324_962_123_456_789, bytes: json),
            RecordedFrame(receivedAtUnixNanos: 1, bytes: Array("this is not json \"quoted\" \\ \t\u{1}\n é 🚀".utf8)),
            RecordedFrame(receivedAtUnixNanos: 2, bytes: Array(#"{"version":1,"#.utf8)),  // truncated object
            RecordedFrame(receivedAtUnixNanos: 3, bytes: Array("{\n  \"version\": 1\n}".utf8)),  // object over lines
            RecordedFrame(receivedAtUnixNanos: .max, bytes: []),
            RecordedFrame(receivedAtUnixNanos: 4, bytes: FeedTestFrames.confirmed(41)),
        ]
        let path = Self.temporaryPath("roundtrip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try FeedRecordingWriter(path: path, header: #"{"recording":"mevbot feed recording v1"}"#)
        for frame in frames { try writer.write(frame) }
        try writer.close()

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == frames.count + 2)  // header, frames, and the final newline
        #expect(lines[1] == #"{"receivedAtNanos":1729324962123456789,"frame":"# + String(decoding: json.dropLast(), as: UTF8.self) + "}")
        #expect(lines[2].hasPrefix(#"{"receivedAtNanos":1,"frame":"this is not json \"quoted\" \\ \t\u0001\n é 🚀"}"#))
        // Every line is JSON that a standard parser accepts.
        for line in lines.dropLast() {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)")
        }

        let read = try FeedRecordingReader.readAll(path: path)
        #expect(read.count == frames.count)
        // JSON object frames come back without their surrounding whitespace; all others exactly.
        #expect(read[0] == RecordedFrame(receivedAtUnixNanos: frames[0].receivedAtUnixNanos, bytes: Array(json.dropLast())))
        #expect(Array(read[1...]) == Array(frames[1...4]) + [RecordedFrame(receivedAtUnixNanos: 4, bytes: Array(FeedTestFrames.confirmed(41).dropLast()))])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let frame = RecordedFrame(receivedAtUnixNanos: 5, bytes: [0x61, 0xFF, 0x62])
        let line = FeedRecordingFormat.line(for: frame)
        #expect(String(decoding: line, as: UTF8.self) == "{\"receivedAtNanos\":5,\"frame\":\"a\u{FFFD}b\"}\n")
        #expect(try FeedRecordingFormat.parse(line: line.dropLast())?.bytes == Array("a\u{FFFD}b".utf8))
    }

    @Test func readsAcrossChunkBoundaries() throws {
        let frames = (0..<400).map { (i: Int) -> RecordedFrame in
            let first = UInt64(i) * 5
            let bytes: [UInt8] = FeedTestFrames.frame(sequenceNumbers: Array(first..<(first + 5)))
            return RecordedFrame(receivedAtUnixNanos: UInt64(i), bytes: Array(bytes.dropLast()))
        }
        let path = Self.temporaryPath("chunks")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try FeedRecordingWriter(path: path, flushThreshold: 1000)
        for frame in frames { try writer.write(frame) }
        try writer.close()
        #expect(try FeedRecordingReader.readAll(path: path) == frames)
    }

    @Test func headerAndBlankLinesAreSkippedAndKeysMayComeInAnyOrder() throws {
        let text = """
            {"recording":"mevbot feed recording v1","about":"x"}

            { "frame" : {"version":1} , "receivedAtNanos" : 7, "note": [1, {"a": null}] }
            """
        let path = Self.temporaryPath("order")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try FeedRecordingReader.readAll(path: path) == [RecordedFrame(receivedAtUnixNanos: 7, bytes: Array(#"{"version":1}"#.utf8))])
    }

    @Test func aBadLineIsReportedWithItsNumber() throws {
        let path = Self.temporaryPath("bad")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"receivedAtNanos\":1,\"frame\":{}}\n{\"receivedAtNanos\":-1,\"frame\":{}}\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            try FeedRecordingReader.readAll(path: path)
        } throws: { error in
            error as? FeedRecordingError == .badLine(path: path, line: 2, problem: .invalidReceivedAt(JSONError(.invalidNumber, at: 19)))
        }
        let bad: [(String, FeedRecordingLineError)] = [
            (#"{"frame":{}}"#, .missingReceivedAt),
            (#"{"receivedAtNanos":1,"frame":3}"#, .frameNotObjectOrString(at: 29)),
            (#"{"receivedAtNanos":1,"frame":{}} x"#, .invalidJSON(JSONError(.syntax, at: 33))),
            (#"{"receivedAtNanos":18446744073709551616,"frame":{}}"#, .invalidReceivedAt(JSONError(.numberTooLarge, at: 19))),
            (#"{"receivedAtNanos":"1","frame":{}}"#, .invalidReceivedAt(JSONError(.typeMismatch, at: 19))),
            (#"{"receivedAtNanos":1,"frame":{"a":}}"#, .invalidJSON(JSONError(.syntax, at: 34))),
            ("[1]", .invalidJSON(JSONError(.syntax, at: 0))),
        ]
        for (line, problem) in bad {
            #expect(throws: problem, "\(line)") { try FeedRecordingFormat.parse(line: Array(line.utf8)[...]) }
        }
        // Strings in a line must be UTF-8 (a lone 0xFF in the frame's text).
        let notUTF8 = Array(#"{"receivedAtNanos":1,"frame":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(throws: FeedRecordingLineError.invalidJSON(JSONError(.invalidUTF8, at: 31))) {
            try FeedRecordingFormat.parse(line: notUTF8[...])
        }
    }

    /// A bad line, and a line past the length limit (longer than a read chunk), each throw once
    /// with their numbers; reading goes on with the next line.
    @Test func readingGoesOnAfterABadOrOverlongLine() throws {
        let path = Self.temporaryPath("skip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let overlong = #"{"receivedAtNanos":2,"frame":""# + String(repeating: "x", count: 600_000) + #""}"#
        let text = [#"{"receivedAtNanos":1,"frame":{}}"#, "not json", overlong, #"{"receivedAtNanos":3,"frame":{}}"#]
            .joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        var reader = try FeedRecordingReader(path: path, maximumLineLength: 1000)
        #expect(try reader.next()?.receivedAtUnixNanos == 1)
        var failedLines: [Int] = []
        var frames: [UInt64] = []
        while true {
            do {
                guard let frame = try reader.next() else { break }
                frames.append(frame.receivedAtUnixNanos)
            } catch FeedRecordingError.badLine(_, let line, _) {
                failedLines.append(line)
            }
        }
        #expect(failedLines == [2, 3])
        #expect(frames == [3])
    }

    @Test func jsonObjectDetectionIsStrict() {
        for good in [#"{}"#, #" {"a":[1,-2.5e+3,true,false,null,"\u00e9\n"]} "#, #"{"a":{"b":{}}}"#] {
            #expect(FeedRecordingFormat.isSingleObject(Array(good.utf8)[...]), "\(good)")
        }
        for bad in [#"[]"#, #"{"a":1}{}"#, #"{"a":01}"#, #"{"a":"\x"}"#, #"{"a":tru}"#, #"{a:1}"#, #"{"a":1,}"#, "{\"a\":\"\u{1}\"}", #""s""#, ""] {
            #expect(!FeedRecordingFormat.isSingleObject(Array(bad.utf8)[...]), "\(bad)")
        }
        #expect(!FeedRecordingFormat.isSingleObject([0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D][...]))  // invalid UTF-8 in a key
        let deep = String(repeating: "{\"a\":", count: 200) + "1" + String(repeating: "}", count: 200)
        #expect(!FeedRecordingFormat.isSingleObject(Array(deep.utf8)[...]))
    }

    /// The recording bundled with the project (replay/arbitrum-one-feed.jsonl) reads with this
    /// reader, and every frame decodes with Kernel's feed decoder: 155 messages in order, 958
    /// transactions, no errors.
    @Test func readsAndDecodesTheBundledReplay() throws {
        let frames = try FeedRecordingReader.readAll(path: Self.bundledReplay)
        #expect(frames.count == 155)
        let decoded = try frames.map { try FeedDecoder().decode($0.bytes) }
        #expect(decoded.allSatisfy { $0.allErrors.isEmpty })
        let numbers = decoded.flatMap { $0.entries.map(\.sequenceNumber) }
        #expect(numbers.first == 25_757_171)
        #expect(numbers.count == 155 && numbers == numbers.sorted())
        #expect(decoded.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.transactions.count } } == 958)
    }

    static let bundledReplay = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("replay/arbitrum-one-feed.jsonl").path
}
