/// The EIP-2718 type of a transaction: Ethereum's and the ones Arbitrum Nitro adds.
public enum TransactionType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// A legacy RLP list, with (EIP-155) or without a chain id in `v`.
    case legacy = 0x00
    /// EIP-2930: access list, gas price.
    case accessList = 0x01
    /// EIP-1559: priority fee and fee cap.
    case dynamicFee = 0x02
    /// EIP-4844: blob-carrying. Decoded but flagged: Arbitrum does not accept blob transactions.
    case blob = 0x03
    /// EIP-7702: set-code, with an authorization list.
    case setCode = 0x04
    /// Arbitrum: an ETH deposit from L1 (unsigned, minted by ArbOS).
    case arbitrumDeposit = 0x64
    /// Arbitrum: an unsigned L1-to-L2 user call.
    case arbitrumUnsigned = 0x65
    /// Arbitrum: an unsigned L1-to-L2 contract call.
    case arbitrumContract = 0x66
    /// Arbitrum: the automatic redeem of a retryable ticket.
    case arbitrumRetry = 0x68
    /// Arbitrum: the creation of a retryable ticket from L1.
    case arbitrumSubmitRetryable = 0x69
    /// Arbitrum: ArbOS's own start-of-block and batch-posting-report transactions.
    case arbitrumInternal = 0x6a

    /// True for the types that carry an ECDSA signature.
    public var isSigned: Bool { rawValue <= 0x04 }

    /// True for the types Arbitrum Nitro adds.
    var isArbitrum: Bool { rawValue >= 0x64 }

    /// `0x` and the type number in hex, as JSON-RPC prints it.
    public var description: String { "0x" + String(rawValue, radix: 16) }
}
