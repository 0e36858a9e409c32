/// An ECDSA signature over secp256k1 as a transaction carries it, checked by the chain's rules.
public struct Signature: Sendable, Equatable {
    /// The r value.
    public var r: UInt256
    /// The s value, in the lower half of the curve order.
    public var s: UInt256
    /// The recovery id: 0 or 1.
    public var yParity: UInt8
    /// `v` as encoded: 27/28 or `chainId * 2 + 35 + yParity` for legacy, the parity for typed ones.
    public var v: UInt256

    /// The order n of the secp256k1 group.
    @usableFromInline
    static let curveOrder = UInt256(words: (0xBFD2_5E8C_D036_4141, 0xBAAE_DCE6_AF48_A03B, 0xFFFF_FFFF_FFFF_FFFE, 0xFFFF_FFFF_FFFF_FFFF))
    /// n / 2, the largest s the chain accepts since Homestead (EIP-2).
    @usableFromInline
    static let halfCurveOrder = UInt256(words: (0xDFE9_2F46_681B_20A0, 0x5D57_6E73_57A4_501D, 0xFFFF_FFFF_FFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF))

    /// The signature of a typed transaction (`v` is the parity), from values a signer produced.
    /// They must meet the chain's rules (0 < r < n, 0 < s <= n/2, yParity 0 or 1): breaking them
    /// is a programming error and traps. Signatures read from outside go through
    /// `TransactionDecoder`, which checks them and throws.
    public init(r: UInt256, s: UInt256, yParity: UInt8) {
        precondition(yParity <= 1 && !r.isZero && r < Self.curveOrder && !s.isZero && s <= Self.halfCurveOrder,
                     "Signature(r:s:yParity:) needs values that meet the chain's rules")
        self.r = r
        self.s = s
        self.yParity = yParity
        self.v = UInt256(UInt64(yParity))
    }

    /// Creates a signature after checking it as go-ethereum's `ValidateSignatureValues` does with
    /// Homestead rules: 0 < r < n, 0 < s <= n/2, recovery id 0 or 1. `offset` is the byte offset of
    /// the signature's first field, for the error.
    @inlinable
    init(r: UInt256, s: UInt256, yParity: UInt256, v: UInt256, offset: Int) throws(DecodingError) {
        guard yParity <= .one else { throw DecodingError(.invalidSignature, at: offset, field: "yParity") }
        guard !r.isZero, r < Self.curveOrder else { throw DecodingError(.invalidSignature, at: offset, field: "r") }
        guard !s.isZero, s <= Self.halfCurveOrder else { throw DecodingError(.invalidSignature, at: offset, field: "s") }
        self.r = r
        self.s = s
        self.yParity = UInt8(truncatingIfNeeded: yParity.low64)
        self.v = v
    }
}
