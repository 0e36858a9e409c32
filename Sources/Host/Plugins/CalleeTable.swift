import Kernel

/// The contracts the classifier knows, in one address table: every enabled DEX entry's routers
/// and pools, then every enabled aggregator's routers. Built once; shared by the classifier and
/// the inner-call decoder that wrappers classify their calls through (a class, so that handing it
/// to an aggregator as `any InnerCallDecoder` copies one reference, not the table).
final class CalleeTable: Sendable {
    /// The DEX entries' decoders, in file order.
    let dexDecoders: [any SwapDecoder]
    /// The aggregator entries' decoders, in file order.
    let aggregatorDecoders: [any AggregatorDecoder]
    /// The entry names: the DEX entries', then the aggregators'.
    let names: [String]
    /// The index into `names` of every router and pool address.
    let indexByAddress: AddressTable
    /// The enabled DEX entries' plugins by name, to name the pools of hops given by tokens.
    let plugins: [String: any DEXPlugin]

    /// The table of the enabled entries of `config`; disabled ones are left out.
    init(_ config: LoadedConfig) {
        var dexDecoders: [any SwapDecoder] = []
        var aggregatorDecoders: [any AggregatorDecoder] = []
        var names: [String] = []
        var addresses: [(address: Address, index: Int)] = []
        for dex in config.dexes where dex.entry.enabled {
            let index = names.count
            dexDecoders.append(dex.plugin.decoder)
            names.append(dex.entry.name)
            addresses += dex.entry.routers.map { ($0.address, index) } + dex.entry.pools.map { ($0.address, index) }
        }
        for aggregator in config.aggregators where aggregator.entry.enabled {
            let index = names.count
            aggregatorDecoders.append(aggregator.plugin.decoder)
            names.append(aggregator.entry.name)
            addresses += aggregator.entry.routers.map { ($0.address, index) }
        }
        self.dexDecoders = dexDecoders
        self.aggregatorDecoders = aggregatorDecoders
        self.names = names
        indexByAddress = AddressTable(addresses)
        plugins = config.enabledPlugins
    }

    /// What `call` to the entry at `index` swaps: a DEX decoder's answer, or an aggregator's
    /// with its inner calls classified through this table within `budget`.
    func decode(_ call: ContractCall, entry index: Int, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard index >= dexDecoders.count else { return try dexDecoders[index].decode(call) }
        return try aggregatorDecoders[index - dexDecoders.count].decode(call, inner: InnerCalls(callees: self), budget: &budget)
    }

    /// The address of `hop`'s pool in a leg of the entry `dex`: named by the call, or derived
    /// from the entry's factory for a hop given by its tokens; nil where neither applies.
    func pool(of hop: SwapHop, dex: String) -> Address? {
        switch hop.pool {
        case .pool(let address, _), .coins(let address, _, _), .address(let address):
            return address
        case .byTokens(let fee):
            guard let tokenIn = hop.tokenIn, let tokenOut = hop.tokenOut else { return nil }
            return plugins[dex]?.poolAddress(tokenIn, tokenOut, fee: fee)
        }
    }
}

/// The calls a wrapper makes, classified through the callee table: each spends one call of the
/// budget, and a call to another aggregator one wrapping level. Errors are moved to offsets into
/// the outermost calldata.
struct InnerCalls: InnerCallDecoder {
    /// The known contracts.
    let callees: CalleeTable

    func decode(_ call: ContractCall, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        try budget.spendCall(at: call.data)
        guard let index = callees.indexByAddress.index(of: call.to) else { return nil }
        guard index >= callees.dexDecoders.count else {
            do { return try callees.dexDecoders[index].decode(call) } catch { throw error.shifted(by: call.data.startIndex - budget.origin) }
        }
        return try budget.descend(at: call.data) { (budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? in
            try callees.decode(call, entry: index, budget: &budget)
        }
    }
}
