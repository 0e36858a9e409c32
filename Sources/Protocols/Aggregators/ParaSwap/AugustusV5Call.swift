import Kernel

/// Augustus V5's functions: `simpleSwap`/`simpleBuy` unrolled into their callees, `multiSwap`
/// and `megaSwap` (adapter payloads per DEX, not public ABI) named as unknown routes.
struct AugustusV5Call {
    /// The entry's name.
    let aggregator: String

    /// Utils.SimpleData: fromToken, toToken, fromAmount, toAmount, expectedAmount, callees,
    /// exchangeData, startIndexes, values, beneficiary, partner, feePercent, permit, deadline, uuid.
    static let simpleData = "(address,address,uint256,uint256,uint256,address[],bytes,uint256[],uint256[],address,address,uint256,bytes,uint256,bytes16)"
    /// Utils.SellData's head up to the path, and the path (Path[] of to, totalNetworkFee, adapters).
    static let sellData = "(address,uint256,uint256,uint256,address,(address,uint256,(address,uint256,uint256,(uint256,address,uint256,bytes,uint256)[])[])[],address,uint256,bytes,uint256,bytes16)"
    /// `simpleSwap(SimpleData)`.
    static let simpleSwap = FunctionSelector.of("simpleSwap(\(simpleData))")
    /// `simpleBuy(SimpleData)`.
    static let simpleBuy = FunctionSelector.of("simpleBuy(\(simpleData))")
    /// `multiSwap(SellData)`.
    static let multiSwap = FunctionSelector.of("multiSwap(\(sellData))")

    /// The swap of a V5 call, or nil for another function.
    func decode(selector: UInt32, _ arguments: CalldataReader, value: UInt256, inner: any InnerCallDecoder,
                budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        switch selector {
        case Self.simpleSwap:
            return try simple("simpleSwap", arguments, inner: inner, budget: &budget)
        case Self.simpleBuy:
            return try simple("simpleBuy", arguments, inner: inner, budget: &budget)
        case Self.multiSwap:
            let data = try arguments.dynamicTuple(0, field: "data")
            let (pathCount, paths) = try data.array(5, field: "path")
            var tokenOut: Address?
            if pathCount > 0 { tokenOut = try paths.dynamicTuple(pathCount - 1, field: "path").address(0, field: "to") }
            let route = UnknownRoute(aggregator: aggregator, tokenIn: try data.address(0, field: "fromToken"), tokenOut: tokenOut,
                                     amountIn: try data.uint(1, field: "fromAmount"), minAmountOut: try data.uint(2, field: "toAmount"))
            return DecodedSwap(function: "multiSwap", legs: [], unknownRoutes: [route])
        default:
            return nil
        }
    }

    /// The callees of a `simpleSwap`/`simpleBuy`, each with its slice of `exchangeData`, through
    /// the host; an unknown route with the pair and amount when none of them is a known swap.
    private func simple(_ function: String, _ arguments: CalldataReader, inner: any InnerCallDecoder,
                        budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        let data = try arguments.dynamicTuple(0, field: "data")
        let (count, callees) = try data.array(5, field: "callees")
        let exchangeData = try data.bytes(6, field: "exchangeData")
        let (indexCount, startIndexes) = try data.array(7, field: "startIndexes")
        let (valueCount, values) = try data.array(8, field: "values")
        guard indexCount == count + 1, valueCount == count else {
            throw DecodingError(.invalidValue, at: data.offset(ofWord: 7), field: "startIndexes")
        }
        var legs = InnerLegs()
        var start = 0
        for k in 0..<count {
            let endWord = try startIndexes.uint(k + 1, field: "startIndexes")
            if k == 0 { start = try Self.index(startIndexes.uint(0, field: "startIndexes"), within: exchangeData.count, at: startIndexes.offset(ofWord: 0)) }
            let end = try Self.index(endWord, within: exchangeData.count, at: startIndexes.offset(ofWord: k + 1))
            guard start <= end else { throw DecodingError(.invalidValue, at: startIndexes.offset(ofWord: k + 1), field: "startIndexes") }
            let slice = exchangeData[(exchangeData.startIndex + start)..<(exchangeData.startIndex + end)]
            let call = ContractCall(to: try callees.address(k, field: "callees"), data: slice, value: try values.uint(k, field: "values"))
            try legs.add(call, inner: inner, budget: &budget)
            start = end
        }
        if let swap = legs.swap(function: function) { return swap }
        // simpleBuy's fromAmount is a most-in, not the amount sold; its toAmount is exact.
        var amountIn: UInt256?
        if function == "simpleSwap" { amountIn = try data.uint(2, field: "fromAmount") }
        let route = UnknownRoute(aggregator: aggregator, tokenIn: try data.address(0, field: "fromToken"), tokenOut: try data.address(1, field: "toToken"),
                                 amountIn: amountIn, minAmountOut: try data.uint(3, field: "toAmount"))
        return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
    }

    /// `word` as an index into `exchangeData` of `count` bytes; `invalidValue` beyond it.
    private static func index(_ word: UInt256, within count: Int, at offset: Int) throws(DecodingError) -> Int {
        guard let index = word.intValue, index <= count else { throw DecodingError(.invalidValue, at: offset, field: "startIndexes") }
        return index
    }
}
