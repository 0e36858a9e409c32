import Kernel

/// The `check-config` report of a valid config: the chain, then one aligned table per section
/// (plugins, routers, factories, pools, tokens), addresses EIP-55 checksummed, then one line each
/// for the `rpc`, `sync`, `service` and `execution` settings (URLs by host and port only: they may hold API keys).
enum ConfigReport {
    /// The report's lines.
    static func lines(_ loaded: LoadedConfig) -> [String] {
        let config = loaded.config
        let symbols = Dictionary(config.tokens.map { ($0.address, $0.symbol) }, uniquingKeysWith: { first, _ in first })
        var lines = ["chainId: \(config.chainId)"]

        lines.append("plugins (\(loaded.dexes.count)): entry, plugin, enabled, fees")
        lines += table(loaded.dexes.map { dex in
            [dex.entry.name, type(of: dex.plugin).name, dex.entry.enabled ? "enabled" : "disabled",
             dex.entry.fees.isEmpty ? "-" : dex.entry.fees.map(String.init).joined(separator: ",")]
        })

        let routers = config.dexes.flatMap { entry in entry.routers.map { (entry.name, $0) } }
        lines.append("routers (\(routers.count)): address, entry, name, kind, version")
        lines += table(routers.map { entry, router in
            [router.address.checksummed, entry, router.name, router.kind, router.version ?? "-"]
        })

        let factories = config.dexes.flatMap { entry in entry.factories.map { (entry.name, $0) } }
        lines.append("factories (\(factories.count)): address, entry, initCodeHash")
        lines += table(factories.map { entry, factory in
            [factory.address.checksummed, entry, factory.initCodeHash?.description ?? "-"]
        })

        let pools = config.dexes.flatMap { entry in entry.pools.map { (entry.name, $0) } }
        lines.append("pools (\(pools.count)): address, entry, name, kind, coins")
        lines += table(pools.map { entry, pool in
            [pool.address.checksummed, entry, pool.name, pool.kind ?? "-",
             pool.coins.map { symbols[$0] ?? $0.checksummed }.joined(separator: ",")]
        })

        lines.append("tokens (\(config.tokens.count)): symbol, address, decimals")
        lines += table(config.tokens.map { [$0.symbol, $0.address.checksummed, String($0.decimals)] })
        lines.append(rpcLine(loaded.rpc))
        lines.append(syncLine(loaded.sync))
        lines.append(serviceLine(loaded.service))
        lines.append(executionLine(loaded.execution, symbols: symbols))
        return lines
    }

    /// `rpc: endpoints …, ws …, maxConcurrent …`, in the section's key names.
    static func rpcLine(_ rpc: RPCConfiguration) -> String {
        let endpoints = rpc.rpcEndpoints.map(\.label)
        return "rpc: endpoints (\(endpoints.count)) \(endpoints.isEmpty ? "-" : endpoints.joined(separator: ",")), "
            + "ws \(rpc.webSocket.map { RPCEndpoint(url: $0).label } ?? "-"), maxConcurrent \(rpc.maxConcurrent), "
            + "requestsPerSecond \(rpc.requestsPerSecond), timeoutSeconds \(Int(rpc.timeout / .seconds(1))), "
            + "retries \(rpc.retries), backoffMilliseconds \(Int(rpc.backoff / .milliseconds(1)))"
    }

    /// `sync: multicall …, batchSize …`, in the section's key names.
    static func syncLine(_ sync: SyncConfiguration) -> String {
        "sync: multicall \(sync.multicall.checksummed), batchSize \(sync.batchSize), "
            + "logChunkBlocks \(sync.logChunkBlocks), journalDepth \(sync.journalDepth), "
            + "reconcileEveryBlocks \(sync.reconcileEveryBlocks), reconcileSample \(sync.reconcileSample), "
            + "tickWordRadius \(sync.tickWordRadius), pollMilliseconds \(Int(sync.poll / .milliseconds(1))), maxLagBlocks \(sync.maxLagBlocks), wholeTickTables \(sync.wholeTickTables.count)"
    }

    /// `service: feeds …, snapshot …`, in the section's key names.
    static func serviceLine(_ service: ServiceConfiguration) -> String {
        let feeds = service.feeds.map(Redaction.url)
        return "service: feeds (\(feeds.count)) \(feeds.isEmpty ? "-" : feeds.joined(separator: ",")), "
            + "snapshot \(service.snapshot ?? "-"), saveSnapshot \(service.saveSnapshot ?? "-"), "
            + "metrics \(service.metricsPort.map { "\(service.metricsHost):\($0)" } ?? "-"), "
            + "readyMessageAgeSeconds \(service.readyMessageAgeSeconds), logLevel \(service.logLevel ?? "-"), logFormat \(service.logFormat)"
    }

    /// `execution: executor …, sequencer …, limits …`, in the section's key names; amounts in wei.
    static func executionLine(_ execution: ExecutionConfiguration, symbols: [Address: String]) -> String {
        let limits = execution.limits
        let maxInput = limits.maxInput.sorted { $0.key < $1.key }.map { "\(symbols[$0.key] ?? $0.key.checksummed)=\($0.value)" }
        let timeboost = execution.timeboost.map { "auction \($0.auctionContract.checksummed), rounds held \($0.heldRounds.count)" } ?? "-"
        return "execution: executor \(execution.executor?.checksummed ?? "-"), poolTable \(execution.poolIndexes.count), sequencer \(execution.sequencer.map(Redaction.url).joined(separator: ",")), "
            + "keystore \(execution.keystore ?? "-"), nonceFile \(execution.nonceFile), killSwitchFile \(execution.killSwitchFile), "
            + "maxInput \(maxInput.isEmpty ? "-" : maxInput.joined(separator: ",")), maxGasPriceWei \(limits.maxGasPriceWei), "
            + "minNetProfitWei \(limits.minNetProfitWei), maxSlippageBps \(limits.maxSlippageBps), maxTradesPerBlock \(limits.maxTradesPerBlock), "
            + "dailyLossLimitWei \(limits.dailyLossLimitWei), gasLimitMarginPercent \(execution.gasLimitMarginPercent), "
            + "receiptTimeoutBlocks \(execution.receiptTimeoutBlocks), timeboost \(timeboost)"
    }

    /// Rows as lines indented by two spaces, each column padded to its widest cell.
    static func table(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        return rows.map { row in
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            return "  " + cells.joined(separator: "  ")
        }
    }
}
