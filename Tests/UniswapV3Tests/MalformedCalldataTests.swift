import Kernel
import Testing
import UniswapV3

/// Malformed calldata for known functions gives a typed `DecodingError` with the byte offset into
/// the calldata and the field; nesting bombs stop at the depth limit or the call limit; random
/// corruption of real calls never traps.
@Suite struct MalformedCalldataTests {
    let decoder: any SwapDecoder
    let tokenA = Arbitrum.weth, tokenB = Arbitrum.usdc
    let recipient = Arbitrum.address("0x00000000000000000000000000000000000000aa")

    init() throws {
        decoder = try uniswapDecoder()
    }

    func decode(_ to: Address, _ data: [UInt8]) throws(DecodingError) -> DecodedSwap? {
        try decoder.decode(ContractCall(to: to, data: data[...], value: .zero))
    }

    /// The error `decode` throws, or nil.
    func error(_ to: Address, _ data: [UInt8]) -> DecodingError? {
        do { _ = try decode(to, data); return nil } catch { return error }
    }

    /// A valid SwapRouter02 `exactInputSingle` (selector 0x04e45aaf), 7 static words.
    var exactInputSingle02: [UInt8] {
        calldata(0x04e4_5aaf, [.tuple([.address(tokenA), .address(tokenB), .uint(500), .address(recipient), .uint(1000), .uint(1), .uint(0)])])
    }

    /// A valid SwapRouter02 `exactInput` whose path is `path`.
    func exactInput02(path: [UInt8]) -> [UInt8] {
        calldata(0xb858_183f, [.tuple([.bytes(path), .address(recipient), .uint(1000), .uint(1)])])
    }

    /// A Universal Router `execute(bytes,bytes[])` of `commands` with `inputs`.
    func execute(_ commands: [UInt8], _ inputs: [[UInt8]]) -> [UInt8] {
        calldata(0x2485_6bc3, [.bytes(commands), .array(inputs.map { .bytes($0) })])
    }

    /// A `V3_SWAP_EXACT_IN` input.
    var v3SwapInput: [UInt8] {
        ABIValue.encodeTuple([.address(recipient), .uint(1000), .uint(1), .bytes(v3Path([tokenA, tokenB], fees: [500])), .bool(true)])
    }

    @Test func shortCallsAndUnknownSelectorsAreNotSwaps() throws {
        #expect(try decode(Arbitrum.swapRouter02, []) == nil)
        #expect(try decode(Arbitrum.swapRouter02, [0x04, 0xe4, 0x5a]) == nil)
        #expect(try decode(Arbitrum.swapRouter02, [0xde, 0xad, 0xbe, 0xef] + [UInt8](repeating: 0, count: 64)) == nil)
        #expect(try decode(Arbitrum.swapRouter, exactInputSingle02) == nil, "a SwapRouter02 selector on SwapRouter")
        #expect(try decode(Arbitrum.address("0x0000000000000000000000000000000000000bad"), exactInputSingle02) == nil)
        #expect(try decode(Arbitrum.swapRouter02, exactInputSingle02) != nil)
    }

    @Test func truncatedStruct() {
        let error = error(Arbitrum.swapRouter02, Array(exactInputSingle02.dropLast(32)))
        #expect(error == DecodingError(.truncated, at: 4 + 6 * 32, field: "sqrtPriceLimitX96"))
    }

    @Test func dirtyValues() {
        var dirtyAddress = exactInputSingle02
        dirtyAddress[4] = 1
        #expect(error(Arbitrum.swapRouter02, dirtyAddress) == DecodingError(.invalidValue, at: 4, field: "tokenIn"))
        var wideFee = exactInputSingle02
        wideFee[4 + 2 * 32 + 28] = 1
        #expect(error(Arbitrum.swapRouter02, wideFee) == DecodingError(.invalidValue, at: 4 + 2 * 32, field: "fee"))
    }

    @Test func offsetAndLengthOutOfRange() {
        let valid = exactInput02(path: v3Path([tokenA, tokenB], fees: [500]))
        var offset = valid
        offset[4 + 31] = 0xff
        #expect(error(Arbitrum.swapRouter02, offset)?.kind == .truncated)
        var length = valid
        // The path's length word: tuple at 4 + 32, path at tuple + 4 words.
        length[4 + 32 + 4 * 32 + 30] = 0xff
        #expect(error(Arbitrum.swapRouter02, length) == DecodingError(.truncated, at: 4 + 32 + 4 * 32, field: "path"))
        #expect(error(Arbitrum.swapRouter02, Array(valid.dropLast(40)))?.kind == .truncated)
    }

