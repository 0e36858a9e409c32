import Atomics
import Dispatch
import Engine
import Foundation
import Kernel

/// Writes JSON lines to standard output from a queue of its own, in the order they were given,
/// so that the hot path never renders a report line or waits for a pipe, a terminal or a slow
/// reader: it hands over the values (`run`'s opportunities and execution decisions) and goes on.
/// Lines are rendered on the writer's queue and each batch is written and flushed at once.
///
/// When `capacity` lines are waiting already, a new batch is dropped whole and counted
/// (`droppedLines`, `mev_report_lines_dropped_total`): a reader that cannot keep up loses lines,
/// never the hot path's time. `replay`, whose output is its result, waits without limit.
final class LineWriter: Sendable {
    /// Where the rendered text goes: standard output, flushed, unless a test says otherwise.
    typealias Sink = @Sendable ([UInt8]) -> Void

    /// The most lines waiting to be written (`Int.max`: no limit).
    let capacity: Int
    private let queue = DispatchQueue(label: "mevbot.lines")
    private let sink: Sink
    private let waiting = ManagedAtomic<Int>(0)
    private let dropped = ManagedAtomic<UInt64>(0)

    /// A writer holding at most `capacity` lines waiting (default 65,536: about 45 MB of
    /// opportunity lines), writing to `sink`.
    init(capacity: Int = 65_536, sink: @escaping Sink = LineWriter.standardOutput) {
        self.capacity = capacity
        self.sink = sink
    }

    /// Lines dropped so far because `capacity` lines were waiting.
    var droppedLines: UInt64 { dropped.load(ordering: .relaxed) }

    /// Queues one line per opportunity; false when the batch was dropped.
    @discardableResult
    func write(_ opportunities: [Opportunity]) -> Bool {
        write(lines: opportunities.count) { opportunities.map(\.json) }
    }

    /// Queues one line; false when it was dropped.
    @discardableResult
    func write(_ line: JSONObject) -> Bool {
        write(lines: 1) { [line] }
    }

    /// Queues `count` lines that `render` makes on the writer's queue, after every line queued
    /// before them; false (and counted) when `capacity` lines are waiting already.
    private func write(lines count: Int, _ render: @escaping @Sendable () -> [JSONObject]) -> Bool {
        guard count > 0 else { return true }
        if capacity != .max, waiting.wrappingIncrementThenLoad(by: count, ordering: .relaxed) > capacity {
            waiting.wrappingDecrement(by: count, ordering: .relaxed)
            dropped.wrappingIncrement(by: UInt64(count), ordering: .relaxed)
            return false
        }
        queue.async { [self] in
            var text: [UInt8] = []
            for line in render() {
                JSONValue.object(line).render(into: &text)
                text.append(UInt8(ascii: "\n"))
            }
            sink(text)
            if capacity != .max { waiting.wrappingDecrement(by: count, ordering: .relaxed) }
        }
        return true
    }

    /// Returns once every line queued so far is written.
    func drain() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { done.resume() }
        }
    }

    /// Writes `text` to standard output, after whatever `print` left in stdio's buffer. A failed
    /// write (standard output closed) loses the text, as `print` would.
    static func standardOutput(_ text: [UInt8]) {
        fflush(nil)
        try? FileDescriptorIO.writeAll(STDOUT_FILENO, text, path: "standard output")
    }
}
