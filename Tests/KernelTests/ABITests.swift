import Kernel
import Testing

/// The ABI reader's defences against hostile offsets, lengths and values.
@Suite struct ABITests {
    static func word(_ v: UInt64) -> [UInt8] { UInt256(v).bigEndianBytes }

    @Test func offsetsAndLengthsFromTheWireCannotReachOutside() throws {
        // bytes at an offset past the end, and at an offset whose length runs past the end.
        let past = Self.word(64) + Self.word(0)
        #expect(throws: DecodingError.self) { try ABITreeDecoder.decode([.bytes], from: past[...]) }
        let long = Self.word(32) + Self.word(1 << 40)
        #expect(throws: DecodingError.self) { try ABITreeDecoder.decode([.bytes], from: long[...]) }
        // An offset of 2^255 and a length of 2^256 - 1.
        let huge = UInt256.one << 255
        #expect(throws: DecodingError.self) { try ABITreeDecoder.decode([.bytes], from: huge.bigEndianBytes[...]) }
        let maxLength = Self.word(32) + UInt256.max.bigEndianBytes
        #expect(throws: DecodingError.self) { try ABITreeDecoder.decode([.array(.uint(256))], from: maxLength[...]) }
        // An array claiming more elements than the data could hold.
        let tooMany = Self.word(32) + Self.word(1_000_000) + Self.word(7)
        #expect(throws: DecodingError.self) { try ABITreeDecoder.decode([.array(.uint(8))], from: tooMany[...]) }
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
            _ = try? ABITreeDecoder.decode([types[round % types.count]], from: data[...])
        }
    }
}
