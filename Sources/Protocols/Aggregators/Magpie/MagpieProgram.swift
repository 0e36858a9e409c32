import Kernel

/// What a MagpieRouterV3 call asks the router to do (`swapWithMagpieSignature(bytes)`,
/// `swapWithUserSignature(bytes)`; verified source of MagpieRouterV3 with `LibRouter`,
/// docs/adr/0010): the signed header and the unsigned command list, read at the absolute
/// positions the router reads them.
///
/// - Header (`LibRouter.getData`): at 68 the data region's length D, at 72 / 92 / 112 the
///   recipient, the asset sold and the asset bought (zero: ether), at 132 / 135 / 138 / 141
///   three-byte references to the deadline, the least output, the swap fee and the amount in
///   (net of fees). The commands follow the data region, from 70 + D to the end of the bytes
///   argument (68 + its length), nine bytes each: action, output length, first and end position
///   of its sequences, position of a call's target.
/// - Sequences build a command's input: a selector, an address or amount from the data region,
///   raw bytes, an earlier command's output, the router's or the sender's address; or the ether
///   a call sends.
struct MagpieProgram {
    /// One value a sequence puts in a command's input.
    enum Value: Equatable {
        /// Written in the calldata.
        case literal(UInt256)
        /// The 32 bytes at this offset of the earlier commands' outputs, known only on chain.
        case output(Int)
        /// The router's own address.
        case router
        /// The caller's address.
        case sender
    }

    /// One piece of a command's input, in order, as its sequence gives it: read lazily, since
    /// most pieces are only stepped over.
    enum Piece: Equatable {
        /// Four bytes of selector, at this position.
        case selector(position: Int)
        /// One 32-byte word: the sequence's type (2 address, 3 amount, 5 output, 6 router,
        /// 7 sender) and pointer (`value(in:)`).
        case word(type: Int, pointer: Int)
        /// Raw bytes copied from the calldata: where they start and how many.
        case bytes(position: Int, count: Int)

        /// The bytes it adds to the input.
        var size: Int {
            switch self {
            case .selector: return 4
            case .word: return 32
            case .bytes(_, let count): return count
            }
        }
    }

    /// The router's command actions (`CommandAction`).
    enum Action: Int {
        case call, approval, transferFrom, transfer, wrap, unwrap, balance, math, comparison, estimateGasStart, estimateGasEnd
    }

    /// One command.
    struct Command {
        /// What it does.
        let action: Action
        /// Where its sequences start and end: its input, read piece by piece (`pieces`).
        let sequences: Range<Int>
        /// Where a call's target address is written.
        let targetPosition: Int

        /// A call's target.
        func target(in calldata: MagpieCalldata) -> Address {
            calldata.address(targetPosition)
        }

        /// Its input's pieces, in order (for a call: the calldata it sends, selector first).
        func pieces(in calldata: MagpieCalldata) -> Pieces {
            Pieces(calldata: calldata, position: sequences.lowerBound, end: sequences.upperBound)
        }

        /// The 32-byte word at byte `offset` of the input: a word piece that starts there, or 32
        /// bytes of a raw piece that holds them; nil otherwise.
        func word(atInputOffset offset: Int, in calldata: MagpieCalldata) -> Value? {
            var start = 0
            var pieces = pieces(in: calldata)
            while let piece = pieces.next(), start <= offset {
                switch piece {
                case .word(let type, let pointer) where start == offset:
                    return MagpieProgram.value(type: type, pointer: pointer, in: calldata)
                case .bytes(let position, let count) where offset + 32 <= start + count:
                    return .literal(calldata.load(position + offset - start))
                default:
                    start += piece.size
                }
            }
            return nil
        }

        /// The `index`th ABI argument of a call's input (after its selector).
        func argument(_ index: Int, in calldata: MagpieCalldata) -> Value? {
            word(atInputOffset: 4 + 32 * index, in: calldata)
        }

        /// The call's selector: its input's first piece.
        func selector(in calldata: MagpieCalldata) -> UInt32? {
            var pieces = pieces(in: calldata)
            guard case .selector(let position) = pieces.next() else { return nil }
            return calldata.selector(position)
        }
    }

    /// A command's pieces, read from its sequences (`getInput`); the ether a call sends adds
    /// none. The program has checked every sequence type already.
    struct Pieces: IteratorProtocol {
        let calldata: MagpieCalldata
        var position: Int
        let end: Int

