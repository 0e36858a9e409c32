import Kernel

/// Loads a V2 pair in one call: `getReserves()`. The tokens and the fee come from dex.yaml (the
/// pair address is derived from its tokens, and forks fix the fee in code).
public struct UniswapV2StateLoader: PoolStateLoader {
    /// The pair.
    public let address: Address
    /// token0 and token1 in the pair's order.
    public let token0: Address, token1: Address
    /// The entry's fee.
    public let fee: PairFee
    private var reserves: (UInt256, UInt256)?

    /// A loader for the pair at `address`.
    public init(address: Address, token0: Address, token1: Address, fee: PairFee) {
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.fee = fee
    }

    /// `getReserves()` until it is answered.
    public func pendingCalls() -> [StateCall] {
        reserves == nil ? [StateCall(to: address, signature: "getReserves()")] : []
    }

    /// Reads `(uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)`.
    public mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        guard reserves == nil else { return }
        guard answers.count == 1 else { throw .invalidState("getReserves(): \(answers.count) answers for 1 call") }
        let reader = ABIReader(answers[0][...])
        reserves = try PoolError.decoding { () throws(DecodingError) in
            let reserve0 = try reader.uint(0, bits: 112, field: "getReserves().reserve0")
            let reserve1 = try reader.uint(1, bits: 112, field: "getReserves().reserve1")
            _ = try reader.uint(2, bits: 32, field: "getReserves().blockTimestampLast")
            return (reserve0, reserve1)
        }
    }

    /// The pair with the reserves read.
    public func pool() throws(PoolError) -> UniswapV2Pool {
        guard let reserves else { throw .invalidState("getReserves() not answered yet") }
        return try UniswapV2Pool(address: address, token0: token0, token1: token1, reserve0: reserves.0, reserve1: reserves.1, fee: fee)
    }
}
