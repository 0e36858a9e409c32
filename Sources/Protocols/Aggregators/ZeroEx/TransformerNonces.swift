import Kernel

/// Which deployment nonces of the transformer deployer name a FillQuoteTransformer.
///
/// A transformation names its transformer by the nonce the deployer created it with; the
/// address is keccak256(rlp([deployer, nonce])), a hash per transformation. The deployer's
/// first `precomputed` nonces are derived once, at start, into a set (0x's deployer on Arbitrum
/// One has used a few dozen); a nonce past them is derived when it is met.
struct TransformerNonces: Sendable {
    /// The nonces derived at start.
    static let precomputed: UInt64 = 1_024

    /// The deployer.
    private let deployer: Address?
    /// The FillQuoteTransformers.
    private let transformers: RouterAddresses
    /// Those of the first `precomputed` nonces that created one.
    private let fillQuoteNonces: Set<UInt64>

    /// The nonces of `transformers` created by `deployer` (none without a deployer).
    init(deployer: Address?, transformers: RouterAddresses) {
        self.deployer = deployer
        self.transformers = transformers
        fillQuoteNonces = deployer.map { deployer in
            Set((0..<Self.precomputed).filter { transformers.contains(Self.createAddress(deployer, nonce: $0)) })
        } ?? []
    }

    /// Whether the transformer created at `nonce` is a FillQuoteTransformer.
    func isFillQuote(_ nonce: UInt64) -> Bool {
        guard let deployer else { return false }
        guard nonce >= Self.precomputed else { return fillQuoteNonces.contains(nonce) }
        return transformers.contains(Self.createAddress(deployer, nonce: nonce))
    }

    /// The address `deployer` creates with CREATE at `nonce`: the low 20 bytes of
    /// keccak256(rlp([deployer, nonce])).
    static func createAddress(_ deployer: Address, nonce: UInt64) -> Address {
        var writer = RLPWriter()
        writer.appendList { list in
            list.append(deployer)
            list.append(nonce)
        }
        return Address(lowBytesOf: Keccak256.hash(writer.bytes))
    }
}
