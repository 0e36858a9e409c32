import Aggregators
import Kernel
import Testing

/// Magpie programs past the decoder's limits, or with a sequence type the router reverts on,
/// are typed errors at the offending position; a program that calls no pool is an unknown
/// route with its header's pair and amounts.
@Suite struct MagpieBudgetTests {
    static let router = Address(precompile: 0x3A6)

    static func decode(_ data: [UInt8]) throws(DecodingError) -> DecodedSwap? {
        let entry = DEXEntry(name: "magpie", plugin: "magpie", enabled: true,
                             routers: [DEXEntry.Router(name: "router", address: router, kind: "router-v3", version: nil)],
                             factories: [], fees: [], pools: [], wrappedNative: Address(precompile: 0xE7))
        guard let decoder = try? MagpiePlugin(entry: entry).decoder else { return nil }
        var budget = InnerCallBudget(origin: 0)
        return try decoder.decode(ContractCall(to: router, data: data[...], value: .zero), inner: NoInnerCalls(), budget: &budget)
    }

    /// `swapWithMagpieSignature` of a program: a header with amount references to one literal
    /// (the byte 0x2A: shift 248), then `sequences` in the data region, then `commands`, each
    /// built from the sequences' absolute position.
    static func call(sequences: [UInt8], commands: (Int) -> [UInt8]) -> [UInt8] {
        let fixed = 2 + 60 + 12 + 65 + 2
        let literal = 70 + fixed
        let sequencesAt = literal + 2
        var region = [UInt8](repeating: 0, count: fixed)
        for field in 0..<4 { region.replaceSubrange((62 + 3 * field)..<(65 + 3 * field), with: [248, UInt8((literal + 1) >> 8), UInt8((literal + 1) & 0xFF)]) }
        region += [248, 0x2A] + sequences
        let payload = [UInt8(region.count >> 8), UInt8(region.count & 0xFF)] + region + commands(sequencesAt)
        let padding = [UInt8](repeating: 0, count: (32 - payload.count % 32) % 32)
        return FunctionSelector.bytes(FunctionSelector.of("swapWithMagpieSignature(bytes)")) + UInt256(32).bigEndianBytes
            + UInt256(UInt64(payload.count)).bigEndianBytes + payload + padding
    }

    /// A command of `action` reading the sequences `start ..< end`.
    static func command(_ action: UInt8, _ start: Int, _ end: Int) -> [UInt8] {
        [action, 0, 32, UInt8(start >> 8), UInt8(start & 0xFF), UInt8(end >> 8), UInt8(end & 0xFF), 0, 0]
    }

    @Test func tooManyCommandsAreRefused() throws {
        let data = Self.call(sequences: []) { _ in (0..<300).flatMap { _ in Self.command(6, 0, 0) } }
        #expect(throws: DecodingError.self) { try Self.decode(data) }
        do {
            _ = try Self.decode(data)
        } catch {
            #expect(error.kind == .tooLarge && error.field == "commands")
            #expect(error.offset > 0 && error.offset < data.count)
        }
    }

    /// 100 commands each reading the same 60 router-address sequences: 6,000 sequences.
    @Test func sequencesReadOverAndOverAreRefused() throws {
        let data = Self.call(sequences: [UInt8](repeating: 6, count: 60)) { at in (0..<100).flatMap { _ in Self.command(6, at, at + 60) } }
        do {
            _ = try Self.decode(data)
            Issue.record("decoded")
        } catch {
            #expect(error.kind == .tooLarge && error.field == "sequences")
        }
    }

    @Test func aSequenceTypeTheRouterRevertsOnIsRefused() throws {
        let data = Self.call(sequences: [9]) { at in Self.command(6, at, at + 1) }
        do {
            _ = try Self.decode(data)
            Issue.record("decoded")
        } catch {
            #expect(error.kind == .invalidValue && error.field == "sequence type")
            #expect(error.offset == 70 + 2 + 60 + 12 + 65 + 2 + 2)
        }
    }

    @Test func aProgramWithoutPoolCallsIsAnUnknownRoute() throws {
        let data = Self.call(sequences: [6]) { at in Self.command(6, at, at + 1) }
        let swap = try #require(try Self.decode(data))
        #expect(swap.legs.isEmpty)
        #expect(swap.unknownRoutes == [UnknownRoute(aggregator: "magpie", tokenIn: .zero, tokenOut: .zero, amountIn: UInt256(0x2A), minAmountOut: UInt256(0x2A))])
    }
}
