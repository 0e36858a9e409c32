import Engine
import Foundation
@testable import Host
import Kernel
import Testing
import UniswapV2
import UniswapV3

/// The bundled demo snapshot through the real config's plugins, and the file errors.
@Suite struct SnapshotFileTests {
    /// The repository's `replay/demo-snapshot.json`.
    static let demoPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("replay/demo-snapshot.json").path

    /// The real `config/dex.yaml`.
    static func config() throws -> LoadedConfig {
        try ConfigLoader().load(path: ConfigTestSupport.realConfigPath)
    }

    @Test("the config's entries map to the families their plugin: lines name")
    func poolPlugins() throws {
        let plugins = try Self.config().poolPlugins
        #expect(plugins.mapValues { $0.name } == [
            "uniswap-v2": "uniswap-v2", "sushiswap-v2": "uniswap-v2", "uniswap-v3": "uniswap-v3", "pancakeswap-v3": "uniswap-v3",
            "camelot-v2": "camelot-v2", "camelot-v3": "camelot-v3", "curve": "curve",
        ])
    }

    @Test("the demo snapshot loads: 150 real pairs, then 71 V3 pools each with its assumed band")
    func demoSnapshotLoads() throws {
        let snapshot = try SnapshotFile.load(path: Self.demoPath, config: Self.config())
        #expect(snapshot.block == 247_867_692 && snapshot.timestamp == 1_724_917_466)
        #expect(snapshot.l2BaseFee == nil && snapshot.l1PricePerUnit == nil)
        #expect(snapshot.pools.count == 221)
        let byDEX = Dictionary(grouping: snapshot.pools, by: \.dex).mapValues(\.count)
        #expect(byDEX == ["uniswap-v2": 23, "sushiswap-v2": 127, "uniswap-v3": 71])

        let pairs = snapshot.pools.prefix(150)
        #expect(pairs.allSatisfy { $0.assumption == nil && ($0.pool as? UniswapV2Pool)?.fee.millionths == 3000 })

        let pools = snapshot.pools.dropFirst(150)
        #expect(pools.allSatisfy { $0.dex == "uniswap-v3" && $0.assumption?.hasPrefix("ticks ASSUMED, not chain data") == true })
        for entry in pools {
            let pool = try #require(entry.pool as? UniswapV3Pool)
            let range = try #require(pool.completeTickRange, "\(pool.address) has no completeTickRange")
            let rows = pool.ticks.entries
            // Two ticks on the spacing: the active liquidity on from the lower, off at the upper.
            #expect(rows.map(\.tick) == [range.lowerBound, range.upperBound + 1])
            let net = try #require(Int256(exactly: pool.liquidity))
            #expect(rows.map(\.liquidityNet) == [net, -net])
            #expect(rows.allSatisfy { $0.tick % pool.tickSpacing == 0 })
            // At least 954 ticks (a factor 1.1 in price) either way, and no more than one spacing beyond.
            let below = pool.tick - range.lowerBound, above = range.upperBound + 1 - pool.tick
            #expect(below >= 954 && below < 954 + pool.tickSpacing, "\(pool.address): \(below) ticks below")
            #expect(above >= 954 && above < 954 + pool.tickSpacing, "\(pool.address): \(above) ticks above")
        }
    }

    @Test("every V3 pool of the demo prices a swap inside its band and refuses one that would leave it")
    func bandsRefuseWhatTheyDoNotKnow() throws {
        let snapshot = try SnapshotFile.load(path: Self.demoPath, config: Self.config())
        let q96 = UInt256(1) << 96
        var insideChecks = 0
        for entry in snapshot.pools.dropFirst(150) {
            let pool = try #require(entry.pool as? UniswapV3Pool)
            // Token0 in: L·2^96/√P takes √P to half (the price to a quarter); token1 in: L·√P/2^96
            // doubles √P. Twice that plus 3 wei is more than enough after any fee up to 1 % (on a
            // few wei the fee is 1 wei): such a swap leaves the band. A thousandth of it stays
            // well inside, where that is at least 1 wei (in four pool directions of the file the
            // whole move takes under 1,000 wei: 0, 1, 130 and 464).
            let needed = [
                try #require(UInt256.mulDiv(pool.liquidity, q96, pool.sqrtPriceX96)),
                try #require(UInt256.mulDiv(pool.liquidity, pool.sqrtPriceX96, q96)),
            ]
            for (from, amount) in needed.enumerated() {
                let leaving = amount * UInt256(2) + UInt256(3)
                let error = #expect(throws: PoolError.self, "\(pool.address) from \(from)") { _ = try pool.amountOut(leaving, from: from, to: 1 - from) }
                guard case .invalidState(let detail) = error else {
                    Issue.record("\(pool.address) from \(from): \(String(describing: error)), expected invalidState")
                    continue
                }
                #expect(detail.contains("outside the loaded ticks"))
                guard amount >= UInt256(1000) else { continue }
                #expect(throws: Never.self, "\(pool.address) from \(from)") { _ = try pool.amountOut(amount / UInt256(1000), from: from, to: 1 - from) }
                insideChecks += 1
            }
        }
        #expect(insideChecks == 71 * 2 - 4)
    }

    @Test("the demo file is in the codec's own form: written back, it is the same bytes without its about")
    func demoSnapshotIsCanonical() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.demoPath)))
        let about = try JSONValue.parse(bytes).fields(at: "").read("about", .string)
        let aboutMember = Array(("{\"about\":" + JSONValue.string(about).rendered + ",").utf8)
        #expect(bytes.starts(with: aboutMember))
        let codec = SnapshotCodec(plugins: try Self.config().poolPlugins)
        let written = try codec.encode(try codec.decode(bytes))
        #expect(written == Array("{".utf8) + bytes.dropFirst(aboutMember.count))
    }

    @Test("a missing file and a refused entry name the file")
    func fileErrors() throws {
        let config = try Self.config()
        let missing = #expect(throws: SnapshotFileError.self) { try SnapshotFile.load(path: "/nonexistent/snapshot.json", config: config) }
        #expect(missing == .unreadable(file: "/nonexistent/snapshot.json", reason: "No such file or directory"))
        #expect(missing?.description == "/nonexistent/snapshot.json: cannot read the file (No such file or directory)")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = #"{"block":1,"timestamp":2,"pools":[{"dex":"pancakeswap-v3","address":"0x1000000000000000000000000000000000000001"}]}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let refused = #expect(throws: SnapshotFileError.self) { try SnapshotFile.load(path: path, config: config) }
        guard case .refused(let file, let error) = refused else {
            Issue.record("expected a refusal, got \(String(describing: refused))")
            return
        }
        #expect(file == path && error.kind == .field && error.field == "pools[0].token0" && error.poolIndex == 0)
        #expect(refused?.description == "\(path): pools[0].token0 (pool 0x1000000000000000000000000000000000000001): missing")
    }
}
