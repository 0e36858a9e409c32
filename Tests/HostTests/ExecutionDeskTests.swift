import Engine
import Foundation
@testable import Host
import Kernel
import Testing

/// The execution desk on a real opportunity: the first one the demo feed opens on the demo's
/// real pools. What it signs decodes to the executor call it means, and each limit refuses by
/// its name without spending a nonce.
@Suite struct ExecutionDeskTests {
    /// Anvil's first published test key (never a real account's).
    static let testKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
    static let executor = Address(precompile: 0x4242)

    /// The engine right after the first demo message that opens an opportunity, and its
    /// opportunities.
    static func firstOpportunity() throws -> (Engine, [Opportunity]) {
        let config = try ConfigLoader().load(path: ConfigTestSupport.realConfigPath)
        let snapshot = try SnapshotFile.load(path: BotService.demoSnapshot, config: config)
        var engine = try Engine(snapshot: snapshot, plugins: config.enabledPlugins, configuration: config.engine)
        var classifier = SwapClassifier(config)
        let decoder = FeedDecoder()
        for frame in try FeedRecordingReader.readAll(path: BotService.demoFeed) {
            for entry in try decoder.decode(frame.bytes[...]).entries {
                let swaps = entry.transactions.compactMap { tx -> SwapTransaction? in
                    guard let to = tx.to, case .swap(_, let swap) = classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) else { return nil }
                    return SwapTransaction(hash: tx.hash, legs: swap.legs)
                }
                let found = engine.process(SwapMessage(sequenceNumber: entry.sequenceNumber, timestamp: entry.message.header.timestamp, transactions: swaps))
                if !found.isEmpty { return (engine, found) }
            }
        }
        throw LocalChain.Failure(description: "the demo feed opens no opportunity")
    }

    static func desk(_ limits: TradeLimits = TradeLimits(), killSwitch: String = "/nonexistent/mevbot.stop") throws -> ExecutionDesk {
        var configuration = ExecutionConfiguration()
        configuration.limits = limits
        configuration.killSwitchFile = killSwitch
        let desk = ExecutionDesk(configuration: configuration, executor: executor, chainId: 42161,
                                 signer: TransactionSigner(key: try PrivateKey(hex: testKey)), killSwitch: KillSwitch(path: killSwitch), now: 1_724_815_077)
        desk.resynced(chainCount: 7, persisted: nil)
        return desk
    }

    static var generous: TradeLimits {
        var limits = TradeLimits()
        limits.maxInput = [ArbitrumOne.wrappedNativeToken: .max]
        limits.minNetProfitWei = .one
        limits.maxTradesPerBlock = 100
        return limits
    }

    @Test func aSignedTradeIsTheExecutorCallItMeans() throws {
        let (engine, opportunities) = try Self.firstOpportunity()
        let opportunity = try #require(opportunities.max { $0.netProfitEth < $1.netProfitEth })
        let desk = try Self.desk(Self.generous)
        let trade = try desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: engine.fees, now: 1_724_815_077, decidedAt: 0).get()
        let decoded = try TransactionDecoder.decode(trade.transaction.raw)
        #expect(decoded.hash == trade.transaction.hash)
        #expect(try decoded.recoverSender() == desk.signer.address)
        #expect(decoded.to == Self.executor)
        #expect(decoded.nonce == 7)
        #expect(decoded.chainId == 42161)
        #expect(decoded.value == .zero)
        let minimum = opportunity.grossProfit - opportunity.netProfit
        #expect(Array(decoded.data) == (try ExecutorCalldata.encode(hops: opportunity.executorHops, amountIn: opportunity.amountIn, minimumProfit: minimum)))
        #expect(trade.gasLimit > opportunity.gasUnits)
        #expect(trade.expectedProfitWei == opportunity.grossProfit)
        #expect(desk.nextNonce == 8)
        #expect(desk.inFlight == 1)
        // Its pools are held: the same cycle again is refused, and so is any cycle through them.
        #expect(desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: engine.fees, now: 1_724_815_077, decidedAt: 0) == .failure(.poolBusy))
        // Settled, they are free again; a rejection stops nonces until the chain is read.
        desk.settled(trade, outcome: .included(fee: trade.expectedFeeWei), now: 1_724_815_078)
        #expect(desk.inFlight == 0)
        let second = try desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: engine.fees, now: 1_724_815_078, decidedAt: 0).get()
        #expect(second.nonce == 8)
        desk.rejected(second)
        #expect(desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: engine.fees, now: 1_724_815_078, decidedAt: 0) == .failure(.nonceResync))
        desk.resynced(chainCount: 8, persisted: 9)
        #expect(desk.nextNonce == 9)
        let counters = desk.counters
        #expect(counters.attempted == 2 && counters.succeeded == 1 && counters.rejected == 1)
        #expect(counters.refused == [.poolBusy: 1, .nonceResync: 1])
    }

    @Test func eachLimitRefusesByNameAndSpendsNoNonce() throws {
        let (engine, opportunities) = try Self.firstOpportunity()
        let opportunity = try #require(opportunities.first)
        let requoted = engine.requote(opportunity)
        func refusal(_ limits: TradeLimits, requotedOut: UInt256? = requoted, fees: (l2BaseFee: UInt256, l1PricePerUnit: UInt256) = engine.fees,
                     killSwitch: String = "/nonexistent/mevbot.stop") throws -> TradeRefusal? {
            let desk = try Self.desk(limits, killSwitch: killSwitch)
            guard case .failure(let reason) = desk.prepare(opportunity, requotedOut: requotedOut, fees: fees, now: 1_724_815_077, decidedAt: 0) else {
                #expect(desk.nextNonce == 8)
                return nil
            }
            #expect(desk.nextNonce == 7, "a refused trade spent a nonce")
            #expect(desk.inFlight == 0)
            return reason
        }
        var limits = Self.generous
        limits.maxInput = [:]
        #expect(try refusal(limits) == .tokenNotAllowed)
        limits = Self.generous
        limits.maxInput = [ArbitrumOne.wrappedNativeToken: opportunity.amountIn - .one]
        #expect(try refusal(limits) == .inputTooLarge)
        limits = Self.generous
        limits.maxTradesPerBlock = 0
        #expect(try refusal(limits) == .tradesPerBlock)
        #expect(try refusal(Self.generous, fees: (UInt256(100_000_000), engine.fees.l1PricePerUnit)) == .gasPrice)
        #expect(try refusal(Self.generous, requotedOut: nil) == .slippage)
        #expect(try refusal(Self.generous, requotedOut: opportunity.amountOut - opportunity.amountOut / UInt256(500)) == .slippage)
        limits = Self.generous
        limits.minNetProfitWei = .max
        #expect(try refusal(limits) == .profitTooLow)
        let stop = FileManager.default.temporaryDirectory.appendingPathComponent("mevbot-\(UUID().uuidString).stop").path
        #expect(FileManager.default.createFile(atPath: stop, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: stop) }
        #expect(try refusal(Self.generous, killSwitch: stop) == .killSwitch)
        #expect(try refusal(Self.generous) == nil)
    }

    @Test func theDaysLossStopsTheDesk() throws {
        let (engine, opportunities) = try Self.firstOpportunity()
        let opportunity = try #require(opportunities.first)
        var limits = Self.generous
        limits.dailyLossLimitWei = UInt256(1_000)
        let desk = try Self.desk(limits)
        let trade = try desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: engine.fees, now: 1_724_815_077, decidedAt: 0).get()
        desk.settled(trade, outcome: .reverted(fee: UInt256(1_001)), now: 1_724_815_077)
        #expect(desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: engine.fees, now: 1_724_815_078, decidedAt: 0) == .failure(.dailyLoss))
        #expect(desk.counters.reverted == 1)
    }
}
