import Kernel
import Testing

/// The ABI reader's type grammar and its defences against hostile offsets and lengths.
@Suite struct ABITests {
    @Test(arguments: [
        ("uint256", ABIType.uint(256)), ("uint", .uint(256)), ("int24", .int(24)), ("address", .address),
        ("bytes32", .fixedBytes(32)), ("bytes", .bytes), ("string", .string), ("bool", .bool),
        ("(address,uint24)[]", .array(.tuple([.address, .uint(24)]))),
        ("bytes32[2][]", .array(.fixedArray(.fixedBytes(32), 2))),
        ("((uint8,bytes),int256)", .tuple([.tuple([.uint(8), .bytes]), .int(256)])), ("()", .tuple([])),
    ])
    func typeStringsParse(_ text: String, _ type: ABIType) throws {
        #expect(try ABIType(parsing: text) == type)
    }

    @Test(arguments: ["uint7", "uint264", "uint08", "bytes0", "bytes33", "int7", "address[0]", "(uint256", "uint256)",
                      "(,)", "foo", "uint256[01]", "uint256[", ""])
    func badTypeStringsAreRefused(_ text: String) {
        #expect(throws: ABIType.ParseError.self) { try ABIType(parsing: text) }
    }

    @Test func staticAndDynamicSizes() throws {
        #expect(try ABIType(parsing: "(address,uint24,int24)").headSize == 96)
        #expect(try ABIType(parsing: "uint256[3]").headSize == 96)
        #expect(try ABIType(parsing: "(address,bytes)").headSize == 32)
        #expect(try ABIType(parsing: "(address,bytes)").isDynamic)
        #expect(try !ABIType(parsing: "(address,bytes32)[2]").isDynamic)
    }

    static func word(_ v: UInt64) -> [UInt8] { UInt256(v).bigEndianBytes }

    @Test func offsetsAndLengthsFromTheWireCannotReachOutside() throws {
        // bytes at an offset past the end, and at an offset whose length runs past the end.
        let past = Self.word(64) + Self.word(0)
        #expect(throws: DecodingError.self) { try ABIDecoder.decode([.bytes], from: past[...]) }
        let long = Self.word(32) + Self.word(1 << 40)
        #expect(throws: DecodingError.self) { try ABIDecoder.decode([.bytes], from: long[...]) }
        // An offset of 2^255 and a length of 2^256 - 1.
        let huge = UInt256.one << 255
        #expect(throws: DecodingError.self) { try ABIDecoder.decode([.bytes], from: huge.bigEndianBytes[...]) }
        let maxLength = Self.word(32) + UInt256.max.bigEndianBytes
        #expect(throws: DecodingError.self) { try ABIDecoder.decode([.array(.uint(256))], from: maxLength[...]) }
        // An array claiming more elements than the data could hold.
        let tooMany = Self.word(32) + Self.word(1_000_000) + Self.word(7)
        #expect(throws: DecodingError.self) { try ABIDecoder.decode([.array(.uint(8))], from: tooMany[...]) }
    }

    /// Every element of an array pointing at the same big inner array: the decoder stops at its
    /// value budget instead of building an exponential tree.
    @Test func aliasedOffsetsCannotBlowUpTheOutput() throws {
        let n: UInt64 = 400
        // outer: uint256[][] with n elements, each offset pointing at the same inner array of n zeros.
        var data = Self.word(32) + Self.word(n)
        let innerOffset = n * 32
        for _ in 0..<n { data += Self.word(innerOffset) }
        data += Self.word(n) + [UInt8](repeating: 0, count: Int(n) * 32)
        #expect(data.count < 30_000)
        do {
            _ = try ABIDecoder.decode([.array(.array(.uint(256)))], from: data[...])
            Issue.record("decoded \(n * n) values from \(data.count) bytes")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func nestingPastTheLimitIsRefused() throws {
        var type = ABIType.uint(8)
        for _ in 0...ABIDecoder.maxDepth { type = .tuple([type]) }
        let data = [UInt8](repeating: 0, count: 32)
        #expect(throws: DecodingError.self) { try ABIDecoder.decode([type], from: data[...]) }
    }

    @Test func valuesAreCheckedAsSolidityDoes() throws {
        let dirtyAddress = [UInt8](repeating: 0, count: 11) + [1] + [UInt8](repeating: 0xaa, count: 20)
        #expect(throws: DecodingError.self) { try ABIReader(dirtyAddress[...]).address(0) }
        #expect(throws: DecodingError.self) { try ABIReader(Self.word(2)[...]).bool(0) }
        #expect(throws: DecodingError.self) { try ABIReader(Self.word(1 << 24)[...]).uint(0, bits: 24) }
        #expect(try ABIReader(Self.word((1 << 24) - 1)[...]).uint(0, bits: 24) == UInt256((1 << 24) - 1))
        // int24 -1 is the word of all ones; 2^23 is out of range.
        #expect(try ABIReader(UInt256.max.bigEndianBytes[...]).int(0, bits: 24) == Int256(-1))
        #expect(throws: DecodingError.self) { try ABIReader(Self.word(1 << 23)[...]).int(0, bits: 24) }
        #expect(throws: DecodingError.self) { try ABIReader((Self.word(0) + [])[...]).word(1) }
    }

    @Test func randomBytesNeverTrap() throws {
        var rng = SplitMix64(seed: 0xab1)
        let types = try ["(address,uint24)[]", "bytes[]", "(bytes,uint256,(int24,bytes32[]))", "string[2]", "uint8"]
            .map { try ABIType(parsing: $0) }
        for round in 0..<5_000 {
            var data = (0..<Int.random(in: 0..<256, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // Small offsets and lengths, so the decoder follows them instead of failing at once.
            for i in stride(from: 31, to: data.count, by: 32) where round % 2 == 0 {
                data[i] = UInt8.random(in: 0...96, using: &rng)
                for j in (i - 31)..<i { data[j] = 0 }
            }
            _ = try? ABIDecoder.decode([types[round % types.count]], from: data[...])
        }
    }
}
