import Kernel

/// Decodes OpenOceanExchange's `swap(caller, desc, calls)`: each call description either calls
/// another contract (target not zero: the host classifies it) or one of OpenOceanCaller's own
/// helpers (target zero). Of the helpers, `uniswapV3Swap` names its pool, direction, amount and
/// path and is a hop; transfers, approvals and slippage collection move no pool; distribution
/// calls and nested `makeCall(s)` wrap further call descriptions. Any other helper (its
/// Uniswap V2-like, Solidly and DMM swaps, which take what was sent to the pair before) leaves
/// the route unread: the swap is an unknown route with the description's pair and amounts.
struct OpenOceanDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The routers.
    let routers: RouterAddresses

    /// CallDescription: target (an address in a uint256; zero for the caller itself), gasLimit,
    /// value, data.
    static let callDescription = "(uint256,uint256,uint256,bytes)"
    /// `swap(address caller, SwapDescription desc, CallDescription[] calls)`; desc: srcToken,
    /// dstToken, srcReceiver, dstReceiver, amount, minReturnAmount, guaranteedAmount, flags,
    /// referrer, permit.
    static let swap = FunctionSelector.of(
        "swap(address,(address,address,address,address,uint256,uint256,uint256,uint256,address,bytes),\(callDescription)[])")

    /// OpenOceanCaller's helpers (its verified source; `collectSlippage` as the caller's later
    /// versions name selector 0x8a6a1e85, a transfer of positive slippage).
    enum Helper {
        /// `uniswapV3Swap(address pool, bool zeroForOne, int256 amount, address recipient, bytes path)`.
        static let uniswapV3Swap = FunctionSelector.of("uniswapV3Swap(address,bool,int256,address,bytes)")
        /// `singleDistributionCall(IERC20 token, uint256 distribution, CallDescription desc, uint256 amountBias)`.
        static let singleDistribution = FunctionSelector.of("singleDistributionCall(address,uint256,\(callDescription),uint256)")
        /// `multiDistributionCall(IERC20 token, uint256 distribution, CallDescription[] descs, uint256[] amountBiases)`.
        static let multiDistribution = FunctionSelector.of("multiDistributionCall(address,uint256,\(callDescription)[],uint256[])")
        /// `makeCall(CallDescription)`.
        static let makeCall = FunctionSelector.of("makeCall(\(callDescription))")
        /// `makeCalls(CallDescription[])`.
        static let makeCalls = FunctionSelector.of("makeCalls(\(callDescription)[])")
        /// Helpers that move no pool: `safeTransfer`, `safeApprove`, collecting slippage.
        static let quiet: Set<UInt32> = [
            FunctionSelector.of("safeTransfer(address,address,uint256)"), FunctionSelector.of("safeApprove(address,address,uint256)"), 0x8a6a_1e85,
        ]
    }

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), FunctionSelector.leading(call.data) == Self.swap else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        let description = try arguments.dynamicTuple(1, field: "desc")
        let tokenOut = try description.address(1, field: "dstToken")
        let minimumOut = try description.uint(5, field: "minReturnAmount")
        var legs = InnerLegs()
        let read = try calls(arguments, word: 2, into: &legs, fromBalance: false, inner: inner, budget: &budget)
        if read, var swap = legs.swap(function: "swap") {
            // The user's least output belongs to the last hop where it is this aggregator's own.
            if let last = swap.legs.indices.last, swap.legs[last].dex == aggregator, swap.legs[last].tokenOut == tokenOut {
                swap.legs[last].limit = minimumOut
            }
            return swap
        }
        let route = UnknownRoute(aggregator: aggregator, tokenIn: try description.address(0, field: "srcToken"), tokenOut: tokenOut,
                                 amountIn: try description.uint(4, field: "amount"), minAmountOut: minimumOut)
        return DecodedSwap(function: "swap", legs: [], unknownRoutes: [route])
    }

    /// The call descriptions of the array at `word` of `reader`; false where one is not read.
    private func calls(_ reader: CalldataReader, word: Int, into legs: inout InnerLegs, fromBalance: Bool, inner: any InnerCallDecoder,
                       budget: inout InnerCallBudget) throws(DecodingError) -> Bool {
        let (count, descriptions) = try reader.array(word, field: "calls")
        for k in 0..<count {
            let description = try descriptions.dynamicTuple(k, field: "call")
            guard try call(description, into: &legs, fromBalance: fromBalance, inner: inner, budget: &budget) else { return false }
        }
        return true
    }

    /// One call description: classified by the host, or read as a helper of the caller; false
    /// for a helper this decoder does not read.
    private func call(_ description: CalldataReader, into legs: inout InnerLegs, fromBalance: Bool, inner: any InnerCallDecoder,
                      budget: inout InnerCallBudget) throws(DecodingError) -> Bool {
        let target = try description.uint(0, field: "target")
        let data = try description.bytes(3, field: "data")
        guard target.isZero else {
            let external = ContractCall(to: PackedWord.address(target), data: data, value: try description.uint(2, field: "value"))
            try legs.add(external, inner: inner, budget: &budget, amountFromBalance: fromBalance)
            return true
        }
        try budget.spendCall(at: data)
        guard let selector = FunctionSelector.leading(data) else { return false }
        let helper = CalldataReader.arguments(of: data, origin: budget.origin)
        switch selector {
        case Helper.uniswapV3Swap:
            guard let leg = try uniswapV3Swap(helper, fromBalance: fromBalance) else { return false }
            legs.append(leg)
            return true
        case Helper.singleDistribution:
            return try budget.descend(at: data) { (budget: inout InnerCallBudget) throws(DecodingError) -> Bool in
                try call(try helper.dynamicTuple(2, field: "desc"), into: &legs, fromBalance: true, inner: inner, budget: &budget)
            }
        case Helper.multiDistribution:
            return try budget.descend(at: data) { (budget: inout InnerCallBudget) throws(DecodingError) -> Bool in
                try calls(helper, word: 2, into: &legs, fromBalance: true, inner: inner, budget: &budget)
            }
        case Helper.makeCall:
            return try budget.descend(at: data) { (budget: inout InnerCallBudget) throws(DecodingError) -> Bool in
                try call(try helper.dynamicTuple(0, field: "desc"), into: &legs, fromBalance: fromBalance, inner: inner, budget: &budget)
            }
        case Helper.makeCalls:
            return try budget.descend(at: data) { (budget: inout InnerCallBudget) throws(DecodingError) -> Bool in
                try calls(helper, word: 0, into: &legs, fromBalance: fromBalance, inner: inner, budget: &budget)
            }
        default:
            return Helper.quiet.contains(selector)
        }
    }

    /// The hop of a `uniswapV3Swap` helper call: the pool and direction as given, the tokens from
    /// the path's first 43 bytes (token in, fee, token out); nil for an amount that is not
    /// positive (exact output, which the caller's callback refuses) or a short path.
    private func uniswapV3Swap(_ helper: CalldataReader, fromBalance: Bool) throws(DecodingError) -> SwapLeg? {
        let pool = try helper.address(0, field: "pool")
        let zeroForOne = try helper.bool(1, field: "zeroForOne")
        let amount = try helper.int(2, field: "amount")
        let path = try helper.bytes(4, field: "path")
        guard !amount.isNegative, !amount.isZero, path.count >= 43 else { return nil }
        var reader = PackedBytes(path)
        guard let tokenIn = reader.address(), reader.take(3) != nil, let tokenOut = reader.address() else { return nil }
        let hop = SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .pool(pool, zeroForOne: zeroForOne))
        return SwapLeg(dex: aggregator, hops: [hop], amount: fromBalance ? .exactInRouterBalance : .exactIn(amount.bitPattern), limit: nil,
                       recipient: try helper.address(3, field: "recipient"), deadline: nil)
    }
}
