@testable import Host
import Kernel
import Testing

/// `RPCChainSource` against the local chain server: headers, logs and calls read singly and in
/// batches agree, the chain id is checked at connect, reverts are told apart.
@Suite(.timeLimit(.minutes(2))) struct RPCChainSourceTests {
    typealias S = RPCTestSupport

    @Test func connectChecksTheChainID() async throws {
        let chain = try await LocalChain.start(seed: 3)
        defer { chain.stop() }
        let source = try await RPCChainSource.connect(S.client([chain.http]), expectedChainID: 42161)
        #expect(try await source.chainID() == 42161)
        await #expect(throws: RPCError.wrongChain(expected: 1, actual: 42161)) {
            _ = try await RPCChainSource.connect(S.client([chain.http]), expectedChainID: 1)
        }
        // The second endpoint serves another chain: refused too.
        let other = try await LocalChain.start(seed: 3, chainID: 421614)
        defer { other.stop() }
        await #expect(throws: RPCError.wrongChain(expected: 42161, actual: 421614)) {
            _ = try await RPCChainSource.connect(S.client([chain.http, other.http]), expectedChainID: 42161)
        }
    }

    @Test func headersSingleAndBatchedAgree() async throws {
        let chain = try await LocalChain.start(seed: 4)
        defer { chain.stop() }
        let mined = try await chain.mine(5)
        let source = RPCChainSource(client: S.client([chain.http]))
        let head = try await source.blockNumber()
        #expect(head == mined.number)
        #expect(head == chain.startHead + 5)
        let numbers = Array(0...head)
        let batched = try await source.headers(numbers + [head + 1])
        #expect(batched.count == numbers.count + 1)
        #expect(batched.last == .some(nil))
        for number in numbers {
            let single = try await source.header(number)
            #expect(single != nil)
            #expect(single == batched[Int(number)])
            #expect(single?.number == number)
            if number > 0 { #expect(single?.parentHash == batched[Int(number) - 1]?.hash) }
        }
        #expect(batched[Int(head)]?.hash == mined.hash)
        #expect(try await source.header(head + 10) == nil)
        let stats = source.client.stats.method("eth_getBlockByNumber")
        #expect(stats.calls == UInt64(numbers.count) + 2)
        #expect(stats.requests == UInt64(numbers.count) * 2 + 2)
        #expect(stats.failed == 0)
        #expect(stats.latencyBuckets.reduce(0, +) == stats.calls)
    }

    @Test func logsOfOneRangeAndOfEachBlockAgree() async throws {
        let chain = try await LocalChain.start(seed: 5)
        defer { chain.stop() }
        try await chain.mine(6)
        let source = RPCChainSource(client: S.client([chain.http]))
        let head = try await source.blockNumber()
        let addresses = try S.pools(chain).map(\.address)
        let topics = [S.topic("Sync(uint112,uint112)"), S.topic("Swap(address,uint256,uint256,uint256,uint256,address)"),
                      S.topic("Swap(address,address,int256,int256,uint160,uint128,int24)")]
        let all = try await source.logs(addresses: addresses, topics: topics, fromBlock: 0, toBlock: head)
        #expect(!all.isEmpty)
        var perBlock: [ChainLog] = []
        for number in 0...head {
            perBlock += try await source.logs(addresses: addresses, topics: topics, fromBlock: number, toBlock: number)
        }
        #expect(perBlock == all)
        for log in all {
            #expect(addresses.contains(log.log.address))
            #expect(log.log.topics.first.map(topics.contains) == true)
            #expect(try await source.header(log.blockNumber)?.hash == log.blockHash)
            #expect(!log.removed)
        }
        // (block, logIndex) order.
        #expect(zip(all, all.dropFirst()).allSatisfy { ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) })
        // The batched form: one eth_getLogs filter per block in one POST.
        let filters = (0...head).map { RPCChainSource.logsParams(addresses: addresses, topics: topics, fromBlock: $0, toBlock: $0) }
        let batched = try await source.client.batch("eth_getLogs", filters, as: .array(.chainLog))
        #expect(try batched.flatMap { try $0.get() } == all)
    }

    @Test func callsSingleAndBatchedAgreeAndRevertsAreTold() async throws {
        let chain = try await LocalChain.start(seed: 6)
        defer { chain.stop() }
        try await chain.mine(4)
        let source = RPCChainSource(client: S.client([chain.http]))
        let head = try await source.blockNumber()
        let pairs = try S.pools(chain).filter { $0.dex == "uniswap-v2" }.map(\.address)
        #expect(!pairs.isEmpty)
        let getReserves = S.selector("getReserves()")
        // A batch of many calls: every pair at every block, over and over, past 500 calls.
        let distinct = pairs.flatMap { pair in (0...head).map { (pair, $0) } }
        let rounds = 500 / distinct.count + 1
        let targets = Array((0..<rounds).map { _ in distinct }.joined())
        let batched = try await source.client.batch(
            "eth_call", targets.map { RPCChainSource.callParams(to: $0.0, data: getReserves, block: $0.1) }, as: .hexData)
        #expect(batched.count == targets.count)
        #expect(batched.count > 500)
        for (index, target) in distinct.enumerated() {
            let single = try await source.call(to: target.0, data: getReserves, block: target.1)
            for round in 0..<rounds { #expect(try batched[round * distinct.count + index].get() == single) }
            // Block 1 creates the pools: at block 0 the pair has no code and answers nothing.
            #expect(single.count == (target.1 == 0 ? 0 : 96))
        }
        // Reserves change as blocks add swaps.
        #expect(Set(try batched.map { try $0.get() }).count > pairs.count)
        await #expect {
            _ = try await source.call(to: pairs[0], data: [0xde, 0xad, 0xbe, 0xef], block: head)
        } throws: { error in
            guard case .reverted(method: "eth_call", _) = error as? RPCError else { return false }
            return true
        }
        #expect(source.client.stats.method("eth_call").failures[.reverted] == 1)
    }

    @Test func concurrentCallsThroughTheCapAllAnswer() async throws {
        let chain = try await LocalChain.start(seed: 7)
        defer { chain.stop() }
        try await chain.mine(3)
        var configuration = RPCConfiguration()
        configuration.endpoints = [chain.http]
        configuration.maxConcurrent = 2
        configuration.requestsPerSecond = 1000
        let source = RPCChainSource(client: JSONRPCClient(configuration: configuration))
        let numbers = (0..<40).map { UInt64($0 % 4) }
        let headers = try await withThrowingTaskGroup(of: (Int, BlockHeader?).self) { group in
            for (index, number) in numbers.enumerated() {
                group.addTask { (index, try await source.header(number)) }
            }
            var headers = [BlockHeader?](repeating: nil, count: numbers.count)
            for try await (index, header) in group { headers[index] = header }
            return headers
        }
        #expect(headers.map { $0?.number } == numbers.map { .some($0) })
        let stats = source.client.stats.method("eth_getBlockByNumber")
        #expect(stats.calls == 40)
        #expect(stats.failed == 0)
    }
}
