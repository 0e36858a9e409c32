import Kernel

/// Decodes calls to LI.FI's Diamond (swap data handed to the host, call by call) and to its
/// Permit2Proxy (the Diamond calldata it forwards, handed to the host as a call to the Diamond).
struct LiFiDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The Diamonds.
    let diamonds: RouterAddresses
    /// The Permit2Proxies.
    let proxies: RouterAddresses
    /// The Diamond the proxies call (nil without proxies).
    let diamond: Address?

    /// LibSwap.SwapData: callTo, approveTo, sendingAssetId, receivingAssetId, fromAmount,
    /// callData, requiresDeposit.
    static let swapData = "(address,address,address,address,uint256,bytes,bool)"
    /// ILiFi.BridgeData: transactionId, bridge, integrator, referrer, sendingAssetId, receiver,
    /// minAmount, destinationChainId, hasSourceSwaps, hasDestinationCall.
    static let bridgeData = "(bytes32,string,string,address,address,address,uint256,uint256,bool,bool)"

    /// The Diamond's swap functions, by selector: the word of their swap data, whether it is one
    /// element rather than a list, and the word of their least output where they have one.
    static let diamondFunctions: [UInt32: (name: String, word: Int, single: Bool, minimum: Int?)] = {
        var functions: [UInt32: (name: String, word: Int, single: Bool, minimum: Int?)] = [:]
        // GenericSwapFacet(V3): (transactionId, integrator, referrer, receiver, minAmountOut, swapData).
        let swapHead = "bytes32,string,string,address,uint256"
        for name in ["swapTokensGeneric", "swapTokensMultipleV3ERC20ToERC20", "swapTokensMultipleV3ERC20ToNative", "swapTokensMultipleV3NativeToERC20"] {
            functions[FunctionSelector.of("\(name)(\(swapHead),\(swapData)[])")] = (name, 5, false, 4)
        }
        for name in ["swapTokensSingleV3ERC20ToERC20", "swapTokensSingleV3ERC20ToNative", "swapTokensSingleV3NativeToERC20"] {
            functions[FunctionSelector.of("\(name)(\(swapHead),\(swapData))")] = (name, 5, true, 4)
        }
        // Bridge facets: (BridgeData, SwapData[], the facet's own data); the swaps run before
        // the bridge, whose minimum is on the other chain.
        for (facet, data) in bridgeFacets {
            let name = "swapAndStartBridgeTokensVia\(facet)"
            functions[FunctionSelector.of("\(name)(\(bridgeData),\(swapData)[]\(data.map { "," + $0 } ?? ""))")] = (name, 1, false, nil)
        }
        return functions
    }()

    /// Bridge facets with source swaps, and their own data's tuple (lifinance/contracts
    /// src/Facets; the selectors agree with the Diamonds' on-chain facet tables).
    static let bridgeFacets: [(String, String?)] = [
        ("Squid", "(uint8,string,string,string,address,(uint8,address,uint256,bytes,bytes)[],bytes,uint256,bool)"),
        ("Glacis", "(bytes32,address,uint256,bytes32)"),
        ("Stargate", "(uint16,(uint32,bytes32,uint256,uint256,bytes,bytes,bytes),(uint256,uint256),address)"),
        ("Mayan", "(bytes32,address,bytes,address,bytes,address,uint256,address,uint256)"),
        ("RelayDepository", "(bytes32,address)"),
    ]

    /// `callDiamondWithEIP2612Signature(token, amount, deadline, v, r, s, diamondCalldata)`.
    static let withEIP2612 = FunctionSelector.of("callDiamondWithEIP2612Signature(address,uint256,uint256,uint8,bytes32,bytes32,bytes)")
    /// `callDiamondWithPermit2(diamondCalldata, PermitTransferFrom, signature)`.
    static let withPermit2 = FunctionSelector.of("callDiamondWithPermit2(bytes,((address,uint256),uint256,uint256),bytes)")
    /// `callDiamondWithPermit2Witness(diamondCalldata, signer, PermitTransferFrom, signature)`.
    static let withPermit2Witness = FunctionSelector.of("callDiamondWithPermit2Witness(bytes,address,((address,uint256),uint256,uint256),bytes)")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        if proxies.contains(call.to), let diamond {
            let word: Int
            switch selector {
            case Self.withEIP2612: word = 6
            case Self.withPermit2, Self.withPermit2Witness: word = 0
            default: return nil
            }
            let forwarded = ContractCall(to: diamond, data: try arguments.bytes(word, field: "diamondCalldata"), value: call.value)
            var legs = InnerLegs()
            try legs.add(forwarded, inner: inner, budget: &budget)
            return legs.swap(function: "callDiamond")
        }
        guard diamonds.contains(call.to), let function = Self.diamondFunctions[selector] else { return nil }
        let (count, swaps) = function.single ? (1, arguments) : try arguments.array(function.word, field: "swapData")
        var legs = InnerLegs()
        for k in 0..<count {
            let swap = try swaps.dynamicTuple(function.single ? function.word : k, field: "swapData")
            let sending = try swap.address(2, field: "sendingAssetId")
            let amount = try swap.uint(4, field: "fromAmount")
            // LibSwap pays a native-asset swap's amount as the call's value.
            let swapCall = ContractCall(to: try swap.address(0, field: "callTo"), data: try swap.bytes(5, field: "callData"), value: sending == .zero ? amount : .zero)
            try legs.add(swapCall, inner: inner, budget: &budget)
        }
        if let swap = legs.swap(function: function.name) { return swap }
        guard count > 0 else { return nil }
        let first = try swaps.dynamicTuple(function.single ? function.word : 0, field: "swapData")
        let last = try swaps.dynamicTuple(function.single ? function.word : count - 1, field: "swapData")
        let route = UnknownRoute(
            aggregator: aggregator, tokenIn: try first.address(2, field: "sendingAssetId"), tokenOut: try last.address(3, field: "receivingAssetId"),
            amountIn: try first.uint(4, field: "fromAmount"),
            minAmountOut: try function.minimum.map { (word) throws(DecodingError) in try arguments.uint(word, field: "minAmountOut") })
        return DecodedSwap(function: function.name, legs: [], unknownRoutes: [route])
    }
}
