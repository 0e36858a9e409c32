import Kernel
import Testing

/// Addresses and hashes: EIP-55 checksums (the examples of the EIP itself), lengths, hex.
@Suite struct AddressTests {
    /// The test cases listed in EIP-55 (ethereum/EIPs `EIPS/eip-55.md`).
    static let eip55 = [
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]

    @Test(arguments: eip55[4...])
    func mixedCaseExamplesRoundTrip(_ text: String) throws {
        let address = try Address(hex: text)
        #expect(address.checksummed == text)
        #expect(address.description == text.lowercased())
    }

    @Test(arguments: eip55[..<4])
    func singleCaseAddressesCarryNoChecksum(_ text: String) throws {
        #expect(try Address(hex: text).description == text.lowercased())
    }

    @Test func aWrongChecksumIsRefused() {
        // One letter's case flipped in an EIP-55 example.
        #expect(throws: Address.ParseError.badChecksum) { try Address(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD") }
        #expect(throws: Address.ParseError.badChecksum) { try Address(hex: "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") }
    }

    @Test func wrongLengthsAndDigitsAreRefused() {
        #expect(throws: Address.ParseError.invalidHex(.wrongLength(expected: 20, actual: 19))) {
            try Address(hex: "0x52908400098527886E0F7030069857D2E4169E")
        }
        #expect(throws: Address.ParseError.invalidHex(.wrongLength(expected: 20, actual: 21))) {
            try Address(hex: "0x52908400098527886E0F7030069857D2E4169EE700")
        }
        #expect(throws: Address.ParseError.self) { try Address(hex: "0x52908400098527886E0F7030069857D2E4169EEG") }
        #expect(throws: Address.ParseError.self) { try Address(hex: "") }
        #expect(Address(bytes: [UInt8](repeating: 1, count: 19)) == nil)
    }

    @Test func precompileAddressesAndOrdering() throws {
        #expect(Address(precompile: 0x6e).description == "0x000000000000000000000000000000000000006e")
        #expect(Address(precompile: 0x0a4b05).description == "0x00000000000000000000000000000000000a4b05")
        #expect(Address(precompile: 0x0102_0304_0506_0708).description == "0x0000000000000000000000000102030405060708")
        #expect(Address(precompile: 1) < Address(precompile: 2))
        #expect(Address(precompile: 0x100) > Address(precompile: 0xff))
        #expect(Address.zero < Address(precompile: 1))
    }

    /// An address built from its hex digits split 8 ‖ 16 ‖ 16, every byte in its place.
    @Test func addressFromThreeWords() throws {
        let address = Address(high32: 0x0102_0304, middle64: 0x0506_0708_090a_0b0c, low64: 0x0d0e_0f10_1112_1314)
        #expect(address.bytes == Array(1...20))
        #expect(Address(high32: 0, middle64: 0, low64: 0) == .zero)
        #expect(Address(high32: 0, middle64: 0, low64: 0xa4b05) == Address(precompile: 0xa4b05))
    }

    @Test func arbitrumOneConstants() {
        #expect(ArbitrumOne.wrappedNativeToken.checksummed == "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")
        #expect(ArbitrumOne.nativeETHPlaceholder.checksummed == "0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE")
    }

    @Test func hashesParseAndPrint() throws {
        let text = "0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788"
        let hash = try Hash32(hex: text)
        #expect(hash.description == text)
        #expect(try Hash32(hex: text.uppercased().replacingOccurrences(of: "0X", with: "0x")) == hash)
        #expect(throws: Hex.Error.wrongLength(expected: 32, actual: 31)) { try Hash32(hex: String(text.dropLast(2))) }
        #expect(Hash32.zero < hash)
    }

    @Test func hexRoundTripsAndRefusals() throws {
        #expect(try Hex.decode("0x") == [])
        #expect(try Hex.decode("") == [])
        #expect(try Hex.decode("0x00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
        #expect(try Hex.decode("00ff") == [0x00, 0xff])
        #expect(Hex.encode([0x00, 0xff, 0x10, 0xab]) == "0x00ff10ab")
        #expect(throws: Hex.Error.oddLength(3)) { try Hex.decode("0xabc") }
        #expect(throws: Hex.Error.invalidDigit(offset: 3)) { try Hex.decode("0xag") }
    }
}

/// CREATE2 against pools whose addresses real Arbitrum One swap logs prove (shared fixtures,
/// arbitrum-addresses.md): the SushiSwap WETH/USDT pair.
@Suite struct Create2Tests {
    @Test func sushiSwapPairFromItsFactory() throws {
        let weth = try Address(hex: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")
        let usdt = try Address(hex: "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9")
        let (token0, token1) = weth < usdt ? (weth, usdt) : (usdt, weth)
        let salt = Keccak256.hash(token0.bytes + token1.bytes)
        let pair = Address.create2(
            deployer: try Address(hex: "0xc35DADB65012eC5796536bD9864eD8773aBc74C4"), salt: salt,
            initCodeHash: try Hash32(hex: "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303"))
        #expect(pair.checksummed == "0xCB0E5bFa72bBb4d16AB5aA0c60601c438F04b4ad")
    }
}
