import Kernel

/// Uniswap's SwapRouter02 (`0x68b3…Fc45`, Uniswap/swap-router-contracts): the four V3 swap
/// functions with structs without a deadline, the V2 functions `swapExactTokensForTokens` and
/// `swapTokensForExactTokens`, and `multicall` plain, with a deadline and with a previous block
/// hash, nested up to `MulticallUnroller.maxDepth`.
///
/// An exact input of 0 swaps all the router holds of the input token (`CONTRACT_BALANCE = 0`,
/// typically an earlier step's output): `.exactInRouterBalance`. Legs inside
/// `multicall(uint256 deadline, …)` carry that deadline (the earliest, when nested). Other
/// functions (`wrapETH`, `unwrapWETH9…`, `sweepToken…`, `refundETH`, `pull`, `selfPermit…`,
/// `approve…`, position-manager calls, `checkOracleSlippage`) are not swaps and are skipped.
struct SwapRouter02Interface: RouterInterface {
    /// The V3 struct layouts and the entry the V3 legs belong to.
    let arguments: V3RouterArguments
    /// The entry the V2 legs belong to.
    let v2Dex: String

    /// An interface whose V3 legs belong to `dex` and V2 legs to `v2Dex`.
    init(dex: String, v2Dex: String) {
        arguments = V3RouterArguments(hasDeadline: false, zeroInputIsBalance: true, dex: dex)
        self.v2Dex = v2Dex
    }

    func append(_ call: ArraySlice<UInt8>, depth: Int, deadline: UInt256?, to unroller: inout MulticallUnroller) throws(DecodingError) -> String? {
        guard let selector = FunctionSelector.leading(call) else { return nil }
        let reader = CalldataReader.arguments(of: call, origin: unroller.origin)
        switch selector {
        case Selector.exactInputSingle02:
            unroller.legs.append(try arguments.single(reader, exactInput: true, deadline: deadline))
            return "exactInputSingle"
        case Selector.exactOutputSingle02:
            unroller.legs.append(try arguments.single(reader, exactInput: false, deadline: deadline))
            return "exactOutputSingle"
        case Selector.exactInput02:
            unroller.legs.append(try arguments.path(reader, exactInput: true, deadline: deadline))
            return "exactInput"
        case Selector.exactOutput02:
            unroller.legs.append(try arguments.path(reader, exactInput: false, deadline: deadline))
            return "exactOutput"
        case Selector.swapExactTokensForTokens02:
            unroller.legs.append(try v2Leg(reader, exactInput: true, deadline: deadline))
            return "swapExactTokensForTokens"
        case Selector.swapTokensForExactTokens02:
            unroller.legs.append(try v2Leg(reader, exactInput: false, deadline: deadline))
            return "swapTokensForExactTokens"
        case Selector.multicall:
            try unroll(reader, index: 0, depth: depth, deadline: deadline, into: &unroller)
            return "multicall"
        case Selector.multicallWithDeadline:
            let own = try reader.uint(0, field: "deadline")
            try unroll(reader, index: 1, depth: depth, deadline: deadline.map { min($0, own) } ?? own, into: &unroller)
            return "multicall"
        case Selector.multicallWithBlockhash:
            _ = try reader.uint(0, field: "previousBlockhash")
            try unroll(reader, index: 1, depth: depth, deadline: deadline, into: &unroller)
            return "multicall"
        default:
            return nil
        }
    }

    /// Decodes the elements of a multicall at `depth + 1`, each under `deadline`.
    private func unroll(_ reader: CalldataReader, index: Int, depth: Int, deadline: UInt256?, into unroller: inout MulticallUnroller) throws(DecodingError) {
        try unroller.unroll(reader, index: index, depth: depth + 1) { element, unroller throws(DecodingError) in
            _ = try append(element, depth: depth + 1, deadline: deadline, to: &unroller)
        }
    }

    /// The leg of `swapExactTokensForTokens(amountIn, amountOutMin, path, to)` or
    /// `swapTokensForExactTokens(amountOut, amountInMax, path, to)`.
    private func v2Leg(_ reader: CalldataReader, exactInput: Bool, deadline: UInt256?) throws(DecodingError) -> SwapLeg {
        let recipient = try reader.address(3, field: "to")
        let amount = try reader.uint(0, field: exactInput ? "amountIn" : "amountOut")
        let limit = try reader.uint(1, field: exactInput ? "amountOutMin" : "amountInMax")
        let hops = try reader.reading { (reader) throws(DecodingError) in try TokenPath.hops(reader, at: 2) }
        let fixed: SwapAmount = !exactInput ? .exactOut(amount) : amount.isZero ? .exactInRouterBalance : .exactIn(amount)
        return SwapLeg(dex: v2Dex, hops: hops, amount: fixed, limit: limit, recipient: recipient, deadline: deadline)
    }
}
