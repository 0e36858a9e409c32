import Kernel

/// Derives Algebra pool addresses as the AlgebraPoolDeployer deploys them: CREATE2 with salt
/// keccak256(abi.encode(token0, token1)), each sorted address in a 32-byte word.
struct AlgebraPoolAddressDeriver {
    /// The pool deployer.
    let deployer: Address
    /// The pool contract's init code hash.
    let initCodeHash: Hash32

    /// The pool of two tokens in either order; nil for identical tokens or the zero address.
    func address(_ tokenA: Address, _ tokenB: Address) -> Address? {
        let (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        guard token0 != token1, token0 != .zero else { return nil }
        var hasher = Keccak256Hasher()
        func absorbWord(_ token: Address) {
            for _ in 0..<12 { hasher.update(byte: 0) }
            token.withUnsafeBytes { hasher.update($0) }
        }
        absorbWord(token0)
        absorbWord(token1)
        return Address.create2(deployer: deployer, salt: hasher.finalize(), initCodeHash: initCodeHash)
    }
}
