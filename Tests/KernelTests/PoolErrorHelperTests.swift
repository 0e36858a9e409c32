import Kernel
import Testing

/// The checked arithmetic that reverts with a contract's reason, and `PoolError.decoding`.
struct PoolErrorHelperTests {
    let max = UInt256.zero &- .one

    @Test func checkedOperationsAnswerOrRevertWithTheGivenReason() throws {
        #expect(try UInt256(7).adding(UInt256(5), orRevert: "add") == UInt256(12))
        #expect(try UInt256(7).subtracting(UInt256(5), orRevert: "sub") == UInt256(2))
        #expect(try UInt256(7).multiplied(by: UInt256(5), orRevert: "mul") == UInt256(35))
        #expect(try UInt256(7).divided(by: UInt256(5), orRevert: "div") == UInt256(1))
        #expect(throws: PoolError.revert("add")) { try max.adding(.one, orRevert: "add") }
        #expect(throws: PoolError.revert("sub")) { try UInt256(5).subtracting(UInt256(7), orRevert: "sub") }
        #expect(throws: PoolError.revert("mul")) { try max.multiplied(by: UInt256(2), orRevert: "mul") }
        #expect(throws: PoolError.revert("div")) { try max.divided(by: .zero, orRevert: "div") }
    }

    @Test func decodingPrefixesTheLabel() {
        let reader = ABIReader([UInt8](repeating: 0, count: 31)[...])
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "fee()"))) {
            try PoolError.decoding("fee()") { () throws(DecodingError) in try reader.uint(0) }
        }
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "slot0().tick"))) {
            try PoolError.decoding("slot0()") { () throws(DecodingError) in try reader.int(0, bits: 24, field: "tick") }
        }
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "Sync.reserve0"))) {
            try PoolError.decoding { () throws(DecodingError) in try reader.uint(0, field: "Sync.reserve0") }
        }
    }
}
