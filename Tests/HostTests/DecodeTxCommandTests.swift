@testable import Host
import Kernel
import Testing

/// `decode-tx`'s line format: one output line per input line, stable keys, errors as objects.
@Suite struct DecodeTxCommandTests {
    /// The EIP-155 worked example (legacy, chain id 1) from ethereum/EIPs `EIPS/eip-155.md`.
    static let eip155 = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"

    @Test func legacyTransactionLineWithSender() {
        var decoder = TransactionLineDecoder(recoverSenders: true)
        #expect(decoder.decode(line: Self.eip155) == """
            {"hash":"0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788","type":"0x0","chainId":"0x1",\
            "nonce":"0x9","from":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","to":"0x3535353535353535353535353535353535353535",\
            "value":"0xde0b6b3a7640000","gas":"0x5208","gasPrice":"0x4a817c800","data":"0x"}
            """)
    }

    @Test func senderOnlyWhenAskedForSignedTypes() {
        var decoder = TransactionLineDecoder(recoverSenders: false)
        #expect(!decoder.decode(line: Self.eip155).contains("\"from\""))
    }

    @Test func badLinesGiveOneErrorObjectEach() {
        var decoder = TransactionLineDecoder(recoverSenders: false)
        #expect(decoder.decode(line: "") == #"{"error":{"kind":"empty","offset":0,"message":"empty at byte 0"}}"#)
        #expect(decoder.decode(line: "0xzz") == #"{"error":{"kind":"hex","offset":2,"message":"not a hex digit at character 2"}}"#)
        #expect(decoder.decode(line: "0x123") == #"{"error":{"kind":"hex","offset":0,"message":"odd number of hex digits (3)"}}"#)
        #expect(decoder.decode(line: "0x05c0") == #"{"error":{"kind":"unknownType","offset":0,"message":"unknownType in type at byte 0"}}"#)
        #expect(decoder.decode(line: String(Self.eip155.dropLast(2))).hasPrefix(#"{"error":{"kind":"truncated","offset":0,"#))
        #expect(decoder.tally.errors == 5)
        // And decoding goes on after errors.
        #expect(decoder.decode(line: "  " + Self.eip155 + " ").hasPrefix(#"{"hash":"0x33469b22"#))
    }

    @Test func arbitrumInternalTransactionCarriesItsOwnSender() {
        var decoder = TransactionLineDecoder(recoverSenders: false)
        let line = decoder.decode(line: "0x6ac30181e4")
        #expect(line == """
            {"hash":"0xb933f0df66dcba951b4c9cdd88f4841df6a0c4a62aba6541d2708f81fa8b5c17","type":"0x6a","chainId":"0x1",\
            "nonce":"0x0","from":"0x00000000000000000000000000000000000A4B05","to":"0x00000000000000000000000000000000000A4B05",\
            "value":"0x0","gas":"0x0","gasPrice":"0x0","data":"0xe4"}
            """)
    }

    @Test func summaryCountsByType() {
        var decoder = TransactionLineDecoder(recoverSenders: true)
        _ = decoder.decode(line: Self.eip155)
        _ = decoder.decode(line: "0x6ac30181e4")
        _ = decoder.decode(line: "nonsense")
        #expect(decoder.tally.rendered.rendered
            == #"{"transactions":2,"errors":1,"sendersRecovered":1,"byType":{"0x0":1,"0x6a":1}}"#)
    }
}
