import Kernel

/// A DEX family that exists only in the tests, written against Kernel's plugin protocols alone,
/// as a family under `Sources/Protocols/` would be. With `PluginRegistry.adding(ToyDEXPlugin.self)`
/// (the one registry line) its dex.yaml entries load and its swaps are recognised: a new family
/// is one module plus one line.
struct ToyDEXPlugin: DEXPlugin {
    /// `plugin: toy-dex` in dex.yaml.
    static let name = "toy-dex"
    /// Its one router interface.
    static let routerKinds: Set<String> = ["toy-router"]

    /// Decodes `swap` calls for the entry.
    let decoder: any SwapDecoder

    /// Refuses fee tiers, to show that a plugin's own errors reach the config report.
    init(entry: DEXEntry) throws(PluginConfigError) {
        guard entry.fees.isEmpty else {
            throw PluginConfigError(field: "fees", message: "toy-dex pools have no fee tiers")
        }
        decoder = ToySwapDecoder(dex: entry.name)
    }

    /// Toy pools cannot be derived.
    func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? { nil }
}

/// Decodes the toy router's one swap function,
/// `swap(address tokenIn, address tokenOut, uint256 amountIn, uint256 amountOutMin, address to)`.
struct ToySwapDecoder: SwapDecoder {
    /// The function's selector.
    static let selector = FunctionSelector.of("swap(address,address,uint256,uint256,address)")

    /// The entry name its legs carry.
    let dex: String

    /// One exact-input leg for `swap`; nil for any other selector.
    func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard FunctionSelector.leading(call.data) == Self.selector else { return nil }
        let arguments = ABIReader(call.data.dropFirst(4))
        do {
            let hop = SwapHop(tokenIn: try arguments.address(0, field: "tokenIn"),
                              tokenOut: try arguments.address(1, field: "tokenOut"), pool: .byTokens(fee: nil))
            let leg = SwapLeg(dex: dex, hops: [hop], amount: .exactIn(try arguments.uint(2, field: "amountIn")),
                              limit: try arguments.uint(3, field: "amountOutMin"),
                              recipient: try arguments.address(4, field: "to"), deadline: nil)
            return DecodedSwap(function: "swap", legs: [leg])
        } catch {
            throw error.shifted(by: 4)
        }
    }

    /// Calldata for `swap` with these arguments.
    static func calldata(tokenIn: Address, tokenOut: Address, amountIn: UInt64, amountOutMin: UInt64, to: Address) -> [UInt8] {
        var data = withUnsafeBytes(of: selector.bigEndian) { Array($0) }
        for address in [tokenIn, tokenOut] { data += Array(repeating: 0, count: 12) + address.bytes }
        for amount in [amountIn, amountOutMin] { data += Array(repeating: 0, count: 24) + withUnsafeBytes(of: amount.bigEndian) { Array($0) } }
        data += Array(repeating: 0, count: 12) + to.bytes
        return data
    }
}
