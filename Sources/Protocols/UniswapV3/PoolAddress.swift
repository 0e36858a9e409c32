import Kernel

/// Where a Uniswap V3 factory (or PancakeSwap V3's pool deployer) puts a pool: CREATE2 of the
/// deployer, the salt of `FeeTierPoolKey` and the pool's init code hash (Uniswap's
/// `PoolAddress.computeAddress`).
struct PoolAddress: Sendable {
    /// The CREATE2 deployer: the factory for Uniswap, the pool deployer for PancakeSwap.
    let deployer: Address
    /// keccak256 of the pool's creation code.
    let initCodeHash: Hash32

    /// The pool of `tokenA` and `tokenB` (either order) with fee tier `fee` (millionths); nil
    /// for identical tokens or a fee wider than 24 bits.
    func pool(_ tokenA: Address, _ tokenB: Address, fee: UInt32) -> Address? {
        guard tokenA != tokenB, fee < 1 << 24 else { return nil }
        return Address.create2(deployer: deployer, salt: FeeTierPoolKey(tokenA, tokenB, fee: fee).salt, initCodeHash: initCodeHash)
    }
}