    @Test func pathShorterThanOnePool() {
        let error = error(Arbitrum.swapRouter02, exactInput02(path: Array(tokenA.bytes + [0, 1, 0xf4])))
        #expect(error == DecodingError(.wrongLength, at: 4 + 32 + 5 * 32, field: "path"))
    }

    /// Up to 22 bytes after the last whole pool are ignored, as the routers' Path library does.
    @Test func pathTrailingBytesAreIgnored() throws {
        let path = v3Path([tokenA, tokenB], fees: [500])
        let plain = try decode(Arbitrum.swapRouter02, exactInput02(path: path))
        let junk = try decode(Arbitrum.swapRouter02, exactInput02(path: path + [UInt8](repeating: 7, count: 22)))
        #expect(plain != nil && plain == junk)
    }

    /// A multicall in a multicall … : `MulticallUnroller.maxDepth` levels pass, one more is `.tooDeep`.
    @Test func multicallRecursionBomb() throws {
        func nested(_ levels: Int) -> [UInt8] {
            (0..<levels).reduce(exactInputSingle02) { inner, _ in calldata(0xac96_50d8, [.array([.bytes(inner)])]) }
        }
        #expect(try decode(Arbitrum.swapRouter02, nested(MulticallUnroller.maxDepth))?.legs.count == 1)
        #expect(error(Arbitrum.swapRouter02, nested(MulticallUnroller.maxDepth + 1))?.kind == .tooDeep)
        #expect(error(Arbitrum.swapRouter02, nested(200))?.kind == .tooDeep)
    }

    /// Elements that all point at the same nested multicall: exponential work in few bytes,
    /// stopped by `MulticallUnroller.maxCalls`.
    @Test func multicallAliasBomb() throws {
        func aliased(_ inner: [UInt8], count: Int) -> [UInt8] {
            // multicall(bytes[]) with `count` offsets all pointing at one element.
            var args = UInt256(32).bigEndianBytes + UInt256(UInt64(count)).bigEndianBytes
            for _ in 0..<count { args += UInt256(UInt64(count * 32)).bigEndianBytes }
            args += ABIValue.bytes(inner).encoded
            return [0xac, 0x96, 0x50, 0xd8] + args
        }
        let bomb = (0..<3).reduce(exactInputSingle02) { inner, _ in aliased(inner, count: 40) }
        #expect(error(Arbitrum.swapRouter02, bomb)?.kind == .tooLarge)
        // One level of aliasing is honest-sized work: 40 legs.
        #expect(try decode(Arbitrum.swapRouter02, aliased(exactInputSingle02, count: 40))?.legs.count == 40)
    }

    @Test func universalRouterLengthMismatch() {
        #expect(error(Arbitrum.universalRouters[4].1, execute([0x00, 0x0c], [v3SwapInput])) == DecodingError(.invalidValue, at: 4 + 32, field: "inputs"))
    }

    /// Sub-plans nest to `MulticallUnroller.maxDepth` plans (execute included); deeper is `.tooDeep`.
    @Test func subPlanRecursionBomb() throws {
        func nested(_ plans: Int) -> [UInt8] {
            var plan = ([UInt8]([0x00]), [v3SwapInput])
            for _ in 1..<plans {
                plan = ([0x21], [ABIValue.encodeTuple([.bytes(plan.0), .array(plan.1.map { .bytes($0) })])])
            }
            return execute(plan.0, plan.1)
        }
        let v2 = Arbitrum.universalRouters[4].1
        #expect(try decode(v2, nested(MulticallUnroller.maxDepth))?.legs.count == 1)
        #expect(error(v2, nested(MulticallUnroller.maxDepth + 1))?.kind == .tooDeep)
        #expect(error(v2, nested(100))?.kind == .tooDeep)
    }

