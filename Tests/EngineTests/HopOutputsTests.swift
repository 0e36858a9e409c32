import Kernel
import Testing

@testable import Engine

/// The evaluator's per-hop outputs: inline up to three hops, in an array beyond.
struct HopOutputsTests {
    @Test(arguments: 1...6)
    func holdsWhatIsWrittenForEveryHopCount(count: Int) {
        var outputs = HopOutputs(count: count)
        #expect(outputs.array == Array(repeating: .zero, count: count))
        let values = (0..<count).map { UInt256(UInt64($0) &* 0x9E37_79B9_7F4A_7C15, UInt64($0 + 1), 0, UInt64($0)) }
        for (index, value) in values.enumerated() { outputs[index] = value }
        #expect(outputs.array == values)
        #expect(HopOutputs(values).array == values)
        // Writing one hop leaves the others.
        outputs[count - 1] = .max
        #expect(outputs.array == Array(values.dropLast()) + [.max])
    }
}
