import Kernel

/// Runs one transaction's legs on the pending state with the pools' exact math, as the chain
/// would: each leg hop by hop, within its limits; a leg that reverts undoes the whole
/// transaction, unless the call lets it revert alone (Universal Router's allow-revert flag).
///
/// A leg through a pool the engine does not hold is not simulated (`unknownPool`); the other
/// legs still are, except those that spend its output (`unknownAmount`).
struct TransactionSimulator {
    /// The changed pools' states after the transaction, by slot.
    private(set) var changes: [PoolSlot: any PricingPool] = [:]
    /// The pools changed, in the order first changed.
    private(set) var touched: [PoolSlot] = []
    /// Each leg's result, in order.
    private(set) var results: [LegResult] = []

    /// Simulates `legs` at time `timestamp` over `state`; the pools are found through `index`
    /// and `roster`.
    init(legs: [SwapLeg], timestamp: UInt64, state: PendingState, index: CycleIndex, roster: inout PoolRoster) {
        var routerBalance: UInt256?
        for leg in legs {
            var scratch = changes
            let outcome = Self.run(leg, timestamp: timestamp, routerBalance: routerBalance, state: state, index: index, roster: &roster, changes: &scratch)
            switch outcome {
            case .success(let (output, slots)):
                results.append(.applied)
                changes = scratch
                for slot in slots where !touched.contains(slot) { touched.append(slot) }
                routerBalance = output
            case .failure(.unknownPool):
                results.append(.unknownPool)
                routerBalance = nil
            case .failure(.failed(let failure)):
                results.append(.failed(failure))
                routerBalance = nil
                guard leg.allowRevert || failure == .unknownAmount else {
                    // The transaction reverts: the legs that ran are undone with it, the rest never run.
                    for i in results.indices.dropLast() where results[i] == .applied { results[i] = .failed(.transactionReverted) }
                    results += repeatElement(.failed(.transactionReverted), count: legs.count - results.count)
                    changes = [:]
                    touched = []
                    return
                }
            }
        }
    }

    /// Why a leg did not run, before it is recorded.
    private enum Refusal: Error {
        case unknownPool
        case failed(LegFailure)
    }

    /// Runs one leg on `changes` (over `state`): its output and the pools it moved.
    private static func run(
        _ leg: SwapLeg, timestamp: UInt64, routerBalance: UInt256?, state: PendingState, index: CycleIndex,
        roster: inout PoolRoster, changes: inout [PoolSlot: any PricingPool]
    ) -> Result<(UInt256, [PoolSlot]), Refusal> {
        if let deadline = leg.deadline, deadline < UInt256(timestamp) { return .failure(.failed(.deadline)) }
        var route: [ResolvedHop] = []
        for hop in leg.hops {
            guard let resolved = ResolvedHop(hop, after: route.last, dex: leg.dex, state: state, changes: changes, index: index, roster: &roster) else {
                return .failure(.unknownPool)
            }
            route.append(resolved)
        }
        do {
            switch leg.amount {
            case .exactIn(let amount):
                let output = try swapForward(amount, route, changes: &changes, state: state)
                guard leg.limit.map({ output >= $0 }) ?? true else { return .failure(.failed(.amountOutMin)) }
                return .success((output, route.map(\.slot)))
            case .exactInRouterBalance:
                guard let amount = routerBalance else { return .failure(.failed(.unknownAmount)) }
                let output = try swapForward(amount, route, changes: &changes, state: state)
                guard leg.limit.map({ output >= $0 }) ?? true else { return .failure(.failed(.amountOutMin)) }
                return .success((output, route.map(\.slot)))
            case .exactOut(let amount):
                let input = try swapBackward(amount, route, changes: &changes, state: state)
                guard leg.limit.map({ input <= $0 }) ?? true else { return .failure(.failed(.amountInMax)) }
                return .success((amount, route.map(\.slot)))
            }
        } catch {
            return .failure(.failed(error))
        }
    }

    /// Swaps `amount` through `route` in order; the output of the last hop.
    private static func swapForward(
        _ amount: UInt256, _ route: [ResolvedHop], changes: inout [PoolSlot: any PricingPool], state: PendingState
    ) throws(LegFailure) -> UInt256 {
        var amount = amount
        for hop in route {
            amount = try fill(hop, .exactIn(amount), changes: &changes, state: state).amountOut
        }
        return amount
    }

    /// Buys exactly `amount` out of `route`: each hop from the last buys what the next needs,
    /// as exact-output routers compute it; the input of the first hop.
    private static func swapBackward(
        _ amount: UInt256, _ route: [ResolvedHop], changes: inout [PoolSlot: any PricingPool], state: PendingState
    ) throws(LegFailure) -> UInt256 {
        var needed = amount
        for hop in route.reversed() {
            let fill = try fill(hop, .exactOut(needed), changes: &changes, state: state)
            guard fill.amountOut >= needed else { throw .partialFill }
            needed = fill.amountIn
        }
        return needed
    }

    /// One pool's swap, on its latest state in `changes` or `state`.
    private static func fill(
        _ hop: ResolvedHop, _ amount: PoolSwap.Fixed, changes: inout [PoolSlot: any PricingPool], state: PendingState
    ) throws(LegFailure) -> PoolSwapFill {
        guard var pool = changes[hop.slot] ?? state.pool(hop.slot) else { throw .unpriced }
        let fill: PoolSwapFill
        do {
            fill = try pool.fill(PoolSwap(from: hop.from, to: hop.to, amount: amount, sqrtPriceLimitX96: hop.sqrtPriceLimitX96))
        } catch {
            switch error {
            case .revert: throw .poolRevert
            case .invalidState, .malformed: throw .unpriced
            }
        }
        changes[hop.slot] = pool
        return fill
    }
}
