import Kernel

/// The swap decoder of one `uniswap-v3` entry: its routers (by kind) and its configured pools.
///
/// A call whose selector is not a swap, multicall or `execute` of the interface at its `to`, a
/// call too short to have a selector, and a call that unrolls to no leg of this family (a
/// multicall of only non-swaps, a plan of only V4 swaps or wraps) are not swaps: nil. Malformed
/// calldata for a function it knows is a `DecodingError` with the byte offset into the calldata.
/// The call's `value` is not read: these routers name WETH and the input amount in their
/// arguments (ETH sent along is wrapped by the router, or by a `WRAP_ETH` command).
public struct UniswapV3Decoder: SwapDecoder {
    /// The routers' addresses: few, so a linear scan beats hashing.
    let routerAddresses: [Address]
    /// The interface of the router at the same index.
    let routerTargets: [RouterTarget]
    /// The pools called directly.
    let pools: [Address: PoolInterface]

    /// A decoder for `routers` (address and interface) and `pools`.
    init(routers: [(address: Address, target: RouterTarget)], pools: [Address: PoolInterface]) {
        routerAddresses = routers.map(\.address)
        routerTargets = routers.map(\.target)
        self.pools = pools
    }

    /// The legs `call` asks of this entry's routers or pools, nil when it is not a swap.
    public func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        var unroller = MulticallUnroller(calldata: call.data)
        let function: String?
        if let index = routerAddresses.firstIndex(of: call.to) {
            switch routerTargets[index] {
            case .swapRouter(let router):
                function = try router.append(call.data, depth: 0, deadline: nil, to: &unroller)
            case .swapRouter02(let router):
                function = try router.append(call.data, depth: 0, deadline: nil, to: &unroller)
            case .universalRouter(let router):
                function = try router.append(call.data, depth: 0, deadline: nil, to: &unroller)
            case .pool(let pool):
                function = try pool.append(call.data, to: &unroller)
            }
        } else if let pool = pools[call.to] {
            function = try pool.append(call.data, to: &unroller)
        } else {
            return nil
        }
        guard let function, !unroller.legs.isEmpty else { return nil }
        return DecodedSwap(function: function, legs: unroller.legs)
    }
}

/// What a router address of the entry is.
enum RouterTarget: Sendable {
    /// SwapRouter (`swap-router`).
    case swapRouter(SwapRouterInterface)
    /// SwapRouter02 (`swap-router-02`).
    case swapRouter02(SwapRouter02Interface)
    /// A Universal Router deployment (`universal-router`).
    case universalRouter(UniversalRouterInterface)
    /// A pool listed among the routers (`pool`).
    case pool(PoolInterface)
}
