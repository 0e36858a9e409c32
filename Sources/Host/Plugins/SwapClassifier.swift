import Kernel

/// Recognises the swaps in contract calls. The callee finds its DEX entry in one hash lookup
/// (the routers and configured pools of the enabled entries), and that entry's plugin decodes the
/// calldata. A callee no entry has, or a function its decoder does not know, is not a swap;
/// calldata its decoder refuses is a `MalformedSwapCall`, counted per DEX.
public struct SwapClassifier {
    /// The decoders, one per enabled entry, in file order.
    private let decoders: [any SwapDecoder]
    /// The entry names, parallel to `decoders`.
    private let dexNames: [String]
    /// The index into `decoders` of every router and pool address.
    private let decoderByAddress: AddressTable
    /// What has been classified so far, per DEX.
    private(set) var counters: SwapCounters

    /// A classifier for the enabled entries of `config`; disabled ones are left out.
    public init(_ config: LoadedConfig) {
        var decoders: [any SwapDecoder] = []
        var dexNames: [String] = []
        var addresses: [(address: Address, index: Int)] = []
        for dex in config.dexes where dex.entry.enabled {
            let index = decoders.count
            decoders.append(dex.plugin.decoder)
            dexNames.append(dex.entry.name)
            addresses += dex.entry.routers.map { ($0.address, index) } + dex.entry.pools.map { ($0.address, index) }
        }
        self.decoders = decoders
        self.dexNames = dexNames
        decoderByAddress = AddressTable(addresses)
        counters = SwapCounters(dexNames: dexNames)
    }

    /// The DEX entry `address` belongs to, if an enabled one has it as a router or pool.
    func dex(at address: Address) -> String? {
        decoderByAddress.index(of: address).map { dexNames[$0] }
    }

    /// What `call` is: a swap with its legs, not a swap, or malformed calldata for a known DEX.
    public mutating func classify(_ call: ContractCall) -> SwapClassification {
        guard let index = decoderByAddress.index(of: call.to) else { return .notASwap }
        do {
            guard let swap = try decoders[index].decode(call) else { return .notASwap }
            counters.countSwap(index)
            return .swap(dex: dexNames[index], swap)
        } catch {
            counters.countMalformed(index)
            return .malformed(MalformedSwapCall(dex: dexNames[index], error: error))
        }
    }
}

/// What a call is, to the classifier.
public enum SwapClassification: Equatable, Sendable {
    /// Not a call to a known router or pool, or not one of its swap functions.
    case notASwap
    /// A swap through the entry named `dex`.
    case swap(dex: String, DecodedSwap)
    /// A swap function of a known router or pool with calldata its decoder refuses.
    case malformed(MalformedSwapCall)
}

/// Calldata to a known router or pool that its DEX's decoder refused.
public struct MalformedSwapCall: Error, Equatable, Sendable {
    /// The dex.yaml entry whose router or pool was called.
    public var dex: String
    /// What was wrong, where in the calldata.
    public var error: DecodingError
}
