import CampaignModel
import Foundation
import Synchronization

/// A campaign's calling hours laid out from an anchor instant: the open spans in order with the
/// open time before each, extended as far as asked. It turns "seconds of calling time since the
/// anchor" into an instant and back, which is all the dialer needs to keep its attempts inside
/// the windows. Shared by every campaign with the same hours (`TimelineCache`).
final class CallingTimeline: Sendable {
    private struct Span {
        var start: Double
        var end: Double
        /// Open seconds from the anchor to `start`.
        var openBefore: Double
    }

    private struct State {
        var spans: [Span] = []
        /// Spans are known up to here (seconds since 1970).
        var coveredUntil: Double
        /// No opening will ever come (an empty week).
        var exhausted = false
    }

    let clock: CallingHoursClock
    let anchor: Date
    private let state: Mutex<State>
    /// Spans are computed this far at a time.
    private static let chunk: Double = 21 * 86_400
    /// Nothing is planned further out than this (ten years).
    private static let horizon: Double = 3_650 * 86_400

    init(clock: CallingHoursClock, anchor: Date) {
        self.clock = clock
        self.anchor = anchor
        state = Mutex(State(coveredUntil: anchor.timeIntervalSince1970, exhausted: clock.schedule.isEmpty))
    }

    /// Open seconds between the anchor and `instant` (0 before the anchor).
    func openSeconds(until instant: Date) -> Double {
        let t = instant.timeIntervalSince1970
        guard t > anchor.timeIntervalSince1970 else { return 0 }
        return state.withLock { state in
            extend(&state) { $0.coveredUntil >= t }
            // The last span starting at or before t.
            var low = 0, high = state.spans.count
            while low < high {
                let mid = (low + high) / 2
                if state.spans[mid].start <= t { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { return 0 }
            let span = state.spans[low - 1]
            return span.openBefore + min(t, span.end) - span.start
        }
    }

    /// The instant at which the open seconds since the anchor pass `open`: inside a window
    /// (a window's start when `open` falls exactly between two). Nil when calling never opens
    /// that much.
    func instant(atOpenSeconds open: Double) -> Date? {
        state.withLock { state in
            extend(&state) { state in
                guard let last = state.spans.last else { return false }
                return last.openBefore + (last.end - last.start) > open
            }
            // The first span whose open time reaches past `open`.
            var low = 0, high = state.spans.count
            while low < high {
                let mid = (low + high) / 2
                let span = state.spans[mid]
                if span.openBefore + (span.end - span.start) <= open { low = mid + 1 } else { high = mid }
            }
            guard low < state.spans.count else { return nil }
            let span = state.spans[low]
            return Date(timeIntervalSince1970: span.start + max(0, open - span.openBefore))
        }
    }

    private func extend(_ state: inout State, until done: (State) -> Bool) {
        let limit = anchor.timeIntervalSince1970 + Self.horizon
        while !done(state), !state.exhausted {
            let from = state.coveredUntil
            let to = min(from + Self.chunk, limit)
            var openBefore = state.spans.last.map { $0.openBefore + ($0.end - $0.start) } ?? 0
            for (start, end) in Self.openSpans(clock, from: from, to: to) {
                guard end > start else { continue }
                if let last = state.spans.last, last.end == start {
                    state.spans[state.spans.count - 1].end = end  // a window cut by the chunk's edge
                } else {
                    state.spans.append(Span(start: start, end: end, openBefore: openBefore))
                }
                openBefore += end - start
            }
            state.coveredUntil = to
            if to >= limit { state.exhausted = true }
        }
    }
}

extension CallingTimeline {
    /// The open spans of `clock` between two instants (seconds since 1970), clipped to them: the
    /// same as `CallingHoursClock.openIntervals`, but a wall day without a change of UTC offset is
    /// laid out by arithmetic; only a day with a DST change asks the clock (which knows what a
    /// window in a skipped or repeated hour does). Thousands of campaigns' weeks cost little so.
    static func openSpans(_ clock: CallingHoursClock, from: Double, to: Double) -> [(Double, Double)] {
        guard to > from, !clock.schedule.isEmpty else { return [] }
        let zone = clock.timeZone
        func offset(_ instant: Double) -> Double { Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant))) }
        var spans: [(Double, Double)] = []
        func add(_ start: Double, _ end: Double) {
            let start = max(start, from, spans.last?.1 ?? -.infinity), end = min(end, to)
            guard end > start else { return }
            if let last = spans.last, last.1 == start { spans[spans.count - 1].1 = end } else { spans.append((start, end)) }
        }
        // Wall days, from the one before `from` (a zone ahead of UTC starts its day earlier).
        var day = ((from + offset(from)) / 86_400).rounded(.down) - 1
        while true {
            let wallStart = day * 86_400
            let startOffset = offset(wallStart - offset(wallStart))
            let dayStart = wallStart - startOffset
            if dayStart >= to { break }
            let endOffset = offset(wallStart + 86_400 - startOffset)
            let dayEnd = wallStart + 86_400 - endOffset
            if startOffset == endOffset {
                let weekday = Weekday(rawValue: Int((Int64(day) + 3) % 7 + 7) % 7)!
                for window in clock.schedule.windows(on: weekday) {
                    add(dayStart + Double(window.start) * 60, dayStart + Double(window.end) * 60)
                }
            } else {
                for interval in clock.openIntervals(from: Date(timeIntervalSince1970: dayStart), to: Date(timeIntervalSince1970: dayEnd)) {
                    add(interval.start.timeIntervalSince1970, interval.end.timeIntervalSince1970)
                }
            }
            day += 1
        }
        return spans
    }
}

/// Timelines shared by campaigns with the same calling hours and anchor.
final class TimelineCache: Sendable {
    private let timelines = Mutex<[String: CallingTimeline]>([:])
    static let capacity = 4_096

    /// The timeline of `hours` from `anchor`; nil when the hours cannot be read (no zone, a
    /// window that cannot be parsed): such a campaign never dials.
    func timeline(for hours: CallingHours?, anchor: Date) -> CallingTimeline? {
        guard let hours, let clock = try? CallingHoursClock(callingHours: hours) else { return nil }
        let key = "\(anchor.timeIntervalSince1970)|\(hours.timezone ?? "")|"
            + hours.days.map { "\($0.day),\($0.start),\($0.end)" }.joined(separator: ";")
        return timelines.withLock { timelines in
            if let timeline = timelines[key] { return timeline }
            if timelines.count >= Self.capacity { timelines.removeAll() }
            let timeline = CallingTimeline(clock: clock, anchor: anchor)
            timelines[key] = timeline
            return timeline
        }
    }
}
