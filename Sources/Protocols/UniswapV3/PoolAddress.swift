import Kernel

/// Where a Uniswap V3 factory (or PancakeSwap V3's pool deployer) puts a pool: CREATE2 of the
/// deployer, salt `keccak256(abi.encode(token0, token1, uint24 fee))` with the tokens sorted,
/// and the pool's init code hash (Uniswap's `PoolAddress.computeAddress`).
struct PoolAddress: Sendable {
    /// The CREATE2 deployer: the factory for Uniswap, the pool deployer for PancakeSwap.
    let deployer: Address
    /// keccak256 of the pool's creation code.
    let initCodeHash: Hash32

    /// The pool of `tokenA` and `tokenB` (either order) with fee tier `fee` (millionths); nil
    /// for identical tokens or a fee wider than 24 bits.
    func pool(_ tokenA: Address, _ tokenB: Address, fee: UInt32) -> Address? {
        guard tokenA != tokenB, fee < 1 << 24 else { return nil }
        let (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        var hasher = Keccak256Hasher()
        let zeros: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeBytes(of: zeros) { zero in
            hasher.update(UnsafeRawBufferPointer(rebasing: zero[0..<12]))
            token0.withUnsafeBytes { hasher.update($0) }
            hasher.update(UnsafeRawBufferPointer(rebasing: zero[0..<12]))
            token1.withUnsafeBytes { hasher.update($0) }
            hasher.update(UnsafeRawBufferPointer(rebasing: zero[0..<29]))
        }
        hasher.update(byte: UInt8(truncatingIfNeeded: fee >> 16))
        hasher.update(byte: UInt8(truncatingIfNeeded: fee >> 8))
        hasher.update(byte: UInt8(truncatingIfNeeded: fee))
        return Address.create2(deployer: deployer, salt: hasher.finalize(), initCodeHash: initCodeHash)
    }
}
