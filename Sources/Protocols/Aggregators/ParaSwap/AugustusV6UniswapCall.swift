import Kernel

/// Augustus V6.2's direct Uniswap swaps (paraswap augustus-v6 `UniswapV2Utils`,
/// `UniswapV3Utils`): `swapExactAmount{In,Out}OnUniswap{V2,V3}(data, partnerAndFee, permit)`,
/// whose data is (srcToken, destToken, fromAmount, toAmount, quotedAmount, metadata,
/// beneficiary, pools). The router derives each pool by CREATE2 from its own factory:
/// - V3: 96 bytes a pool, the direction flag (zeroForOne) in the top bit of the first word,
///   token0 in its low 160 bits, token1 and the fee in the next two words; the salt is keccak of
///   the 96 bytes with the first byte cleared. Exact output lists the pools from the last hop.
/// - V2: 64 bytes a pool, token0 and token1 packed in the first 40, the direction flag
///   (zeroForOne) the lowest bit of the 64th; the salt is keccak of the 40 bytes.
///
/// Exact input fixes `fromAmount` with `toAmount` the least out; exact output fixes `toAmount`
/// with `fromAmount` the most in. Without the entry's factory for the form, the swap is an
/// unknown route with the pair and amounts.
struct AugustusV6UniswapCall {
    /// The entry's name.
    let aggregator: String
    /// The router's Uniswap V3 factory, if configured.
    let uniswapV3: PoolDeployer?
    /// The router's Uniswap V2 factory, if configured.
    let uniswapV2: PoolDeployer?

    /// UniswapV2Data and UniswapV3Data.
    static let data = "(address,address,uint256,uint256,uint256,bytes32,address,bytes)"
    /// `swapExactAmountInOnUniswapV2(UniswapV2Data, uint256, bytes)`.
    static let exactInV2 = FunctionSelector.of("swapExactAmountInOnUniswapV2(\(data),uint256,bytes)")
    /// `swapExactAmountOutOnUniswapV2(UniswapV2Data, uint256, bytes)`.
    static let exactOutV2 = FunctionSelector.of("swapExactAmountOutOnUniswapV2(\(data),uint256,bytes)")
    /// `swapExactAmountInOnUniswapV3(UniswapV3Data, uint256, bytes)`.
    static let exactInV3 = FunctionSelector.of("swapExactAmountInOnUniswapV3(\(data),uint256,bytes)")
    /// `swapExactAmountOutOnUniswapV3(UniswapV3Data, uint256, bytes)`.
    static let exactOutV3 = FunctionSelector.of("swapExactAmountOutOnUniswapV3(\(data),uint256,bytes)")

    /// The swap of a direct Uniswap call, or nil for another function.
    func decode(selector: UInt32, _ arguments: CalldataReader) throws(DecodingError) -> DecodedSwap? {
        let function: String
        let v3: Bool
        let exactOut: Bool
        switch selector {
        case Self.exactInV2: (function, v3, exactOut) = ("swapExactAmountInOnUniswapV2", false, false)
        case Self.exactOutV2: (function, v3, exactOut) = ("swapExactAmountOutOnUniswapV2", false, true)
        case Self.exactInV3: (function, v3, exactOut) = ("swapExactAmountInOnUniswapV3", true, false)
        case Self.exactOutV3: (function, v3, exactOut) = ("swapExactAmountOutOnUniswapV3", true, true)
        default: return nil
        }
        let data = try arguments.dynamicTuple(0, field: "uniData")
        let fromAmount = try data.uint(2, field: "fromAmount")
        let toAmount = try data.uint(3, field: "toAmount")
        let beneficiary = try data.address(6, field: "beneficiary")
        let pools = try data.bytes(7, field: "pools")
        guard let deployer = v3 ? uniswapV3 : uniswapV2 else {
            let route = UnknownRoute(aggregator: aggregator, tokenIn: try data.address(0, field: "srcToken"), tokenOut: try data.address(1, field: "destToken"),
                                     amountIn: exactOut ? nil : fromAmount, minAmountOut: toAmount)
            return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
        }
        let size = v3 ? 96 : 64
        guard !pools.isEmpty, pools.count % size == 0 else {
            throw DecodingError(.wrongLength, at: data.offset(of: pools.startIndex), field: "pools")
        }
        var hops: [SwapHop] = []
        hops.reserveCapacity(pools.count / size)
        var start = pools.startIndex
        while start < pools.endIndex {
            let record = pools[start..<(start + size)]
            guard let hop = v3 ? Self.v3Hop(record, deployer) : Self.v2Hop(record, deployer) else {
                throw DecodingError(.invalidValue, at: data.offset(of: start), field: "pools")
            }
            hops.append(hop)
            start += size
        }
        if v3 && exactOut { hops.reverse() }
        let leg = SwapLeg(dex: aggregator, hops: hops, amount: exactOut ? .exactOut(toAmount) : .exactIn(fromAmount),
                          limit: exactOut ? fromAmount : toAmount, recipient: beneficiary, deadline: nil)
        return DecodedSwap(function: function, legs: [leg])
    }

    /// The hop of a V3 pool's 96 bytes.
    private static func v3Hop(_ record: ArraySlice<UInt8>, _ deployer: PoolDeployer) -> SwapHop? {
        let base = record.startIndex
        guard let token0 = PackedWord.address(in: record, at: base + 12), let token1 = PackedWord.address(in: record, at: base + 44) else {
            return nil
        }
        let zeroForOne = record[base] & 0x80 != 0
        return SwapHop(tokenIn: zeroForOne ? token0 : token1, tokenOut: zeroForOne ? token1 : token0,
                       pool: .pool(deployer.pool(clearingFirstByteOf: record), zeroForOne: zeroForOne))
    }

    /// The hop of a V2 pool's 64 bytes.
    private static func v2Hop(_ record: ArraySlice<UInt8>, _ deployer: PoolDeployer) -> SwapHop? {
        let base = record.startIndex
        guard let token0 = PackedWord.address(in: record, at: base), let token1 = PackedWord.address(in: record, at: base + 20) else {
            return nil
        }
        let zeroForOne = record[base + 63] & 1 != 0
        return SwapHop(tokenIn: zeroForOne ? token0 : token1, tokenOut: zeroForOne ? token1 : token0,
                       pool: .pool(deployer.pool(saltOf: record[base..<(base + 40)]), zeroForOne: zeroForOne))
    }
}
