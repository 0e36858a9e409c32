import Kernel

/// Where a Router02 swap function keeps its amount, limit, path, recipient and deadline, and
/// which end of its path is native ETH; reads one call's arguments into a leg.
struct V2SwapLayout {
    /// Where a quantity comes from.
    enum Quantity {
        /// The `uint256` argument at this head index.
        case argument(Int)
        /// The call's `msg.value`.
        case callValue
    }

    /// Whether the amount is the input (exact in) or the output (exact out).
    var exactOutput: Bool
    /// The fixed amount.
    var amount: Quantity
    /// The bound on the other side (least out, or most in).
    var limit: Quantity
    /// Head index of the `address[] path`.
    var path: Int
    /// Head index of `to`.
    var recipient: Int
    /// Head index of `deadline`.
    var deadline: Int
    /// The end of the path that is native ETH, which must be WETH.
    var native: PathEnd?

    /// `(amountIn, amountOutMin, path, to, deadline)`.
    static func exactTokensIn(native: PathEnd?) -> V2SwapLayout {
        V2SwapLayout(exactOutput: false, amount: .argument(0), limit: .argument(1), path: 2, recipient: 3, deadline: 4, native: native)
    }

    /// `(amountOut, amountInMax, path, to, deadline)`.
    static func exactTokensOut(native: PathEnd?) -> V2SwapLayout {
        V2SwapLayout(exactOutput: true, amount: .argument(0), limit: .argument(1), path: 2, recipient: 3, deadline: 4, native: native)
    }

    /// `(amountOutMin, path, to, deadline)` with `msg.value` in.
    static let exactValueIn = V2SwapLayout(
        exactOutput: false, amount: .callValue, limit: .argument(0), path: 1, recipient: 2, deadline: 3, native: .input)

    /// `(amountOut, path, to, deadline)` with at most `msg.value` in (the rest is refunded).
    static let exactOutForValue = V2SwapLayout(
        exactOutput: true, amount: .argument(0), limit: .callValue, path: 1, recipient: 2, deadline: 3, native: .input)

    /// The leg one call's `arguments` (the bytes after the selector) request.
    func leg(dex: String, arguments: ABIReader, value: UInt256, wrappedNativeToken: Address) throws(DecodingError) -> SwapLeg {
        let fixed = try read(amount, arguments, value, field: exactOutput ? "amountOut" : "amountIn")
        let bound = try read(limit, arguments, value, field: exactOutput ? "amountInMax" : "amountOutMin")
        let hops = try TokenPath.hops(arguments, at: path, native: native.map { ($0, wrappedNativeToken) })
        return SwapLeg(
            dex: dex,
            hops: hops,
            amount: exactOutput ? .exactOut(fixed) : .exactIn(fixed),
            limit: bound,
            recipient: try arguments.address(recipient, field: "to"),
            deadline: try arguments.uint(deadline, field: "deadline")
        )
    }

    private func read(_ quantity: Quantity, _ arguments: ABIReader, _ value: UInt256, field: StaticString) throws(DecodingError) -> UInt256 {
        switch quantity {
        case .argument(let index): try arguments.uint(index, field: field)
        case .callValue: value
        }
    }
}
