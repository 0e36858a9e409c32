import Curve
import Kernel

/// One `mevbot quote` input line: a pool state and a swap on it, in the shape of its plugin.
/// The README documents every field.
enum QuoteRequest: Decodable {
    /// A Uniswap V2 pair (and forks): exact input or exact output.
    case uniswapV2(V2PoolFields, zeroForOne: Bool, amount: ExactAmount)
    /// A Camelot V2 pair, volatile or stable: exact input.
    case camelotV2(CamelotV2PoolFields, zeroForOne: Bool, amountIn: UInt256)
    /// A Uniswap V3 or Camelot V3 (Algebra) pool: the pool's own `swap` arguments.
    case concentrated(ConcentratedPoolFields, zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256)
    /// A Curve StableSwap pool: `exchange(i, j, dx)`.
    case curve(CurvePoolFields, i: Int, j: Int, dx: UInt256)

    /// An exact input or an exact output amount.
    enum ExactAmount {
        case input(UInt256)
        case output(UInt256)
    }

    private enum Keys: String, CodingKey {
        case pool, plugin, zeroForOne, amountIn, amountOut, amountSpecified, sqrtPriceLimitX96, i, j, dx
    }

    init(from decoder: any Decoder) throws {
        let line = try decoder.container(keyedBy: Keys.self)
        let plugin = try line.nestedContainer(keyedBy: Keys.self, forKey: .pool).decode(String.self, forKey: .plugin)
        switch plugin {
        case "uniswap-v2":
            let amount: ExactAmount
            switch (try line.decodeIfPresent(DecimalUInt256.self, forKey: .amountIn), try line.decodeIfPresent(DecimalUInt256.self, forKey: .amountOut)) {
            case (let amountIn?, nil): amount = .input(amountIn.value)
            case (nil, let amountOut?): amount = .output(amountOut.value)
            default:
                throw Swift.DecodingError.dataCorrupted(.init(codingPath: [Keys.amountIn], debugDescription: "give exactly one of amountIn and amountOut"))
            }
            self = .uniswapV2(try line.decode(V2PoolFields.self, forKey: .pool), zeroForOne: try line.decode(Bool.self, forKey: .zeroForOne), amount: amount)
        case "camelot-v2":
            self = .camelotV2(
                try line.decode(CamelotV2PoolFields.self, forKey: .pool),
                zeroForOne: try line.decode(Bool.self, forKey: .zeroForOne),
                amountIn: try line.decode(DecimalUInt256.self, forKey: .amountIn).value
            )
        case "uniswap-v3", "camelot-v3":
            self = .concentrated(
                try line.decode(ConcentratedPoolFields.self, forKey: .pool),
                zeroForOne: try line.decode(Bool.self, forKey: .zeroForOne),
                amountSpecified: try line.decode(DecimalInt256.self, forKey: .amountSpecified).value,
                sqrtPriceLimitX96: try line.decode(DecimalUInt256.self, forKey: .sqrtPriceLimitX96).value
            )
        case "curve":
            self = .curve(
                try line.decode(CurvePoolFields.self, forKey: .pool),
                i: try line.decode(JSONInteger<Int>.self, forKey: .i).value,
                j: try line.decode(JSONInteger<Int>.self, forKey: .j).value,
                dx: try line.decode(DecimalUInt256.self, forKey: .dx).value
            )
        default:
            throw Swift.DecodingError.dataCorrupted(.init(
                codingPath: [Keys.pool, Keys.plugin],
                debugDescription: "unknown plugin \"\(plugin)\" (uniswap-v2, camelot-v2, uniswap-v3, camelot-v3, curve)"
            ))
        }
    }
}

/// `pool` of a uniswap-v2 line.
struct V2PoolFields: Decodable {
    /// The pair's reserves.
    let reserve0, reserve1: DecimalUInt256
    /// The fee in millionths (3000 = 0.3 %).
    let fee: JSONInteger<UInt32>
}

/// `pool` of a camelot-v2 line.
struct CamelotV2PoolFields: Decodable {
    /// The pair's reserves.
    let reserve0, reserve1: DecimalUInt256
    /// The fee percents over 100,000, for token0 and token1 as input.
    let token0Fee, token1Fee: JSONInteger<UInt32>
    /// Whether the pair is a stable-swap pair.
    let stable: Bool
    /// The tokens' decimals.
    let decimals0, decimals1: JSONInteger<UInt8>
}

/// `pool` of a uniswap-v3 or camelot-v3 line.
struct ConcentratedPoolFields: Decodable {
    /// `uniswap-v3` or `camelot-v3`.
    let plugin: String
    /// slot0 (globalState for Algebra) price and tick.
    let sqrtPriceX96: DecimalUInt256
    let tick: JSONInteger<Int32>
    /// The active liquidity.
    let liquidity: DecimalUInt256
    /// The fee in millionths for this swap.
    let fee: JSONInteger<UInt32>
    /// The pool's tick spacing.
    let tickSpacing: JSONInteger<Int32>
    /// The initialized ticks and their liquidityNet.
    let ticks: [TickEntry]

    /// `[tick, "liquidityNet"]`.
    struct TickEntry: Decodable {
        let tick: Int32
        let liquidityNet: Int256

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            tick = try pair.decode(JSONInteger<Int32>.self).value
            liquidityNet = try pair.decode(DecimalInt256.self).value
            guard pair.isAtEnd else {
                throw Swift.DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected [tick, \"liquidityNet\"]"))
            }
        }
    }
}

/// `pool` of a curve line.
struct CurvePoolFields: Decodable {
    /// Which StableSwap contract the pool runs.
    let variant: Variant
    /// `A_precise()`.
    let A: DecimalUInt256
    /// The fee over 10^10.
    let fee: DecimalUInt256
    /// The NG pools' off-peg fee multiplier over 10^10.
    let offpegFeeMultiplier: DecimalUInt256?
    /// The admin fee over 10^10; 5000000000 when absent.
    let adminFee: DecimalUInt256?
    /// The rates as the pool stores them.
    let rates: [DecimalUInt256]
    /// `balances(i)`.
    let balances: [DecimalUInt256]

    /// A `CurveStableSwapVariant` by its name, refusing others with the list of names.
    struct Variant: Decodable {
        let value: CurveStableSwapVariant

        init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            guard let value = CurveStableSwapVariant(rawValue: name) else {
                let names = CurveStableSwapVariant.allCases.map(\.rawValue).joined(separator: ", ")
                throw Swift.DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown variant \"\(name)\" (\(names))"))
            }
            self.value = value
        }
    }
}
