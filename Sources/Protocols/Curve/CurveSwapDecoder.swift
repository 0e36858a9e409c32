import Kernel

/// Turns calls to one Curve entry's pools and Curve Router NG deployments into legs.
///
/// The selector is looked at first, then the callee: a pool function called on the router, a
/// router function called on a pool, or a function the pool's kind does not have, is not a swap.
public struct CurveSwapDecoder: SwapDecoder {
    /// A contract the entry names.
    enum Target: Sendable {
        /// A pool from `pools:`.
        case pool(CurvePool)
        /// A Curve Router NG.
        case router
    }

    /// The entry's name, the `dex` of every leg.
    let dex: String
    /// The entry's pools and routers by address.
    let targets: [Address: Target]

    /// The legs `call` requests, or nil when it is not a Curve swap. Error offsets are relative
    /// to the calldata (the selector is bytes 0–3).
    public func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard let selector = FunctionSelector.leading(call.data), let function = CurveFunction(rawValue: selector),
              let target = targets[call.to] else { return nil }
        let args = call.data.dropFirst(4)
        do throws(DecodingError) {
            switch target {
            case .pool(let pool):
                guard !function.isRouterFunction else { return nil }
                return try PoolCallDecoder.decode(function, pool: pool, dex: dex, args: args)
            case .router:
                guard function.isRouterFunction else { return nil }
                return try RouterCallDecoder.decode(function, dex: dex, args: args)
            }
        } catch {
            throw error.shifted(by: 4)
        }
    }
}
