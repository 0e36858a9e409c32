import Kernel
import Testing
@testable import Aggregators

/// The deployer's memo of derived pools: every answer is the CREATE2 address of its salt,
/// whether derived or remembered, across preimage lengths and past the memo's capacity.
@Suite struct PoolAddressMemoTests {
    @Test func rememberedPoolsAreTheDerivedOnes() throws {
        let factory = DEXEntry.Factory(address: Address(precompile: 0x1F98), initCodeHash: Keccak256.hash([UInt8]("pool".utf8)))
        let deployer = try #require(PoolDeployer(factory))
        let hash = try #require(factory.initCodeHash)
        var random = SystemRandomNumberGenerator()
        // More preimages than the memo holds, each asked twice, some as prefixes of each other.
        var preimages: [[UInt8]] = []
        for _ in 0..<(PoolAddressMemo.capacity + 500) {
            let bytes = (0..<96).map { _ in UInt8.random(in: 0...3, using: &random) }
            preimages.append(bytes)
            preimages.append(Array(bytes.prefix(40)))
        }
        preimages.append([UInt8](repeating: 7, count: 120))
        for round in 0..<2 {
            for preimage in preimages {
                let expected = Address.create2(deployer: factory.address, salt: Keccak256.hash(preimage), initCodeHash: hash)
                #expect(deployer.pool(saltOf: preimage[...]) == expected, "round \(round), \(preimage.count) bytes")
            }
        }
    }

    @Test func uniswapV3PoolsFollowTheFactoryScheme() throws {
        let factory = DEXEntry.Factory(address: Address(precompile: 0x1F98), initCodeHash: Keccak256.hash([UInt8]("v3".utf8)))
        let deployer = try #require(PoolDeployer(factory))
        let (a, b) = (Address(precompile: 0xA0), Address(precompile: 0x0B))
        var preimage = [UInt8](repeating: 0, count: 96)
        b.withUnsafeBytes { for (k, byte) in $0.enumerated() { preimage[12 + k] = byte } }
        a.withUnsafeBytes { for (k, byte) in $0.enumerated() { preimage[44 + k] = byte } }
        preimage[94] = 0x0B
        preimage[95] = 0xB8
        let expected = deployer.pool(saltOf: preimage[...])
        for _ in 0..<2 {
            #expect(deployer.uniswapV3Pool(a, b, fee: 3000) == expected)
            #expect(deployer.uniswapV3Pool(b, a, fee: 3000) == expected)
            #expect(deployer.uniswapV3Pool(a, b, fee: 500) != expected)
        }
    }
}
