import Foundation

/// The `Retry-After` header, read defensively: a server may send anything there.
public enum RetryAfter {
    /// The longest wait a header can ask for; anything longer (or `inf`) is read as this.
    public static let ceiling: Double = 86_400

    /// Seconds to wait: delay-seconds ("120", "1.5", "1e20") or an HTTP date, clamped to
    /// 0…`ceiling`. Nil for anything else (`nan`, `inf`, words, empty text), so that the usual
    /// backoff applies.
    public static func seconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let number = Double(text) {
            guard number.isFinite else { return nil }
            return min(max(number, 0), ceiling)
        }
        guard let date = httpDate.date(from: text) else { return nil }
        return min(max(date.timeIntervalSince(now), 0), ceiling)
    }

    /// "30 s", or "more than an hour" for long waits; never traps.
    static func describe(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 3_600 else { return "more than an hour" }
        return "\(Int(max(0, seconds).rounded(.up))) s"
    }

    nonisolated(unsafe) private static let httpDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }()
}
