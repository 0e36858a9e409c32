import Kernel

/// What settled trades earned and cost in the current UTC day, and whether the day's loss has
/// passed the limit. A trade that reverts or is dropped costs its fee; one that lands earns its
/// profit less its fee. Amounts are wei of ETH.
public struct DailyLossLedger: Sendable, Equatable {
    /// The loss at which execution stops for the rest of the day.
    public let limit: UInt256
    /// The UTC day (days since 1970-01-01) the sums are for.
    public private(set) var day: UInt64
    /// What the day's trades earned.
    public private(set) var earned: UInt256 = .zero
    /// What the day's trades paid in fees.
    public private(set) var paid: UInt256 = .zero

    /// A ledger for the day of Unix time `seconds`, stopping past `limit`.
    public init(limit: UInt256, seconds: UInt64) {
        self.limit = limit
        day = seconds / 86_400
    }

    /// Records a settled trade at Unix time `seconds`: its profit (zero for a revert or a drop)
    /// and its fee. A new day starts the sums again.
    public mutating func record(profit: UInt256, fee: UInt256, seconds: UInt64) {
        roll(to: seconds)
        earned = earned.addingReportingOverflow(profit).overflow ? .max : earned + profit
        paid = paid.addingReportingOverflow(fee).overflow ? .max : paid + fee
    }

    /// The day's net loss (zero when it earned more than it paid).
    public var loss: UInt256 { paid > earned ? paid - earned : .zero }

    /// Whether the loss of the day of Unix time `seconds` has passed the limit.
    public func isStopped(seconds: UInt64) -> Bool {
        seconds / 86_400 == day && loss > limit
    }

    private mutating func roll(to seconds: UInt64) {
        let today = seconds / 86_400
        guard today != day else { return }
        day = today
        earned = .zero
        paid = .zero
    }
}