    @Test func subPlanAliasBomb() {
        // A plan of `count` sub-plan commands whose inputs all point at the same inner plan.
        func aliased(_ inner: [UInt8], count: Int) -> [UInt8] {
            let commands = [UInt8](repeating: 0x21, count: count)
            var inputs = UInt256(UInt64(count)).bigEndianBytes
            for _ in 0..<count { inputs += UInt256(UInt64(count * 32)).bigEndianBytes }
            inputs += ABIValue.bytes(inner).encoded
            let commandsPart = ABIValue.bytes(commands).encoded
            return UInt256(64).bigEndianBytes + UInt256(UInt64(64 + commandsPart.count)).bigEndianBytes + commandsPart + inputs
        }
        let leaf = ABIValue.encodeTuple([.bytes([0x00]), .array([.bytes(v3SwapInput)])])
        let plan = (0..<2).reduce(leaf) { inner, _ in aliased(inner, count: 40) }
        let bomb = [UInt8]([0x24, 0x85, 0x6b, 0xc3]) + plan
        #expect(error(Arbitrum.universalRouters[4].1, bomb)?.kind == .tooLarge)
    }

    /// A command type the version leaves unassigned is `.invalidValue` at the command byte.
    @Test(arguments: [
        ("1", UInt8(0x07)), ("1", 0x0e), ("1", 0x1f), ("1", 0x5e),
        ("1.2", 0x0f), ("1.2", 0x1f), ("1.2", 0x23), ("1.2", 0xbf),
        ("2", 0x07), ("2", 0x15), ("2", 0x20), ("2", 0x22), ("2", 0x3f),
    ])
    func unassignedCommands(version: String, command: UInt8) throws {
        let router = try #require(Arbitrum.universalRouters.first { $0.2 == version }).1
        let data = execute([0x0b, command], [ABIValue.encodeTuple([.address(recipient), .uint(1)]), []])
        // The commands' bytes start after the selector, two head words and their length word.
        #expect(error(router, data) == DecodingError(.invalidValue, at: 4 + 3 * 32 + 1, field: "commands"))
    }

    @Test func poolSwapExtremes() throws {
        let minimum = Int256.min.bitPattern
        let data = calldata(0x128a_cb08, [.address(recipient), .bool(false), .uint(minimum), .uint(0), .bytes([])])
        let leg = try #require(try decode(Arbitrum.wethUsdcPool, data)?.legs.first)
        #expect(leg.amount == .exactOut(UInt256.one << 255))
        #expect(leg.hops == [SwapHop(tokenIn: Arbitrum.usdc, tokenOut: Arbitrum.weth, pool: .pool(Arbitrum.wethUsdcPool, zeroForOne: false))])
        var dirtyBool = data
        dirtyBool[4 + 32 + 31] = 2
        #expect(error(Arbitrum.wethUsdcPool, dirtyBool) == DecodingError(.invalidValue, at: 4 + 32, field: "zeroForOne"))
    }

    /// Random corruption of every real router call (bytes flipped, words overwritten with
    /// offsets near or past the end, truncation): the decoder returns or throws, never traps.
    @Test func randomCorruptionNeverTraps() throws {
        var rng = SplitMix64(seed: 0x5eed_0003)
        let calls = try RealCalldataTests.transactions().map { try contractCall($0.transaction) }
        var outcomes = [0, 0, 0]
        for round in 0..<20_000 {
            let call = calls[round % calls.count]
            var data = Array(call.data)
            switch rng.next() % 4 {
            case 0:
                for _ in 0...(rng.next() % 4) { data[Int(rng.next() % UInt64(data.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
            case 1:
                let word = 4 + Int(rng.next() % UInt64(max(1, (data.count - 4) / 32))) * 32
                let value = [UInt64(data.count), UInt64(data.count) + 32, 1 << 32, .max, rng.next() % 4096][Int(rng.next() % 5)]
                if word + 32 <= data.count { data.replaceSubrange(word..<(word + 32), with: UInt256(value).bigEndianBytes) }
            case 2:
                data.removeLast(Int(rng.next() % UInt64(data.count)))
            default:
                data[Int(rng.next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: rng.next())
                data.removeFirst(Int(rng.next() % 2) * 4)
            }
            do {
                outcomes[try decoder.decode(ContractCall(to: call.to, data: data[...], value: call.value)) == nil ? 0 : 1] += 1
            } catch {
                outcomes[2] += 1
            }
        }
        #expect(outcomes.allSatisfy { $0 > 500 }, "none, legs, errors: \(outcomes)")
    }
}
