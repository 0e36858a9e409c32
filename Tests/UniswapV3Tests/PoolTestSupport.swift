import Foundation
import Kernel
import Testing
import UniswapV3

extension Parse {
    /// A signed decimal string.
    static func int(_ value: Any?) throws -> Int256 {
        guard let text = value as? String, let number = Int256(decimal: text) else {
            throw FixtureError("not a signed decimal: \(String(describing: value))")
        }
        return number
    }

    /// A tick given as a JSON number or a decimal string.
    static func tick(_ value: Any?) throws -> Int32 {
        if let number = value as? Int, let tick = Int32(exactly: number) { return tick }
        if let text = value as? String, let tick = Int32(text) { return tick }
        throw FixtureError("not a tick: \(String(describing: value))")
    }
}

/// Pools built from the real tick tables in `Fixtures/` (pool_snapshots).
enum Snapshot {
    /// The snapshot file's pool: its state and every initialized tick.
    static func pool(_ name: String) throws -> (pool: UniswapV3Pool, json: [String: Any]) {
        let json = try Fixture.json(name)
        guard let state = json["state"] as? [String: Any], let rows = json["ticks"] as? [[String: Any]],
              let fee = json["fee"] as? Int, let spacing = json["tickSpacing"] as? Int
        else { throw FixtureError("\(name): no state, ticks, fee or tickSpacing") }
        let entries = try rows.map { row in
            TickTable.Entry(tick: try Parse.tick(row["tick"]), liquidityNet: try Parse.int(row["liquidityNet"]),
                            liquidityGross: try Parse.uint(row["liquidityGross"]))
        }
        let token0 = (json["token0"] as? [String: Any])?["address"]
        let token1 = (json["token1"] as? [String: Any])?["address"]
        let pool = try UniswapV3Pool(
            address: (try? Parse.address(json["pool"])) ?? .zero, token0: try Parse.address(token0), token1: try Parse.address(token1),
            fee: UInt32(fee), tickSpacing: Int32(spacing), sqrtPriceX96: try Parse.uint(state["sqrtPriceX96"]),
            tick: try Parse.tick(state["tick"]), liquidity: try Parse.uint(state["liquidity"]), ticks: try TickTable(entries))
        return (pool, json)
    }
}

/// A pool with no initialized ticks and the given state, for hand-made cases.
func plainPool(sqrtPriceX96: UInt256, liquidity: UInt256, fee: UInt32 = 3000, tickSpacing: Int32 = 60,
               ticks: [TickTable.Entry] = []) throws -> UniswapV3Pool {
    try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: fee, tickSpacing: tickSpacing,
                      sqrtPriceX96: sqrtPriceX96, tick: try TickMath.tick(atSqrtRatio: sqrtPriceX96),
                      liquidity: liquidity, ticks: try TickTable(ticks))
}

/// 2^96: price 1.
let priceOne = UInt256(0, 1 << 32, 0, 0)
/// 2^128.
let twoTo128 = UInt256(0, 0, 1, 0)
/// No price limit going down.
let lowestLimit = TickMath.minSqrtRatio &+ .one
/// No price limit going up.
let highestLimit = TickMath.maxSqrtRatio &- .one
