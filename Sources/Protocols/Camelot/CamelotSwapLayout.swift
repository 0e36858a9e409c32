import Kernel

/// Where a CamelotRouter swap function keeps its amount, least output, path, recipient,
/// referrer and deadline; reads one call's arguments into an exact-input leg.
struct CamelotSwapLayout {
    /// Head index of `amountIn`, or nil where `msg.value` is the input.
    var amountIn: Int?
    /// Head index of `amountOutMin`.
    var amountOutMin: Int
    /// Head index of the `address[] path`.
    var path: Int
    /// Head index of `to`.
    var recipient: Int
    /// Head index of `referrer` (checked as an address, not reported).
    var referrer: Int
    /// Head index of `deadline`.
    var deadline: Int
    /// The end of the path that is native ETH, which must be WETH.
    var native: PathEnd?

    /// `(amountIn, amountOutMin, path, to, referrer, deadline)`.
    static func exactTokensIn(native: PathEnd?) -> CamelotSwapLayout {
        CamelotSwapLayout(amountIn: 0, amountOutMin: 1, path: 2, recipient: 3, referrer: 4, deadline: 5, native: native)
    }

    /// `(amountOutMin, path, to, referrer, deadline)` with `msg.value` in.
    static let exactValueIn = CamelotSwapLayout(
        amountIn: nil, amountOutMin: 0, path: 1, recipient: 2, referrer: 3, deadline: 4, native: .input)

    /// The leg one call's `arguments` (the bytes after the selector) request.
    func leg(dex: String, arguments: ABIReader, value: UInt256, wrappedNativeToken: Address) throws(DecodingError) -> SwapLeg {
        let amount = if let amountIn { try arguments.uint(amountIn, field: "amountIn") } else { value }
        let limit = try arguments.uint(amountOutMin, field: "amountOutMin")
        let hops = try TokenPath.hops(arguments, at: path, native: native.map { ($0, wrappedNativeToken) })
        let to = try arguments.address(recipient, field: "to")
        _ = try arguments.address(referrer, field: "referrer")
        let deadlineValue = try arguments.uint(deadline, field: "deadline")
        return SwapLeg(dex: dex, hops: hops, amount: .exactIn(amount), limit: limit, recipient: to, deadline: deadlineValue)
    }
}
