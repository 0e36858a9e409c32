extension Address {
    /// The address `CREATE2` gives a contract: the low 20 bytes of
    /// keccak256(0xff ‖ deployer ‖ salt ‖ initCodeHash). DEX factories deploy pools this way, so
    /// a pool's address follows from its tokens (and fee) without asking the chain.
    public static func create2(deployer: Address, salt: Hash32, initCodeHash: Hash32) -> Address {
        var hasher = Keccak256Hasher()
        hasher.update(byte: 0xff)
        deployer.withUnsafeBytes { hasher.update($0) }
        salt.withUnsafeBytes { hasher.update($0) }
        initCodeHash.withUnsafeBytes { hasher.update($0) }
        return Address(lowBytesOf: hasher.finalize())
    }
}
