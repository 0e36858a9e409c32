import Dispatch
@testable import Host
import Kernel
import Synchronization
import Testing

/// The output writer that keeps report lines off the hot loop: lines in the order given, and
/// when `capacity` lines wait for a stalled reader, new ones dropped and counted, never waited for.
@Suite struct LineWriterTests {
    /// A sink that holds each write until the test lets it go, and keeps what it was given.
    final class StalledReader: Sendable {
        let gate = DispatchSemaphore(value: 0)
        let text = Mutex<[UInt8]>([])

        func sink(_ bytes: [UInt8]) {
            gate.wait()
            text.withLock { $0 += bytes }
        }

        var lines: [String] { text.withLock { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map(String.init) }
    }

    static func line(_ n: Int) -> JSONObject {
        var object = JSONObject()
        object.append("n", .integer(n))
        return object
    }

    @Test func linesComeOutInTheOrderGiven() async {
        let reader = StalledReader()
        let writer = LineWriter(capacity: .max, sink: reader.sink)
        for n in 0..<200 { #expect(writer.write(Self.line(n))) }
        for _ in 0..<200 { reader.gate.signal() }
        await writer.drain()
        #expect(reader.lines == (0..<200).map { #"{"n":\#($0)}"# })
        #expect(writer.droppedLines == 0)
    }

    @Test func aStalledReaderCostsLinesNotTime() async {
        let reader = StalledReader()
        let writer = LineWriter(capacity: 3, sink: reader.sink)
        // The first write is taken up by the writer's queue and stalls there, still counted as waiting.
        #expect(writer.write(Self.line(1)))
        #expect(writer.write(Self.line(2)))
        #expect(writer.write(Self.line(3)))
        #expect(!writer.write(Self.line(4)))
        #expect(!writer.write(Self.line(5)))
        #expect(writer.droppedLines == 2)
        for _ in 0..<3 { reader.gate.signal() }
        await writer.drain()
        #expect(reader.lines == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#])
        // Once the reader has caught up, lines are taken again.
        #expect(writer.write(Self.line(6)))
        reader.gate.signal()
        await writer.drain()
        #expect(reader.lines.last == #"{"n":6}"#)
        #expect(writer.droppedLines == 2)
    }
}
