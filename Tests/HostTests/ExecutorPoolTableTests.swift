@testable import Host
import Kernel
import Testing

/// The start-up check of `execution.poolTable` against the executor's `pools(i)` answers: each
/// way an answer can disagree refuses the start, naming the entry. (The whole check against a
/// deployed executor on the local chain is `scripts/test-execute`, scenario t.)
@Suite struct ExecutorPoolTableTests {
    static let executor = Address(precompile: 0xE0)
    static let pool = Address(high32: 0xc696_2004, middle64: 0xf452_be92_0359_1991, low64: 0xd15f_6b38_8e09_e8d0)

    static func word(_ address: Address) -> [UInt8] {
        var word: [UInt8] = []
        word.appendWord(address)
        return word
    }

    @Test func theSamePoolPasses() throws {
        try ExecutorPoolTable.check(Self.pool, at: 3, .success(Self.word(Self.pool)), executor: Self.executor)
    }

    @Test func anotherPoolNamesTheEntryAndBothAddresses() {
        let other = Address(precompile: 0x1234)
        #expect {
            try ExecutorPoolTable.check(Self.pool, at: 3, .success(Self.word(other)), executor: Self.executor)
        } throws: { error in
            guard let error = error as? RunSettingsError else { return false }
            return error.setting == "execution.poolTable[3]" && error.message.contains(other.checksummed)
                && error.message.contains(Self.pool.checksummed) && error.message.contains("setPool(3, pool)")
        }
    }

    @Test func unreadableOrMalformedAnswersRefuse() {
        var dirty = Self.word(Self.pool)
        dirty[0] = 1
        let answers: [Result<[UInt8], RPCError>] = [
            .success([]), .success(Array(Self.word(Self.pool).dropFirst())), .success(dirty),
            .failure(.reverted(method: "eth_call", data: [])), .failure(.timeout(method: "eth_call", seconds: 10)),
        ]
        for answer in answers {
            #expect(throws: RunSettingsError.self, "\(answer)") {
                try ExecutorPoolTable.check(Self.pool, at: 0, answer, executor: Self.executor)
            }
        }
    }
}
