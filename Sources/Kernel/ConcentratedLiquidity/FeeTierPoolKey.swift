/// A pool named by its two tokens and fee tier, as Uniswap V3's factory (and the forks that copy
/// it) names it for CREATE2: salt keccak256(abi.encode(token0, token1, uint24 fee)), the tokens
/// sorted. The factory's own plugin and the routers that derive its pools (aggregators' direct
/// forms) share this one definition.
public struct FeeTierPoolKey: Sendable, Equatable {
    /// The lower token.
    public let token0: Address
    /// The higher token.
    public let token1: Address
    /// The fee tier in millionths; its low 24 bits are encoded.
    public let fee: UInt32

    /// The key of `tokenA` and `tokenB` in either order.
    public init(_ tokenA: Address, _ tokenB: Address, fee: UInt32) {
        (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        self.fee = fee
    }

    /// Calls `body` with the salt's 96-byte preimage: the three ABI words.
    public func withPreimage<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            buffer.initialize(repeating: 0)
            let words = UnsafeMutableRawBufferPointer(buffer)
            token0.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: words[12..<32]).copyMemory(from: $0) }
            token1.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: words[44..<64]).copyMemory(from: $0) }
            buffer[93] = UInt8(truncatingIfNeeded: fee >> 16)
            buffer[94] = UInt8(truncatingIfNeeded: fee >> 8)
            buffer[95] = UInt8(truncatingIfNeeded: fee)
            return body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// The CREATE2 salt: keccak256 of the preimage.
    public var salt: Hash32 { withPreimage { Keccak256.hash($0) } }
}
