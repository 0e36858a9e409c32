import Kernel

/// `execution.poolTable` checked against the executor contract's own table before the first
/// trade. The calldata names a listed pool by its index alone (`ExecutorCalldata`), so a list in
/// another order than the owner's `setPool` calls would send every trade through the wrong pool
/// (a revert, its gas lost): the bot refuses to start instead, naming the entry.
enum ExecutorPoolTable {
    /// `pools(uint256)`, the table's public getter (`contracts/Executor.vy`).
    static let getter = FunctionSelector.of("pools(uint256)")
    /// Indexes read per JSON-RPC batch.
    static let batchSize = 256

    /// Reads `pools(i)` of `executor` at the head for every configured index; the first entry
    /// that differs, or that cannot be read, as the error.
    static func verify(_ indexes: [Address: UInt16], executor: Address, chain: RPCChainSource) async throws(RunSettingsError) {
        guard !indexes.isEmpty else { return }
        let listed = indexes.sorted { $0.value < $1.value }
        let head: UInt64
        do {
            head = try await chain.blockNumber()
        } catch {
            throw RunSettingsError(setting: "RPC_URL", message: "the executor's pool table could not be read: \(error)")
        }
        var start = 0
        while start < listed.count {
            let chunk = listed[start..<min(start + batchSize, listed.count)]
            let params = chunk.map { entry -> [JSONValue] in
                var data = FunctionSelector.bytes(getter, reservingCapacity: 36)
                data.appendWord(UInt256(UInt64(entry.value)))
                return RPCChainSource.callParams(to: executor, data: data, block: head)
            }
            let answers: [Result<[UInt8], RPCError>]
            do {
                answers = try await chain.client.batch("eth_call", params, as: .hexData)
            } catch {
                throw RunSettingsError(setting: "RPC_URL", message: "the executor's pool table could not be read: \(error)")
            }
            for (entry, answer) in zip(chunk, answers) {
                try check(entry.key, at: entry.value, answer, executor: executor)
            }
            start += batchSize
        }
    }

    /// The check of one entry: the answer is one word holding `pool`.
    static func check(_ pool: Address, at index: UInt16, _ answer: Result<[UInt8], RPCError>, executor: Address) throws(RunSettingsError) {
        let setting = "execution.poolTable[\(index)]"
        let word: [UInt8]
        switch answer {
        case .success(let bytes): word = bytes
        case .failure(let error):
            throw RunSettingsError(setting: setting, message: "pools(\(index)) of the executor \(executor.checksummed) could not be read: \(error)")
        }
        guard word.count == 32, word.prefix(12).allSatisfy({ $0 == 0 }), let held = Address(bytes: word.suffix(20)) else {
            throw RunSettingsError(setting: setting, message: "pools(\(index)) of the executor \(executor.checksummed) did not answer one address word "
                                   + "(\(word.count) bytes): is it the contract of contracts/Executor.vy?")
        }
        guard held == pool else {
            throw RunSettingsError(setting: setting, message: "the executor \(executor.checksummed) holds \(held.checksummed) at index \(index), "
                                   + "the config lists \(pool.checksummed): call setPool(\(index), pool) as its owner or fix the list's order")
        }
    }
}
