import Kernel

/// A StableSwap pool's A ramp as the contract stores it: `initial_A` and `future_A` (precise,
/// A × `A_PRECISION`) and the times they hold at, `initial_A_time` and `future_A_time`.
///
/// `_A()` moves A in a straight line from `initialA` at `initialTime` to `futureA` at
/// `futureTime`, rounding the distance moved down, and holds `futureA` from then on. A pool
/// with no ramp has both times at or before the present (`future_A_time` 0 before any ramp).
public struct AmplificationRamp: Sendable, Equatable {
    /// `initial_A()`: the precise A when the ramp started.
    public var initialA: UInt256
    /// `future_A()`: the precise A the ramp ends at.
    public var futureA: UInt256
    /// `initial_A_time()`: when the ramp started (block time, seconds).
    public var initialTime: UInt256
    /// `future_A_time()`: when the ramp ends.
    public var futureTime: UInt256

    /// A ramp from `initialA` at `initialTime` to `futureA` at `futureTime`.
    public init(initialA: UInt256, futureA: UInt256, initialTime: UInt256, futureTime: UInt256) {
        self.initialA = initialA
        self.futureA = futureA
        self.initialTime = initialTime
        self.futureTime = futureTime
    }

    /// A held at `a` from `time` on, as `stop_ramp_A` leaves it.
    public static func constant(_ a: UInt256, since time: UInt256) -> AmplificationRamp {
        AmplificationRamp(initialA: a, futureA: a, initialTime: time, futureTime: time)
    }

    /// `_A()` in a block of time `timestamp`:
    /// `A0 ± |A1 − A0| · (timestamp − t0) / (t1 − t0)` before `t1`, else `A1`. Reverts
    /// (`CurveRevert.safeMath`) where the contract's checked arithmetic would, e.g. for a time
    /// before `initialTime`, which no block after the ramp's start has.
    public func amplification(at timestamp: UInt256) throws(PoolError) -> UInt256 {
        guard timestamp < futureTime else { return futureA }
        let elapsed = try CheckedMath.sub(timestamp, initialTime)
        let duration = try CheckedMath.sub(futureTime, initialTime)
        if futureA > initialA {
            let moved = try CheckedMath.div(try CheckedMath.mul(futureA - initialA, elapsed), duration)
            return try CheckedMath.add(initialA, moved)
        }
        let moved = try CheckedMath.div(try CheckedMath.mul(initialA - futureA, elapsed), duration)
        return try CheckedMath.sub(initialA, moved)
    }
}
