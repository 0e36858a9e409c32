import Kernel

/// An arbitrage the engine found: a cycle sized to its best input on the pending state after a
/// message, priced net of its L2 gas and L1 data fee.
public struct Opportunity: Sendable, Equatable {
    /// The sequence number of the message after which the cycle pays.
    public var sequenceNumber: UInt64
    /// The hash of the message's last transaction whose swap moved a pool of the cycle.
    public var trigger: Hash32
    /// The block the message becomes.
    public var block: UInt64
    /// The base token the cycle starts and ends with.
    public var token: Address
    /// The hops, with the amounts of the sized trade.
    public var cycle: [Hop]
    /// What goes in, in `token`.
    public var amountIn: UInt256
    /// What comes back, in `token`.
    public var amountOut: UInt256
    /// `amountOut − amountIn`.
    public var grossProfit: UInt256
    /// The L2 gas of the cycle's transaction.
    public var gasUnits: UInt64
    /// The L2 gas at the base fee, in wei.
    public var l2Cost: UInt256
    /// The L1 data fee, in wei.
    public var l1Cost: UInt256
    /// The gross profit less both costs, in `token`.
    public var netProfit: UInt256
    /// The net profit in wei of ETH.
    public var netProfitEth: UInt256
    /// The pending state's version it was computed on.
    public var stateVersion: UInt64
    /// The hops as the executor contract takes them (kind, pool, token indexes).
    public var executorHops: [ExecutorHop]

    /// An opportunity with these fields (the engine makes them; so may a tool that reads them back).
    public init(sequenceNumber: UInt64, trigger: Hash32, block: UInt64, token: Address, cycle: [Hop],
                amountIn: UInt256, amountOut: UInt256, grossProfit: UInt256, gasUnits: UInt64, l2Cost: UInt256,
                l1Cost: UInt256, netProfit: UInt256, netProfitEth: UInt256, stateVersion: UInt64, executorHops: [ExecutorHop]) {
        self.sequenceNumber = sequenceNumber
        self.trigger = trigger
        self.block = block
        self.token = token
        self.cycle = cycle
        self.amountIn = amountIn
        self.amountOut = amountOut
        self.grossProfit = grossProfit
        self.gasUnits = gasUnits
        self.l2Cost = l2Cost
        self.l1Cost = l1Cost
        self.netProfit = netProfit
        self.netProfitEth = netProfitEth
        self.stateVersion = stateVersion
        self.executorHops = executorHops
    }

    /// One hop of the sized trade.
    public struct Hop: Sendable, Equatable {
        /// The pool.
        public var pool: Address
        /// Its dex.yaml entry.
        public var dex: String
        /// The token paid in.
        public var tokenIn: Address
        /// The token paid out.
        public var tokenOut: Address
        /// The amount paid in.
        public var amountIn: UInt256
        /// The amount paid out.
        public var amountOut: UInt256

        /// A hop with these fields.
        public init(pool: Address, dex: String, tokenIn: Address, tokenOut: Address, amountIn: UInt256, amountOut: UInt256) {
            self.pool = pool
            self.dex = dex
            self.tokenIn = tokenIn
            self.tokenOut = tokenOut
            self.amountIn = amountIn
            self.amountOut = amountOut
        }
    }
}

extension Opportunity {
    /// The opportunity as one JSON object; amounts and costs are decimal strings, the sequence
    /// number, block, gas and version JSON numbers:
    /// `{"seq","trigger","block","token","cycle":[{"pool","dex","tokenIn","tokenOut","amountIn","amountOut"}],
    /// "amountIn","amountOut","grossProfit","gasUnits","l2Cost","l1Cost","netProfit","netProfitEth","stateVersion"}`.
    public var json: JSONObject {
        var object = JSONObject()
        object.append("seq", .integer(sequenceNumber))
        object.append("trigger", string: trigger.description)
        object.append("block", .integer(block))
        object.append("token", string: token.checksummed)
        object.append("cycle", .array(cycle.map { hop in
            var entry = JSONObject()
            entry.append("pool", string: hop.pool.checksummed)
            entry.append("dex", string: hop.dex)
            entry.append("tokenIn", string: hop.tokenIn.checksummed)
            entry.append("tokenOut", string: hop.tokenOut.checksummed)
            entry.append("amountIn", string: hop.amountIn.description)
            entry.append("amountOut", string: hop.amountOut.description)
            return .object(entry)
        }))
        object.append("amountIn", string: amountIn.description)
        object.append("amountOut", string: amountOut.description)
        object.append("grossProfit", string: grossProfit.description)
        object.append("gasUnits", .integer(gasUnits))
        object.append("l2Cost", string: l2Cost.description)
        object.append("l1Cost", string: l1Cost.description)
        object.append("netProfit", string: netProfit.description)
        object.append("netProfitEth", string: netProfitEth.description)
        object.append("stateVersion", .integer(stateVersion))
        return object
    }
}
