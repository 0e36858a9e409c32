import Kernel

/// The pool swaps of a Magpie program, when they form one chain the engine can apply: a call
/// to a Uniswap V2-style pair's `swap` or a V3-style pool's `swap` (Algebra's has the same
/// selector) is a hop; calls that only read (reserves, balances, a pair's `getAmountOut`, its
/// tokens) and the router's transfers, approvals, wrapping, balances and arithmetic are not.
///
/// Magpie's programs name no DEX kind, no hop's least output and no token a hop pays out: the
/// hops are recognised by the selectors they call (an inference from real programs, written
/// down in docs/adr/0010), and the route is refused (nil) where anything else is called (another
/// DEX kind: Curve, a vault) or the amounts do not chain: the first hop must take exactly the
/// header's amount in, written in the calldata (a V3 pool's `amountSpecified`, or what the
/// router moves to a V2 pair before its `swap`), and every later hop an amount known only on
/// chain (an earlier output). A program that splits its input has more than one literal
/// amount, and is refused.
struct MagpieRoute {
    /// One hop: the pool, its direction, the token paid in where the program names it, the
    /// price limit a V3 call passes.
    struct Hop: Equatable {
        let pool: Address
        let zeroForOne: Bool
        let tokenIn: Address?
        let sqrtPriceLimitX96: UInt256?
    }

    static let pairSwap = FunctionSelector.of("swap(uint256,uint256,address,bytes)")
    static let poolSwap = FunctionSelector.of("swap(address,bool,int256,uint160,bytes)")
    /// Calls that read and change nothing: a pair's reserves, a balance, a pair's quote
    /// (Camelot's `getAmountOut(amountIn, tokenIn)`), a pool's tokens.
    static let reads: [UInt32] = [
        FunctionSelector.of("getReserves()"), FunctionSelector.of("balanceOf(address)"),
        FunctionSelector.of("getAmountOut(uint256,address)"), FunctionSelector.of("token0()"), FunctionSelector.of("token1()"),
    ]
    /// The price limits a V3 swap passes to mean none: `MIN_SQRT_RATIO + 1`, `MAX_SQRT_RATIO − 1`.
    static let openLimits: [UInt256] = [TickMath.minSqrtRatio + .one, TickMath.maxSqrtRatio - .one]

    /// The hops, in order (at least one).
    let hops: [Hop]

    /// The chain of `program`'s pool swaps; nil where it has none or they do not form one.
    init?(_ program: MagpieProgram, calldata: MagpieCalldata) {
        var hops: [Hop] = []
        hops.reserveCapacity(4)
        // The written amount the first hop takes (a V3 pool's), or the pair it is paid to.
        var firstAmount: MagpieProgram.Value?
        // How many written amounts the router or the sender pays out, and the first with its
        // recipient.
        var literalTransferCount = 0
        var firstTransfer: (to: Address?, amount: UInt256)?
        for command in program.commands {
            switch command.action {
            case .call:
                guard let selector = command.selector(in: calldata) else { return nil }
                if Self.reads.contains(selector) { continue }
                switch selector {
                case Self.pairSwap:
                    guard let hop = Self.pairHop(command, calldata: calldata) else { return nil }
                    hops.append(hop)
                case Self.poolSwap:
                    guard let (hop, amount) = Self.poolHop(command, calldata: calldata) else { return nil }
                    if hops.isEmpty {
                        firstAmount = amount
                    } else if case .literal = amount {
                        return nil
                    }
                    hops.append(hop)
                default:
                    return nil
                }
            case .transferFrom, .transfer:
                // Inputs: (recipient, amount) and (token, recipient, amount).
                let at = command.action == .transferFrom ? 0 : 32
                guard case .literal(let amount) = command.word(atInputOffset: at + 32, in: calldata), !amount.isZero else { continue }
                var to: Address?
                if case .literal(let word) = command.word(atInputOffset: at, in: calldata) { to = PackedWord.address(word) }
                literalTransferCount += 1
                if firstTransfer == nil { firstTransfer = (to, amount) }
            default:
                continue
            }
        }
        guard let first = hops.first, literalTransferCount <= 1 else { return nil }
        if let firstAmount {
            // A V3 pool first: its written amount, and whatever was moved to pay for it.
            guard firstAmount == .literal(program.amountIn), firstTransfer.map({ $0.amount == program.amountIn }) ?? true else { return nil }
        } else {
            // A V2 pair first: paid its input before its swap.
            guard let paid = firstTransfer, paid.to == first.pool, paid.amount == program.amountIn else { return nil }
        }
        self.hops = hops
    }

    /// A V2 pair's `swap(amount0Out, amount1Out, to, data)`: the side whose amount out is a
    /// written zero is the side paid in.
    private static func pairHop(_ command: MagpieProgram.Command, calldata: MagpieCalldata) -> Hop? {
        let zero = MagpieProgram.Value.literal(.zero)
        let (amount0Out, amount1Out) = (command.argument(0, in: calldata), command.argument(1, in: calldata))
        guard (amount0Out == zero) != (amount1Out == zero) else { return nil }
        return Hop(pool: command.target(in: calldata), zeroForOne: amount0Out == zero, tokenIn: nil, sqrtPriceLimitX96: nil)
    }

    /// A V3 pool's `swap(recipient, zeroForOne, amountSpecified, sqrtPriceLimitX96, data)` with a
    /// positive (exact input) amount; the router's callback pays the token whose address leads
    /// `data`. Returns the hop and its amount.
    private static func poolHop(_ command: MagpieProgram.Command, calldata: MagpieCalldata) -> (Hop, MagpieProgram.Value)? {
        guard case .literal(let direction) = command.argument(1, in: calldata), direction <= .one,
              let amount = command.argument(2, in: calldata),
              case .literal(let limit) = command.argument(3, in: calldata),
              case .literal(let dataOffset) = command.argument(4, in: calldata), let offset = dataOffset.intValue, offset < 0x1_0000,
              case .literal(let tokenWord) = command.word(atInputOffset: 4 + offset + 32, in: calldata)
        else { return nil }
        if case .literal(let specified) = amount, specified.isZero || specified.bit(255) { return nil }
        let hop = Hop(pool: command.target(in: calldata), zeroForOne: direction == .one, tokenIn: PackedWord.address(tokenWord >> 96),
                      sqrtPriceLimitX96: limit.isZero || openLimits.contains(limit) ? nil : limit)
        return (hop, amount)
    }
}
