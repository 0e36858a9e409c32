import Kernel

/// Runs many `StateCall`s at one block through Multicall3 `aggregate3`, `batchSize` calls to a
/// round trip, the batches in parallel (the RPC client caps how many are in flight). Pinning every
/// batch to one block number makes a bootstrap coherent.
struct BatchReader: Sendable {
    /// Where calls go.
    let source: any ChainSource
    /// Multicall3's address on the chain.
    let multicall: Address
    /// Calls per `aggregate3`.
    let batchSize: Int

    /// One answer per call, in order: the return data, or why that call alone failed. A failure
    /// of a whole batch (the transport, a malformed `aggregate3` answer) throws.
    func read(_ calls: [StateCall], at block: UInt64) async throws(RPCError) -> [Result<[UInt8], SubCallFailure>] {
        let size = max(1, batchSize)
        let starts = Array(stride(from: 0, to: calls.count, by: size))
        let batches: [(Int, [Result<[UInt8], SubCallFailure>])]
        do {
            batches = try await withThrowingTaskGroup(of: (Int, [Result<[UInt8], SubCallFailure>]).self) { group in
                for start in starts {
                    let slice = calls[start..<min(start + size, calls.count)]
                    group.addTask { (start, try await readBatch(slice, at: block)) }
                }
                var done: [(Int, [Result<[UInt8], SubCallFailure>])] = []
                for try await batch in group { done.append(batch) }
                return done
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw .transport(method: "eth_call", detail: "\(error)")
        }
        return batches.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }

    /// One `aggregate3` round trip.
    private func readBatch(_ calls: ArraySlice<StateCall>, at block: UInt64) async throws(RPCError) -> [Result<[UInt8], SubCallFailure>] {
        let answer = try await source.call(to: multicall, data: Multicall3.aggregate3(calls), block: block)
        let results: [(success: Bool, data: [UInt8])]
        do {
            results = try Multicall3.results(answer, expected: calls.count)
        } catch {
            throw .malformed(method: "eth_call", field: "aggregate3.\(error.field)", detail: error.description)
        }
        return zip(calls, results).map { call, result in
            result.success ? .success(result.data) : .failure(SubCallFailure(call: call.label, revertData: result.data))
        }
    }
}

/// One call of an `aggregate3` batch that reverted: its label and revert data.
struct SubCallFailure: Error, Sendable, Equatable {
    /// The call, as its `StateCall` names it (`"slot0()"`).
    var call: String
    /// What the revert returned.
    var revertData: [UInt8]
}
