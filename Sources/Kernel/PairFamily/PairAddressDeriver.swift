/// Derives V2 pair addresses as UniswapV2Factory deploys them: CREATE2 by the factory with salt
/// keccak256(token0 ‖ token1), the two sorted addresses packed (40 bytes).
struct PairAddressDeriver: Sendable {
    /// The factory.
    let factory: Address
    /// The pair contract's init code hash.
    let initCodeHash: Hash32

    /// A deriver for `factory`'s pairs.
    init(factory: Address, initCodeHash: Hash32) {
        self.factory = factory
        self.initCodeHash = initCodeHash
    }

    /// The pair of two tokens in either order; nil for identical tokens or the zero address.
    func address(_ tokenA: Address, _ tokenB: Address) -> Address? {
        let (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        guard token0 != token1, token0 != .zero else { return nil }
        var hasher = Keccak256Hasher()
        token0.withUnsafeBytes { hasher.update($0) }
        token1.withUnsafeBytes { hasher.update($0) }
        return Address.create2(deployer: factory, salt: hasher.finalize(), initCodeHash: initCodeHash)
    }
}
