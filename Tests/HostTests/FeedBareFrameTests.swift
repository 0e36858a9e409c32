import Foundation
@testable import Host
import Kernel
import Testing

/// Input the way users have it: files of bare frame lines (what a WebSocket client prints), mixed
/// files, and files that hold no frame at all.
@Suite struct FeedBareFrameTests {
    static func write(_ text: String, name: String) throws -> String {
        let path = FeedRecordingTests.temporaryPath(name)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// The bundled recording's frames written one per line without the wrapper read back as the
    /// same frames (with no receive time) and decode to the same `decode-feed` lines.
    @Test func aBareFrameFileDecodesLikeTheRecording() throws {
        let recorded = try FeedRecordingReader.readAll(path: FeedRecordingTests.bundledReplay)
        let text = recorded.map { String(decoding: $0.bytes, as: UTF8.self) + "\n" }.joined()
        let path = try Self.write(text, name: "bare")
        defer { try? FileManager.default.removeItem(atPath: path) }

        let bare = try FeedRecordingReader.readAll(path: path)
        #expect(bare.map(\.bytes) == recorded.map(\.bytes))
        #expect(bare.allSatisfy { $0.receivedAtUnixNanos == 0 })

        var classifier = SwapClassifier(try ConfigLoader().load(path: ConfigTestSupport.realConfigPath))
        func lines(_ frames: [RecordedFrame]) -> [String] {
            frames.flatMap { FeedJSON.lines(for: $0.bytes, decoder: FeedDecoder(), classifier: &classifier) }
        }
        let fromBare = lines(bare)
        #expect(fromBare == lines(recorded))
        #expect(fromBare.count == 958)
        #expect(fromBare.allSatisfy { $0.hasPrefix(#"{"seq":"#) })
    }

    /// Recording lines, bare frames (with surrounding whitespace and a CRLF ending), headers and
    /// blank lines mix in one file; a bare frame is recognised by any of Nitro's top-level keys.
    @Test func linesAreRecognisedOneByOne() throws {
        let text = [
            #"{"recording":"mevbot feed recording v1"}"#,
            #"{"receivedAtNanos":7,"frame":{"version":1}}"#,
            "  {\"version\":1,\"messages\":[]} \r",
            "",
            #"{"confirmedSequenceNumberMessage":{"sequenceNumber":3}}"#,
            #"{"messages":[]}"#,
            #"{"note":"not a frame","versions":1}"#,
        ].joined(separator: "\n")
        let path = try Self.write(text, name: "mixed")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let frames = try FeedRecordingReader.readAll(path: path)
        #expect(frames.map { String(decoding: $0.bytes, as: UTF8.self) } == [
            #"{"version":1}"#, #"{"version":1,"messages":[]}"#, #"{"confirmedSequenceNumberMessage":{"sequenceNumber":3}}"#,
            #"{"messages":[]}"#,
        ])
        #expect(frames.map(\.receivedAtUnixNanos) == [7, 0, 0, 0])
    }

    /// An empty file, a file of headers and a file of refused lines each end in `noFrames`, once.
    @Test func aFileWithoutFramesIsAnError() throws {
        for (name, text, badLines) in [("empty", "", [Int]()), ("headers", "{\"recording\":\"x\"}\n\n{\"a\":1}\n", []), ("garbage", "not json\n[1,2]\n", [1, 2])] {
            let path = try Self.write(text, name: name)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var reader = try FeedRecordingReader(path: path)
            var failed: [Int] = []
            var ended: FeedRecordingError?
            while ended == nil {
                do {
                    let frame = try reader.next()
                    Issue.record("\(name): read \(String(describing: frame))")
                    break
                } catch FeedRecordingError.badLine(_, let line, _) {
                    failed.append(line)
                } catch let error as FeedRecordingError {
                    ended = error
                }
            }
            #expect(failed == badLines, "\(name)")
            #expect(ended == .noFrames(path: path), "\(name)")
            #expect(ended?.description.hasPrefix("\(path): no feed frame in the file") == true)
            #expect(try reader.next() == nil)
            // `readAll` stops at the first refused line; without one, at the missing frames.
            let first = badLines.first.map { FeedRecordingError.badLine(path: path, line: $0, problem: .invalidJSON(JSONError(.syntax, at: 0))) }
            #expect(throws: first ?? .noFrames(path: path)) { try FeedRecordingReader.readAll(path: path) }
        }
    }

    /// `decode-feed` and `replay` stop with the error (a non-zero exit) instead of an empty success.
    @Test func theCommandsRefuseAFileWithoutFrames() async throws {
        let path = try Self.write("{\"recording\":\"x\"}\n", name: "noframes")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = ConfigTestSupport.realConfigPath
        #expect(throws: FeedRecordingError.noFrames(path: path)) {
            try DecodeFeedCommand.parse([path, "--config", config]).run()
        }
        await #expect(throws: FeedRecordingError.noFrames(path: path)) {
            try await ReplayCommand.parse([path, "--config", config]).run()
        }
    }
}
