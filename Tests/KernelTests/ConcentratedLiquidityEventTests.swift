import Kernel
import Testing

/// `ConcentratedLiquidityEvent.decode`: the Swap, Mint and Burn logs Uniswap V3 and Algebra
/// share, hand-built, and the typed errors of each field (the ticks in data and in topics alike).
struct ConcentratedLiquidityEventTests {
    let someone = Hash32.zero

    func word(_ value: Int64) -> [UInt8] { Int256(value).bitPattern.bigEndianBytes }
    func topic(_ value: Int64) -> Hash32 { Hash32(bytes: word(value)) ?? .zero }

    func swap(price: UInt256, liquidity: UInt64, tickWord: [UInt8]) -> EventLog {
        EventLog(address: .zero, topics: [ConcentratedLiquidityEvent.swapTopic, someone, someone],
                 data: word(5) + word(-4) + price.bigEndianBytes + UInt256(liquidity).bigEndianBytes + tickWord)
    }

    func mint(lower: Hash32, upper: Hash32, amount: UInt256) -> EventLog {
        EventLog(address: .zero, topics: [ConcentratedLiquidityEvent.mintTopic, someone, lower, upper],
                 data: word(0) + amount.bigEndianBytes + word(1) + word(2))
    }

    func burn(lower: Hash32, upper: Hash32, amount: UInt256) -> EventLog {
        EventLog(address: .zero, topics: [ConcentratedLiquidityEvent.burnTopic, someone, lower, upper],
                 data: amount.bigEndianBytes + word(1) + word(2))
    }

    /// The error `log` throws, as `malformed`'s decoding error.
    func decodingError(_ log: EventLog, tickSpacing: Int32 = 1) -> DecodingError? {
        do {
            _ = try ConcentratedLiquidityEvent.decode(log, tickSpacing: tickSpacing)
            return nil
        } catch {
            guard case .malformed(let decoding) = error else { return nil }
            return decoding
        }
    }

    @Test func swapMintAndBurnDecode() throws {
        let price = try TickMath.sqrtRatio(atTick: -7)
        #expect(try ConcentratedLiquidityEvent.decode(swap(price: price, liquidity: 99, tickWord: word(-7)))
                == .swap(sqrtPriceX96: price, tick: -7, liquidity: UInt256(99)))
        #expect(try ConcentratedLiquidityEvent.decode(mint(lower: topic(-60), upper: topic(120), amount: UInt256(7)), tickSpacing: 60)
                == .position(tickLower: -60, tickUpper: 120, liquidityDelta: Int256(7)))
        #expect(try ConcentratedLiquidityEvent.decode(burn(lower: topic(-887_272), upper: topic(887_272), amount: UInt256(7)))
                == .position(tickLower: -887_272, tickUpper: 887_272, liquidityDelta: Int256(-7)))
        #expect(try ConcentratedLiquidityEvent.decode(burn(lower: topic(-1), upper: topic(1), amount: .zero))
                == .position(tickLower: -1, tickUpper: 1, liquidityDelta: .zero))
        let collect = EventLog(address: .zero, topics: [Keccak256.hash(Array("Collect(address,int24,int24,uint128,uint128)".utf8))], data: [])
        #expect(try ConcentratedLiquidityEvent.decode(collect) == nil)
        #expect(try ConcentratedLiquidityEvent.decode(EventLog(address: .zero, topics: [], data: [])) == nil)
        #expect(ConcentratedLiquidityEvent.swapTopic.description == "0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67")
    }

    /// A tick word, indexed or in data, must be a sign-extended int24 within the tick range; a
    /// missing topic or word is truncated.
    @Test func ticksInTopicsAndDataShareTheirErrors() throws {
        let price = try TickMath.sqrtRatio(atTick: 0)
        let notInt24 = Hash32(bytes: UInt256(1 << 24).bigEndianBytes) ?? .zero
        #expect(decodingError(mint(lower: notInt24, upper: topic(10), amount: .one)) == DecodingError(.invalidValue, at: 0, field: "Mint.tickLower"))
        #expect(decodingError(mint(lower: topic(-10), upper: topic(887_273), amount: .one)) == DecodingError(.invalidValue, at: 0, field: "Mint.tickUpper"))
        #expect(decodingError(burn(lower: topic(-887_273), upper: topic(10), amount: .one)) == DecodingError(.invalidValue, at: 0, field: "Burn.tickLower"))
        #expect(decodingError(swap(price: price, liquidity: 1, tickWord: UInt256(1 << 24).bigEndianBytes)) == DecodingError(.invalidValue, at: 128, field: "Swap.tick"))
        #expect(decodingError(swap(price: price, liquidity: 1, tickWord: word(887_273))) == DecodingError(.invalidValue, at: 128, field: "Swap.tick"))
        var threeTopics = mint(lower: topic(-10), upper: topic(10), amount: .one)
        threeTopics = EventLog(address: .zero, topics: Array(threeTopics.topics.prefix(3)), data: threeTopics.data)
        #expect(decodingError(threeTopics) == DecodingError(.wrongLength, at: 0, field: "Mint.topics"))
    }

    @Test func logsThePoolCannotEmitAreMalformed() throws {
        let price = try TickMath.sqrtRatio(atTick: 0)
        let short = swap(price: price, liquidity: 1, tickWord: word(0))
        #expect(decodingError(EventLog(address: .zero, topics: short.topics, data: Array(short.data.dropLast()))) == DecodingError(.truncated, at: 159, field: "Swap.data"))
        #expect(decodingError(EventLog(address: .zero, topics: short.topics, data: short.data + [0])) == DecodingError(.trailingBytes, at: 160, field: "Swap.data"))
        #expect(decodingError(swap(price: TickMath.maxSqrtRatio, liquidity: 1, tickWord: word(0))) == DecodingError(.invalidValue, at: 64, field: "Swap.sqrtPriceX96"))
        #expect(decodingError(mint(lower: topic(-10), upper: topic(10), amount: UInt256.one << 127)) == DecodingError(.invalidValue, at: 32, field: "Mint.amount"))
        #expect(decodingError(burn(lower: topic(-10), upper: topic(10), amount: UInt256.one << 128)) == DecodingError(.invalidValue, at: 0, field: "Burn.amount"))
        #expect(decodingError(burn(lower: topic(10), upper: topic(10), amount: .one)) == DecodingError(.invalidValue, at: 0, field: "Burn.tickUpper"))
        #expect(decodingError(mint(lower: topic(-5), upper: topic(10), amount: .one), tickSpacing: 10) == DecodingError(.invalidValue, at: 0, field: "Mint.tickLower"))
        #expect(decodingError(mint(lower: topic(-10), upper: topic(15), amount: .one), tickSpacing: 10) == DecodingError(.invalidValue, at: 0, field: "Mint.tickUpper"))
        var dirtySender = mint(lower: topic(-10), upper: topic(10), amount: .one)
        dirtySender = EventLog(address: .zero, topics: dirtySender.topics, data: [1] + dirtySender.data.dropFirst())
        #expect(decodingError(dirtySender) == DecodingError(.invalidValue, at: 0, field: "Mint.sender"))
    }
}
