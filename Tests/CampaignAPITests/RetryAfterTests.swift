@testable import CampaignAPI
import Foundation
import Testing

@Suite("Retry-After and --timeout values are read defensively")
struct RetryAfterTests {
    @Test("numbers are clamped, dates are read, nonsense is ignored")
    func parsing() {
        #expect(RetryAfter.seconds("30") == 30)
        #expect(RetryAfter.seconds(" 1.5 ") == 1.5)
        #expect(RetryAfter.seconds("-5") == 0)
        #expect(RetryAfter.seconds("1e20") == RetryAfter.ceiling)
        for nonsense in ["nan", "inf", "-inf", "infinity", "soon", "", "0x"] { #expect(RetryAfter.seconds(nonsense) == nil, "\(nonsense)") }
        #expect(RetryAfter.seconds(nil) == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:40 GMT", now: now) == 20)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0, "a date in the past means now")
    }

    @Test("the wait before a retry never exceeds maxRetryAfter and never traps")
    func backoffClamped() {
        var options = ClientOptions()
        options.maxRetryAfter = .seconds(2)
        #expect(options.backoff(attempt: 1, retryAfter: RetryAfter.ceiling) == .seconds(2))
        #expect(options.backoff(attempt: 1, retryAfter: 0.5) == .milliseconds(500))
        for odd in [Double.nan, .infinity, -.infinity, -3] {
            #expect(options.backoff(attempt: 1, retryAfter: odd) <= options.maxBackoff, "\(odd)")
        }
        #expect(options.backoff(attempt: Int.max, retryAfter: nil) <= options.maxBackoff)
        #expect(options.connectBackoff(attempt: 3) <= options.maxConnectBackoff)
    }

    @Test("a message about a long wait says so without converting it to Int")
    func describe() {
        #expect(RetryAfter.describe(29.2) == "30 s")
        #expect(RetryAfter.describe(RetryAfter.ceiling) == "more than an hour")
        #expect(RetryAfter.describe(.infinity) == "more than an hour")
        #expect(RetryAfter.describe(.nan) == "more than an hour")
    }
}
