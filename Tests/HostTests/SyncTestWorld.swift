import Engine
@testable import Host
import Kernel
import Testing

/// A state sync over the local chain: the dex.yaml its pools need (its tokens, its Uniswap V2 and
/// V3 factories with their genuine init code hashes, its Curve pools), a client, and checks that
/// compare the synced state with fresh reads at the same block.
struct SyncTestWorld {
    let chain: LocalChain
    let config: LoadedConfig
    let source: RPCChainSource
    let sync: StateSync

    /// The genuine pair and pool init code hashes (the local chain runs the real bytecode).
    static let v2InitCodeHash = "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"
    static let v3InitCodeHash = "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54"

    static func start(seed: Int, journalDepth: Int = 64, timeout: Duration = .seconds(20), retries: Int = 3) async throws -> SyncTestWorld {
        let chain = try await LocalChain.start(seed: seed)
        let config = try ConfigLoader().load(yaml: try yaml(for: chain), file: "localchain.yaml")
        var settings = config.sync
        settings.journalDepth = journalDepth
        settings.batchSize = 50
        let client = RPCTestSupport.client([chain.http], retries: retries, timeout: timeout)
        let source = try await RPCChainSource.connect(client, expectedChainID: chain.chainID)
        let sync = StateSync(source: source, plugins: config.enabledPlugins, configuration: settings, universe: config.tokenUniverse)
        return SyncTestWorld(chain: chain, config: config, source: source, sync: sync)
    }

    /// The dex.yaml of the chain's world.
    static func yaml(for chain: LocalChain) throws -> String {
        let tokens = try chain.startLine.read("tokens", .array(.object))
        let pools = try chain.startLine.read("pools", .array(.object))
        func factory(_ dex: String) throws -> String {
            try pools.first { (try? $0.read("dex", .string)) == dex }?.read("factory", .string) ?? "0x0000000000000000000000000000000000000001"
        }
        var text = "chainId: \(chain.chainID)\ntokens:\n"
        for token in tokens {
            text += "  - {symbol: \(try token.read("symbol", .string)), address: \"\(try token.read("address", .string))\", decimals: \(try token.read("decimals", .integer(Int.self)))}\n"
        }
        text += """
            dexes:
              - name: uniswap-v2
                plugin: uniswap-v2
                enabled: true
                factories: [{address: "\(try factory("uniswap-v2"))", initCodeHash: "\(v2InitCodeHash)"}]
                fees: [3000]
                routers: []
              - name: uniswap-v3
                plugin: uniswap-v3
                enabled: true
                factories: [{address: "\(try factory("uniswap-v3"))", initCodeHash: "\(v3InitCodeHash)"}]
                fees: [100, 500, 3000, 10000]
                routers: []
              - name: curve
                plugin: curve
                enabled: true
                routers: []
                pools:

            """
        for (index, pool) in pools.enumerated() where (try? pool.read("dex", .string)) == "curve" {
            let coins = try pool.read("tokens", .array(.string)).map { "\"\($0)\"" }.joined(separator: ", ")
            text += "      - {name: pool\(index), address: \"\(try pool.read("address", .string))\", coins: [\(coins)], kind: stableswap-ng}\n"
        }
        return text
    }

    /// Every synced pool's differences from a fresh read at the synced block (empty: all agree),
    /// and the number of pools compared.
    func drift() async throws -> (differences: [String], compared: Int) {
        let snapshot = try #require(await sync.snapshot)
        let fresh = StateSync(source: source, plugins: config.enabledPlugins, configuration: config.sync)
        let report = try await fresh.bootstrap(snapshot.pools.map { TrackedPoolID(dex: $0.dex, descriptor: PoolDescriptor(address: $0.pool.address, tokens: $0.pool.tokens)) }, at: snapshot.block)
        #expect(report.failures.isEmpty, "\(report.failures)")
        let reread = try #require(await fresh.snapshot)
        return (Self.differences(snapshot, reread, plugins: config.poolPlugins), reread.pools.count)
    }

    /// What differs between two snapshots' pools, pool by pool.
    static func differences(_ a: Snapshot, _ b: Snapshot, plugins: [String: any DEXPlugin.Type]) -> [String] {
        var lines: [String] = []
        let byAddress = Dictionary(b.pools.map { ($0.pool.address, $0) }, uniquingKeysWith: { first, _ in first })
        if Set(a.pools.map(\.pool.address)) != Set(byAddress.keys) { lines.append("pool sets differ: \(a.pools.count) vs \(b.pools.count)") }
        for entry in a.pools {
            guard let other = byAddress[entry.pool.address], let family = plugins[entry.dex] else { continue }
            for difference in PoolDrift.differences(held: entry.pool, fresh: other.pool, family: family) {
                lines.append("\(entry.dex) \(entry.pool.address): \(difference)")
            }
        }
        return lines
    }
}
