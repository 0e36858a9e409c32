import Kernel

/// A factory whose pools a router derives by CREATE2 instead of naming them (Augustus V6.2's
/// direct Uniswap swaps, 0x's UniswapV3Feature): the deployer and its pools' init code hash, as
/// the router's own immutables hold them.
struct PoolDeployer: Sendable {
    /// The CREATE2 deployer.
    let address: Address
    /// keccak256 of the pools' creation code.
    let initCodeHash: Hash32
    /// The pools derived so far.
    private let memo = PoolAddressMemo()

    /// The deployer of `factory`, or nil where it has no init code hash.
    init?(_ factory: DEXEntry.Factory) {
        guard let hash = factory.initCodeHash else { return nil }
        address = factory.address
        initCodeHash = hash
    }

    /// The pool whose CREATE2 salt is keccak256 of `preimage`.
    func pool(saltOf preimage: ArraySlice<UInt8>) -> Address {
        preimage.withUnsafeBytes { pool(saltOf: $0) }
    }

    /// The pool whose salt is keccak256 of the 96 bytes of `record` with its first byte cleared
    /// (Augustus V6.2 hashes a pool's token0, token1 and fee words so, the first byte holding
    /// the direction flag).
    func pool(clearingFirstByteOf record: ArraySlice<UInt8>) -> Address {
        withUnsafeTemporaryAllocation(byteCount: 96, alignment: 8) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            record.prefix(96).withUnsafeBytes { buffer.copyMemory(from: $0) }
            buffer[0] = 0
            return pool(saltOf: UnsafeRawBufferPointer(buffer))
        }
    }

    /// The Uniswap V3 pool of `tokenA` and `tokenB` (either order) with fee tier `fee`
    /// (`FeeTierPoolKey`'s salt).
    func uniswapV3Pool(_ tokenA: Address, _ tokenB: Address, fee: UInt32) -> Address {
        FeeTierPoolKey(tokenA, tokenB, fee: fee).withPreimage { pool(saltOf: $0) }
    }

    /// The pool whose salt is keccak256 of `preimage`, from the memo where derived before.
    private func pool(saltOf preimage: UnsafeRawBufferPointer) -> Address {
        memo.pool(of: preimage) {
            Address.create2(deployer: address, salt: Keccak256.hash(preimage), initCodeHash: initCodeHash)
        }
    }
}
