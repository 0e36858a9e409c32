@testable import Kernel
import Testing

/// RLP against the examples of the Ethereum specification (yellow paper appendix B and the
/// ethereum.org RLP page) and the strict rules go-ethereum applies.
@Suite struct RLPTests {
    static func b(_ s: String) -> RLP.Item { .bytes(Array(s.utf8)[...]) }

    @Test(arguments: [
        (RLP.Item.bytes([]), "0x80"),
        (b("dog"), "0x83646f67"),
        (.list([b("cat"), b("dog")]), "0xc88363617483646f67"),
        (.list([]), "0xc0"),
        (.bytes([0x00]), "0x00"),
        (.bytes([0x0f]), "0x0f"),
        (.bytes([0x04, 0x00]), "0x820400"),
        (.list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]), "0xc7c0c1c0c3c0c1c0"),
        (b("Lorem ipsum dolor sit amet, consectetur adipisicing elit"),
         "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"),
    ])
    func specificationExamples(item: RLP.Item, hex: String) throws {
        #expect(Hex.encode(RLP.encode(item)) == hex)
        #expect(try RLP.decode(try Hex.decode(hex)) == item)
    }

    @Test func lengthsAroundTheShortLongBoundary() throws {
        for n in [0, 1, 54, 55, 56, 57, 255, 256, 65_535, 65_536] {
            let item = RLP.Item.bytes(ArraySlice(repeating: 0xaa, count: n))
            let encoded = RLP.encode(item)
            #expect(try RLP.decode(encoded) == item)
            let list = RLP.Item.list(Array(repeating: .bytes([0x01]), count: n))
            #expect(try RLP.decode(RLP.encode(list)) == list)
        }
    }

    static func refuse(_ hex: String, _ kind: DecodingError.Kind, at offset: Int,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try Hex.decode(hex)
        do {
            let item = try RLP.decode(bytes)
            Issue.record("decoded \(item) but expected \(kind)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind && error.offset == offset, "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func strictDecodingRefusesNonCanonicalForms() throws {
        try Self.refuse("0x", .empty, at: 0)
        try Self.refuse("0x8105", .nonCanonical, at: 0)          // single byte < 0x80 wrapped
        try Self.refuse("0xb80161", .nonCanonical, at: 0)        // short string in long form
        try Self.refuse("0xb9003861", .nonCanonical, at: 0)      // length with a leading zero byte
        try Self.refuse("0xf80100", .nonCanonical, at: 0)        // short list in long form
        try Self.refuse("0xc28105", .nonCanonical, at: 1)        // inside a list
        try Self.refuse("0x83646f", .truncated, at: 0)
        try Self.refuse("0xb8", .truncated, at: 0)
        try Self.refuse("0xbf", .truncated, at: 0)
        try Self.refuse("0xbfffffffffffffffff", .tooLarge, at: 0)  // an 8-byte length past any input
        try Self.refuse("0xc3836162", .truncated, at: 1)
        try Self.refuse("0xc28364", .truncated, at: 1)           // an item overruns its list
        try Self.refuse("0x83646f6700", .trailingBytes, at: 4)
        try Self.refuse("0xc0c0", .trailingBytes, at: 1)
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        var deep: [UInt8] = [0xc0]
        for _ in 0..<RLP.defaultMaxDepth { deep = [0xc0 + UInt8(deep.count)] + deep }
        #expect(deep.count == 17)
        do {
            _ = try RLP.decode(deep)
            Issue.record("accepted nesting past the limit")
        } catch {
            #expect(error.kind == .tooDeep)
            #expect(error.offset == RLP.defaultMaxDepth)
        }
        #expect(throws: Never.self) { try RLP.decode(Array(deep.dropFirst())) }
        // A bomb of 100,000 properly nested lists is refused at the limit, not by exhausting the stack.
        var reversed: [UInt8] = [0xc0]
        for _ in 0..<100_000 {
            let n = reversed.count
            var header: [UInt8]
            if n < 56 {
                header = [0xc0 + UInt8(n)]
            } else {
                let lengthBytes = (Int.bitWidth - n.leadingZeroBitCount + 7) / 8
                header = [0xf7 + UInt8(lengthBytes)] + (0..<lengthBytes).reversed().map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
            }
            reversed.append(contentsOf: header.reversed())
        }
        do {
            _ = try RLP.decode(Array(reversed.reversed()))
            Issue.record("accepted a nesting bomb")
        } catch {
            #expect(error.kind == .tooDeep)
        }
    }

    @Test func randomBytesNeverTrap() {
        var rng = SplitMix64(seed: 0xbadc0de)
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 0..<64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if let item = try? RLP.decode(bytes) {
                #expect(RLP.encode(item) == bytes, "a strict decoder accepts only canonical bytes")
            }
        }
    }
}
