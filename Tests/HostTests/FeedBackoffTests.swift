@testable import Host
import Testing

/// The reconnect schedule as a pure function of attempt number and random draw.
@Suite struct FeedBackoffTests {
    let backoff = FeedBackoff()

    @Test func firstRetryIsWellUnderASecond() {
        for unit in [0.0, 0.25, 0.5, 0.999_999] {
            #expect(backoff.delay(attempt: 0, unit: unit) < .milliseconds(500))
        }
        #expect(backoff.delay(attempt: 0, unit: 0) > .zero)
    }

    @Test func neverMoreThanThirtySeconds() {
        for attempt in [0, 1, 5, 8, 9, 10, 20, 63, 64, 1000, Int.max] {
            for unit in [0.0, 0.5, 0.999_999, 1.0, 7.0, .nan, .infinity] {
                #expect(backoff.delay(attempt: attempt, unit: unit) <= .seconds(30))
            }
        }
        #expect(backoff.ceiling(attempt: 20) == .seconds(30))
        #expect(backoff.ceiling(attempt: Int.max) == .seconds(30))
    }

    @Test func doublesUntilTheCap() {
        var previous = Duration.zero
        for attempt in 0..<40 {
            let c = backoff.ceiling(attempt: attempt)
            #expect(c >= previous)
            #expect(c == min(.seconds(30), .milliseconds(100) * (1 << min(attempt, 20))))
            previous = c
        }
    }

    @Test func jitterStaysInTheUpperHalf() {
        for attempt in 0..<20 {
            let c = backoff.ceiling(attempt: attempt)
            #expect(backoff.delay(attempt: attempt, unit: 0) == c / 2)
            #expect(backoff.delay(attempt: attempt, unit: 0.999_999) <= c)
            #expect(backoff.delay(attempt: attempt, unit: 0.999_999) > c * 0.99)
            for _ in 0..<50 {
                let d = backoff.delay(attempt: attempt)
                #expect(d >= c / 2 && d <= c)
            }
        }
    }

    @Test func negativeAttemptsActLikeTheFirst() {
        #expect(backoff.ceiling(attempt: -5) == backoff.ceiling(attempt: 0))
    }

    @Test func failuresClimbTheScheduleAndAHealthyConnectionResetsIt() {
        var schedule = ReconnectSchedule(backoff: backoff)
        var ceilings: [Duration] = []
        for _ in 0..<5 { ceilings.append(schedule.delay(afterHealthyConnection: false, unit: 0.999_999)) }
        #expect(ceilings == ceilings.sorted() && ceilings.last! > ceilings.first! * 8)
        #expect(schedule.delay(afterHealthyConnection: true, unit: 0) == backoff.delay(attempt: 0, unit: 0))
        #expect(schedule.delay(afterHealthyConnection: false, unit: 0) == backoff.delay(attempt: 1, unit: 0))
        for _ in 0..<1000 { _ = schedule.delay(afterHealthyConnection: false, unit: 0.5) }
        #expect(schedule.delay(afterHealthyConnection: false, unit: 0.999_999) <= .seconds(30))
    }
}
