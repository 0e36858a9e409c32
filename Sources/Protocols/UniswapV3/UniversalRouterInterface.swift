import Kernel

/// Uniswap's Universal Router: `execute(bytes commands, bytes[] inputs[, uint256 deadline])`, a
/// plan of one-byte commands, each with its ABI-encoded input.
///
/// - `V3_SWAP_EXACT_IN/OUT` give a leg of this entry, `V2_SWAP_EXACT_IN/OUT` a leg of `v2Dex`.
/// - An input amount of `CONTRACT_BALANCE` (1 << 255) swaps all the router holds:
///   `.exactInRouterBalance`. So does a V2 exact input of 0 (`ALREADY_PAID`: an earlier leg has
///   sent its output straight to the first pair, and that is what is swapped).
/// - `EXECUTE_SUB_PLAN` is unrolled in place, up to `MulticallUnroller.maxDepth` plans deep.
/// - Every other command the version defines (permit2, wrap/unwrap, sweep, transfer,
///   pay-portion, balance checks, NFT markets, V4 swaps and position-manager calls) moves no
///   V2/V3 pool and is skipped. V4 swaps belong to another family and give no leg here.
/// - A command type the version leaves unassigned makes the router revert
///   (`InvalidCommandType`): a `DecodingError(.invalidValue)` at the command byte.
/// - The allow-revert flag (bit 0x80 of a swap command's byte) is the leg's `allowRevert`; the
///   leg is still what the call asks for. A flagged `EXECUTE_SUB_PLAN` lets its whole sub-plan
///   fail, which no one leg can say: the sub-plan's legs carry their own commands' flags.
/// - `payerIsUser` decides who pays, not how much, and is read (as a strict `bool`) but not kept.
/// - Every leg carries `execute`'s deadline, if it has one.
struct UniversalRouterInterface: RouterInterface {
    /// The deployment's command set.
    let version: UniversalRouterVersion
    /// The entry the V3 legs belong to.
    let dex: String
    /// The entry the V2 legs belong to.
    let v2Dex: String

    /// `CONTRACT_BALANCE`: an input amount meaning "all the router holds".
    private static let contractBalance = UInt256.one << 255
    /// `Commands.FLAG_ALLOW_REVERT`: the command byte's bit that lets the plan go on when the
    /// command fails.
    private static let allowRevertFlag: UInt8 = 0x80

    func append(_ call: ArraySlice<UInt8>, depth: Int, deadline: UInt256?, to unroller: inout MulticallUnroller) throws(DecodingError) -> String? {
        guard let selector = FunctionSelector.leading(call) else { return nil }
        let reader = CalldataReader.arguments(of: call, origin: unroller.origin)
        switch selector {
        case Selector.execute:
            try plan(reader, depth: 1, deadline: nil, into: &unroller)
        case Selector.executeWithDeadline:
            let deadline = try reader.uint(2, field: "deadline")
            try plan(reader, depth: 1, deadline: deadline, into: &unroller)
        default:
            return nil
        }
        return "execute"
    }

    /// Decodes the plan `(bytes commands, bytes[] inputs)` at the head of `reader`, `depth` plans deep.
    private func plan(_ reader: CalldataReader, depth: Int, deadline: UInt256?, into unroller: inout MulticallUnroller) throws(DecodingError) {
        try MulticallUnroller.checkDepth(depth, at: reader.offset(ofWord: 0), field: "commands")
        let commands = try reader.bytes(0, field: "commands")
        let (count, inputs) = try reader.array(1, field: "inputs")
        guard count == commands.count else {
            throw DecodingError(.invalidValue, at: reader.offset(ofWord: 1), field: "inputs")
        }
        var n = 0
        for index in commands.indices {
            try unroller.visit(at: reader.offset(of: index), field: "commands")
            let allowRevert = commands[index] & Self.allowRevertFlag != 0
            let input = CalldataReader(try inputs.bytes(n, field: "inputs"), origin: unroller.origin)
            n += 1
            switch version.command(commands[index]) {
            case .v3SwapExactIn:
                unroller.legs.append(try v3Leg(input, exactInput: true, deadline: deadline, allowRevert: allowRevert))
            case .v3SwapExactOut:
                unroller.legs.append(try v3Leg(input, exactInput: false, deadline: deadline, allowRevert: allowRevert))
            case .v2SwapExactIn:
                unroller.legs.append(try v2Leg(input, exactInput: true, deadline: deadline, allowRevert: allowRevert))
            case .v2SwapExactOut:
                unroller.legs.append(try v2Leg(input, exactInput: false, deadline: deadline, allowRevert: allowRevert))
            case .executeSubPlan:
                try plan(input, depth: depth + 1, deadline: deadline, into: &unroller)
            case .invalid:
                throw DecodingError(.invalidValue, at: reader.offset(of: index), field: "commands")
            default:
                continue
            }
        }
    }

    /// The leg of a `V3_SWAP_EXACT_IN/OUT` input.
    private func v3Leg(_ input: CalldataReader, exactInput: Bool, deadline: UInt256?, allowRevert: Bool) throws(DecodingError) -> SwapLeg {
        let (recipient, amount, limit) = try swapFields(input, exactInput: exactInput)
        let path = try input.bytes(3, field: "path")
        let hops = try V3Path.hops(path, reversed: !exactInput, origin: input.origin)
        let fixed: SwapAmount = !exactInput ? .exactOut(amount)
            : amount == Self.contractBalance ? .exactInRouterBalance : .exactIn(amount)
        return SwapLeg(dex: dex, hops: hops, amount: fixed, limit: limit, recipient: recipient, deadline: deadline, allowRevert: allowRevert)
    }

    /// The leg of a `V2_SWAP_EXACT_IN/OUT` input.
    private func v2Leg(_ input: CalldataReader, exactInput: Bool, deadline: UInt256?, allowRevert: Bool) throws(DecodingError) -> SwapLeg {
        let (recipient, amount, limit) = try swapFields(input, exactInput: exactInput)
        let hops = try input.reading { (reader) throws(DecodingError) in try TokenPath.hops(reader, at: 3) }
        let fixed: SwapAmount = !exactInput ? .exactOut(amount)
            : amount == Self.contractBalance || amount.isZero ? .exactInRouterBalance : .exactIn(amount)
        return SwapLeg(dex: v2Dex, hops: hops, amount: fixed, limit: limit, recipient: recipient, deadline: deadline, allowRevert: allowRevert)
    }

    /// The fields the four swap commands share: recipient, amount, limit (and `payerIsUser`,
    /// checked but not kept).
    private func swapFields(_ input: CalldataReader, exactInput: Bool) throws(DecodingError) -> (Address, UInt256, UInt256) {
        _ = try input.bool(4, field: "payerIsUser")
        let recipient = try input.address(0, field: "recipient")
        let amount = try input.uint(1, field: exactInput ? "amountIn" : "amountOut")
        let limit = try input.uint(2, field: exactInput ? "amountOutMin" : "amountInMax")
        return (recipient, amount, limit)
    }
}
