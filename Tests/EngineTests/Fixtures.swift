import Foundation
import Kernel

/// The real arbitrages of `arbitrum-arbitrage-cycles-2023.jsonl`: each cycle as its legs.
struct RealArbitrages {
    /// One leg as the study recorded it.
    struct Leg: Decodable {
        let pool: Address
        let family: String
        let tokenIn: Address
        let tokenOut: Address

        enum CodingKeys: String, CodingKey { case pool, family = "protocol", tokenIn, tokenOut }

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            pool = try Address(hex: fields.decode(String.self, forKey: .pool))
            family = try fields.decode(String.self, forKey: .family)
            tokenIn = try Address(hex: fields.decode(String.self, forKey: .tokenIn))
            tokenOut = try Address(hex: fields.decode(String.self, forKey: .tokenOut))
        }
    }

    private struct Record: Decodable {
        let cycles: [[Leg]]
    }

    /// The pool families the engine prices: `Uniswap V2` (forks included), `Uniswap V3`, `Curve`;
    /// the other family in the file, `Balancer V2`, is left out.
    static let enabledFamilies: Set = ["Uniswap V2", "Uniswap V3", "Curve"]

    /// Every cycle of every transaction, in file order.
    let cycles: [[Leg]]

    init() throws {
        let lines = String(decoding: try Fixture.data("arbitrum-arbitrage-cycles-2023.jsonl"), as: UTF8.self)
            .split(separator: "\n").dropFirst()
        let decoder = JSONDecoder()
        cycles = try lines.flatMap { try decoder.decode(Record.self, from: Data($0.utf8)).cycles }
    }

    /// Whether every leg of `cycle` is in an enabled family.
    static func isEnabled(_ cycle: [Leg]) -> Bool {
        cycle.allSatisfy { enabledFamilies.contains($0.family) }
    }

    /// The pools of the enabled families' legs, each with the tokens its legs swap, ordered by
    /// address (token0 < token1 as V2 and V3 pools order them; the file does not give Curve's
    /// coin order, and no check here depends on it).
    var enabledPools: [PoolSpec] {
        var tokens: [Address: Set<Address>] = [:]
        for leg in cycles.joined() where Self.enabledFamilies.contains(leg.family) {
            tokens[leg.pool, default: []].formUnion([leg.tokenIn, leg.tokenOut])
        }
        return tokens.map { PoolSpec(address: $0.key, tokens: $0.value.sorted()) }.sorted { $0.address < $1.address }
    }
}

/// The 221 pools of `arbitrum-pools-block247867692-topology.json`.
struct RealPoolTopology: Decodable {
    struct Pool: Decodable {
        let address: String
        let dex: String
        let token0: String
        let token1: String
    }

    let pools: [Pool]

    init() throws {
        self = try JSONDecoder().decode(Self.self, from: Fixture.data("arbitrum-pools-block247867692-topology.json"))
    }

    /// The pools with their two tokens in on-chain order.
    func specs() throws -> [PoolSpec] {
        try pools.map { PoolSpec(address: try Address(hex: $0.address), tokens: [try Address(hex: $0.token0), try Address(hex: $0.token1)]) }
    }
}
