// The fixture loaders, field readers and seeded generator shared by every test target.
@_exported import TestSupport
import Foundation
import Kernel
import Testing
import UniswapV3

/// Addresses on Arbitrum One (shared/fixtures/arbitrum-addresses.md).
enum Arbitrum {
    static let uniswapFactory = address("0x1F98431c8aD98523631AE4a59f267346ea31F984")
    static let uniswapInitCodeHash = hash("0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")
    static let pancakeDeployer = address("0x41ff9AA7e16B8B1a8a8dc4f0eFacd93D02d071c9")
    static let pancakeInitCodeHash = hash("0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2")
    static let swapRouter = address("0xE592427A0AEce92De3Edee1F18E0157C05861564")
    static let swapRouter02 = address("0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45")
    static let universalRouters: [(String, Address, String)] = [
        ("UniversalRouterV1", address("0x4C60051384bd2d3C01bfc845cf5F4b44bcbE9de5"), "1"),
        ("UniversalRouterV1_2 (first)", address("0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD"), "1.2"),
        ("UniversalRouterV1_2_NoV2Support", address("0xeC8B0F7Ffe3ae75d7FfAb09429e3675bb63503e4"), "1.2"),
        ("UniversalRouterV1_2_V2Support", address("0x5E325eDA8064b456f4781070C0738d849c824258"), "1.2"),
        ("UniversalRouterV2", address("0xa51afafe0263b40edaef0df8781ea9aa03e381a3"), "2"),
    ]
    /// WETH/USDC 0.05%, token0 WETH, token1 USDC.
    static let wethUsdcPool = address("0xC6962004f452bE9203591991D15f6b388e09E8D0")
    static let weth = ArbitrumOne.wrappedNativeToken
    static let usdc = address("0xaf88d065e77c8cC2239327C5EDb3A432268e5831")

    /// The Uniswap V3 entry the tests decode with: every router on Arbitrum and one pool.
    static func uniswapEntry(fees: [UInt32] = [100, 500, 3000, 10000]) -> DEXEntry {
        var routers = [
            DEXEntry.Router(name: "SwapRouter", address: swapRouter, kind: "swap-router", version: nil),
            DEXEntry.Router(name: "SwapRouter02", address: swapRouter02, kind: "swap-router-02", version: nil),
        ]
        routers += universalRouters.map { DEXEntry.Router(name: $0.0, address: $0.1, kind: "universal-router", version: $0.2) }
        return DEXEntry(name: "uniswap-v3", plugin: "uniswap-v3", enabled: true, routers: routers,
                        factories: [.init(address: uniswapFactory, initCodeHash: uniswapInitCodeHash)], fees: fees,
                        pools: [.init(name: "WETH/USDC 0.05%", address: wethUsdcPool, coins: [weth, usdc], kind: nil)])
    }

    /// PancakeSwap V3 as an entry of the same plugin: its pool deployer and init code hash, no routers.
    static let pancakeEntry = DEXEntry(
        name: "pancakeswap-v3", plugin: "uniswap-v3", enabled: true, routers: [],
        factories: [.init(address: pancakeDeployer, initCodeHash: pancakeInitCodeHash)], fees: [100, 500, 2500, 10000], pools: [])

    /// An address constant, parsed case-insensitively (a typo fails the tests that use it).
    static func address(_ text: String) -> Address {
        (try? Address(hex: text.lowercased())) ?? .zero
    }

    static func hash(_ text: String) -> Hash32 {
        (try? Hash32(hex: text)) ?? .zero
    }
}

/// Decoded JSON values of the vectors, as Kernel types.
enum Parse {
    static func address(_ value: Any?) throws -> Address {
        guard let text = value as? String else { throw FixtureError("not an address: \(String(describing: value))") }
        return try Address(hex: text)
    }

    static func uint(_ value: Any?) throws -> UInt256 {
        guard let text = value as? String, let number = UInt256(decimal: text) else {
            throw FixtureError("not a decimal: \(String(describing: value))")
        }
        return number
    }

    static func bytes(_ value: Any?) throws -> [UInt8] {
        guard let text = value as? String else { throw FixtureError("not hex: \(String(describing: value))") }
        return try Hex.decode(text)
    }

    /// A call `{to, data, value}`.
    static func call(_ object: [String: Any]) throws -> ContractCall {
        ContractCall(to: try address(object["to"]), data: try bytes(object["data"])[...], value: try uint(object["value"]))
    }

    /// An expectation `{function, legs: [...]}` or null.
    static func expectation(_ value: Any?) throws -> DecodedSwap? {
        guard let object = value as? [String: Any] else { return nil }
        guard let function = object["function"] as? String, let legs = object["legs"] as? [[String: Any]] else {
            throw FixtureError("bad expectation \(object)")
        }
        return DecodedSwap(function: function, legs: try legs.map(leg))
    }

    static func leg(_ object: [String: Any]) throws -> SwapLeg {
        guard let dex = object["dex"] as? String, let hops = object["hops"] as? [[String: Any]] else {
            throw FixtureError("bad leg \(object)")
        }
        let amount: SwapAmount
        if object["amount"] as? String == "routerBalance" {
            amount = .exactInRouterBalance
        } else if let fixed = object["amount"] as? [String: String], let (kind, value) = fixed.first {
            amount = kind == "exactIn" ? .exactIn(try uint(value)) : .exactOut(try uint(value))
        } else {
            throw FixtureError("bad amount in \(object)")
        }
        return SwapLeg(dex: dex, hops: try hops.map(hop), amount: amount,
                       limit: object["limit"] is NSNull ? nil : try uint(object["limit"]),
                       recipient: try address(object["recipient"]),
                       deadline: object["deadline"] is NSNull ? nil : try uint(object["deadline"]),
                       allowRevert: object["allowRevert"] as? Bool ?? false)
    }

    static func hop(_ object: [String: Any]) throws -> SwapHop {
        let tokenIn = object["tokenIn"] is NSNull ? nil : try address(object["tokenIn"])
        let tokenOut = object["tokenOut"] is NSNull ? nil : try address(object["tokenOut"])
        let priceLimit = object["sqrtPriceLimitX96"] == nil ? nil : try uint(object["sqrtPriceLimitX96"])
        if let pool = object["pool"] {
            return SwapHop(tokenIn: tokenIn, tokenOut: tokenOut,
                           pool: .pool(try address(pool), zeroForOne: object["zeroForOne"] as? Bool ?? false), sqrtPriceLimitX96: priceLimit)
        }
        return SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: (object["fee"] as? NSNumber)?.uint32Value),
                       sqrtPriceLimitX96: priceLimit)
    }
}

/// The decoder of the test entry.
func uniswapDecoder() throws -> any SwapDecoder {
    try UniswapV3Plugin(entry: Arbitrum.uniswapEntry()).decoder
}

/// `transaction`'s call: to, calldata, value.
func contractCall(_ transaction: Transaction) throws -> ContractCall {
    guard let to = transaction.to else { throw FixtureError("transaction \(transaction.hash) creates a contract") }
    return ContractCall(to: to, data: transaction.data, value: transaction.value)
}
