import Foundation
import Synchronization

/// Test faults a client must survive, all off by default: added latency, random HTTP 500s, and a
/// per-minute rate limit answered with 429 and Retry-After.
final class FaultInjector: Sendable {
    let latency: Duration
    let failRate: Double
    let rateLimitPerMinute: Int?
    let windowSeconds: Double
    private let window = Mutex<(start: Date, count: Int)>((Date(), 0))
    /// Requests still to fail with 500 before the fail rate applies again (for tests).
    private let failNext = Mutex(0)
    /// Requests seen, faulted or not.
    private let seen = Mutex(0)

    init(latency: Duration, failRate: Double, rateLimitPerMinute: Int?, window: Duration = .seconds(60)) {
        self.latency = latency
        self.failRate = min(max(failRate, 0), 1)
        self.rateLimitPerMinute = rateLimitPerMinute
        windowSeconds = max(0.001, window.seconds)
    }

    /// Makes the next `count` requests fail with HTTP 500.
    func failNextRequests(_ count: Int) { failNext.withLock { $0 = count } }

    /// How many requests arrived so far.
    var requestCount: Int { seen.withLock { $0 } }

    /// Waits out the latency, then throws the fault this request gets, if any.
    func apply(now: Date = Date()) async throws(SandboxError) {
        seen.withLock { $0 += 1 }
        if let limit = rateLimitPerMinute {
            let window = windowSeconds
            let retryAfter = self.window.withLock { state -> Int? in
                if now.timeIntervalSince(state.start) >= window { state = (now, 0) }
                state.count += 1
                guard state.count > limit else { return nil }
                return max(1, Int((window - now.timeIntervalSince(state.start)).rounded(.up)))
            }
            if let retryAfter {
                var error = SandboxError(status: 429, message: "Too many requests: the limit is \(limit) per \(Int(window)) s. Retry in \(retryAfter) s.")
                error.headers = [("Retry-After", String(retryAfter))]
                throw error
            }
        }
        if latency > .zero { try? await Task.sleep(for: latency) }
        let forced = failNext.withLock { remaining -> Bool in
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
        if forced || (failRate > 0 && Double.random(in: 0..<1) < failRate) {
            throw SandboxError(status: 500, message: "Injected failure (--fail-rate): the server had a problem; try again.")
        }
    }
}