        mutating func next() -> Piece? {
            while position < end {
                let start = position
                let type = calldata.byte(start)
                let pointer = calldata.uint16(start + 1)
                position += MagpieProgram.sequenceLength(type) ?? (end - start)
                switch type {
                case 1: return .selector(position: pointer)
                case 2, 3, 5, 6, 7: return .word(type: type, pointer: pointer)
                case 4: return .bytes(position: pointer, count: calldata.uint16(start + 3))
                default: continue
                }
            }
            return nil
        }
    }

    /// The most commands read; a longer program is refused (the router's own limit is the
    /// 64 KiB its two-byte positions reach).
    static let commandLimit = 256
    /// The most sequences read over all commands.
    static let sequenceLimit = 4_096

    /// The recipient.
    let recipient: Address
    /// The asset sold; zero for ether.
    let assetIn: Address
    /// The asset bought; zero for ether.
    let assetOut: Address
    /// The deadline, in seconds since the epoch.
    let deadline: UInt256
    /// The least the recipient's balance of `assetOut` must grow by.
    let amountOutMin: UInt256
    /// The amount swapped, after the fees.
    let amountIn: UInt256
    /// The commands, in order.
    let commands: [Command]

    /// Reads the program of `calldata` (the whole call); `origin` is the outermost calldata's
    /// first index, for error offsets. Throws where the bytes argument runs past the calldata,
    /// the program is longer than the limits, or an action or sequence type is one the router
    /// reverts on.
    init(_ calldata: MagpieCalldata, origin: Int) throws(DecodingError) {
        let base = calldata.bytes.startIndex - origin
        let argumentLength = calldata.load(36)
        guard let length = argumentLength.intValue, length <= calldata.count - 68 else {
            throw DecodingError(.truncated, at: base + 36, field: "swapArgs")
        }
        let end = 68 + length
        recipient = calldata.address(72)
        assetIn = calldata.address(92)
        assetOut = calldata.address(112)
        deadline = calldata.headerAmount(132)
        amountOutMin = calldata.headerAmount(135)
        amountIn = calldata.headerAmount(141)
        var commands: [Command] = []
        var sequences = 0
        var position = 70 + calldata.uint16(68)
        commands.reserveCapacity(Swift.max(0, Swift.min(Self.commandLimit, (end - position + 8) / 9)))
        while position < end {
            guard commands.count < Self.commandLimit else { throw DecodingError(.tooLarge, at: base + position, field: "commands") }
            guard let action = Action(rawValue: calldata.byte(position)) else {
                throw DecodingError(.invalidValue, at: base + position, field: "command action")
            }
            let range = calldata.uint16(position + 3)..<Swift.max(calldata.uint16(position + 3), calldata.uint16(position + 5))
            try Self.check(calldata, range, sequences: &sequences, base: base)
            commands.append(Command(action: action, sequences: range, targetPosition: calldata.uint16(position + 7)))
            position += 9
        }
        self.commands = commands
    }

    /// The value a word sequence of `type` with `pointer` puts in its command's input.
    static func value(type: Int, pointer: Int, in calldata: MagpieCalldata) -> Value {
        switch type {
        case 2: return .literal(calldata.load(pointer) >> 96)
        case 3: return .literal(calldata.amount(at: pointer + 1, shift: calldata.byte(pointer)))
        case 5: return .output(pointer)
        case 6: return .router
        default: return .sender
        }
    }

    /// The bytes a sequence of `type` takes; nil for a type the router reverts on.
    static func sequenceLength(_ type: Int) -> Int? {
        switch type {
        case 0, 4: return 5
        case 1, 2, 3, 5: return 3
        case 6, 7: return 1
        default: return nil
        }
    }

    /// Checks the types of the sequences in `range`, counting them in `sequences`.
    private static func check(_ calldata: MagpieCalldata, _ range: Range<Int>, sequences: inout Int, base: Int) throws(DecodingError) {
        var position = range.lowerBound
        while position < range.upperBound {
            sequences += 1
            guard sequences <= sequenceLimit else { throw DecodingError(.tooLarge, at: base + position, field: "sequences") }
            guard let length = sequenceLength(calldata.byte(position)) else {
                throw DecodingError(.invalidValue, at: base + position, field: "sequence type")
            }
            position += length
        }
    }
}
