/// Where a V2-style router's swap function (UniswapV2Router02 and its forks, CamelotRouter) keeps
/// its amount, limit, path, recipient, referrer and deadline, and which end of its path is native
/// ETH; reads one call's arguments into a leg.
public struct PairRouterLayout: Sendable {
    /// Where a quantity comes from.
    enum Quantity {
        /// The `uint256` argument at this head index.
        case argument(Int)
        /// The call's `msg.value`.
        case callValue
    }

    /// Whether the amount is the input (exact in) or the output (exact out).
    let exactOutput: Bool
    /// The fixed amount.
    let amount: Quantity
    /// The bound on the other side (least out, or most in).
    let limit: Quantity
    /// Head index of the `address[] path`.
    let path: Int
    /// Head index of `to`.
    let recipient: Int
    /// Head index of `referrer` (checked as an address, not reported), where the function has one.
    let referrer: Int?
    /// Head index of `deadline`.
    let deadline: Int
    /// The end of the path that is native ETH, which must be the wrapped native token.
    let native: PathEnd?

    /// `(amountIn, amountOutMin, path, to, deadline)`.
    public static func exactTokensIn(native: PathEnd?) -> PairRouterLayout {
        PairRouterLayout(exactOutput: false, amount: .argument(0), limit: .argument(1), path: 2, recipient: 3, referrer: nil, deadline: 4, native: native)
    }

    /// `(amountOut, amountInMax, path, to, deadline)`.
    public static func exactTokensOut(native: PathEnd?) -> PairRouterLayout {
        PairRouterLayout(exactOutput: true, amount: .argument(0), limit: .argument(1), path: 2, recipient: 3, referrer: nil, deadline: 4, native: native)
    }

    /// `(amountOutMin, path, to, deadline)` with `msg.value` in.
    public static let exactValueIn = PairRouterLayout(
        exactOutput: false, amount: .callValue, limit: .argument(0), path: 1, recipient: 2, referrer: nil, deadline: 3, native: .input)

    /// `(amountOut, path, to, deadline)` with at most `msg.value` in (the rest is refunded).
    public static let exactOutForValue = PairRouterLayout(
        exactOutput: true, amount: .argument(0), limit: .callValue, path: 1, recipient: 2, referrer: nil, deadline: 3, native: .input)

    /// The same function with an `address referrer` between `to` and `deadline` (CamelotRouter's
    /// functions, whose referrer receives part of the pair fee).
    public var withReferrer: PairRouterLayout {
        PairRouterLayout(exactOutput: exactOutput, amount: amount, limit: limit, path: path, recipient: recipient,
                         referrer: recipient + 1, deadline: recipient + 2, native: native)
    }

    /// The leg one call's `arguments` (the bytes after the selector) request, with `value` sent
    /// along; an ETH function's path must start (or end) with `wrappedNativeToken`.
    public func leg(dex: String, arguments: ABIReader, value: UInt256, wrappedNativeToken: Address) throws(DecodingError) -> SwapLeg {
        let fixed = try read(amount, arguments, value, field: exactOutput ? "amountOut" : "amountIn")
        let bound = try read(limit, arguments, value, field: exactOutput ? "amountInMax" : "amountOutMin")
        let hops = try TokenPath.hops(arguments, at: path, native: native.map { ($0, wrappedNativeToken) })
        let to = try arguments.address(recipient, field: "to")
        if let referrer {
            _ = try arguments.address(referrer, field: "referrer")
        }
        return SwapLeg(
            dex: dex, hops: hops, amount: exactOutput ? .exactOut(fixed) : .exactIn(fixed), limit: bound,
            recipient: to, deadline: try arguments.uint(deadline, field: "deadline"))
    }

    private func read(_ quantity: Quantity, _ arguments: ABIReader, _ value: UInt256, field: StaticString) throws(DecodingError) -> UInt256 {
        switch quantity {
        case .argument(let index): try arguments.uint(index, field: field)
        case .callValue: value
        }
    }
}
