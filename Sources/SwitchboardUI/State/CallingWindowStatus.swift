import CampaignModel
import Foundation

/// Whether a campaign may call right now and when that changes, worked out from its calling
/// hours in its own timezone.
public struct CallingWindowStatus: Equatable, Sendable {
    public enum State: Equatable, Sendable {
        /// Inside a window; `until` is the next closing.
        case open(until: Date?)
        /// Outside every window; `next` is the next opening, nil if there is none.
        case closed(next: Date?)
        /// The campaign has no calling hours (SMS campaigns often don't).
        case noHours
        /// The calling hours could not be read; the text says why.
        case invalid(String)
    }

    public let state: State
    public let timeZone: TimeZone?
    /// When this status must be worked out again.
    public let validUntil: Date

    public init(campaign: Campaign, now: Date) {
        self.init(hours: campaign.dialingStrategy?.callingHours, now: now)
    }

    public init(hours: CallingHours?, now: Date) {
        guard let hours, !hours.days.isEmpty else {
            state = .noHours
            timeZone = nil
            validUntil = .distantFuture
            return
        }
        do {
            let clock = try CallingHoursClock(callingHours: hours)
            timeZone = clock.timeZone
            if clock.isOpen(at: now) {
                let closing = clock.nextClosing(after: now)
                state = .open(until: closing)
                validUntil = closing ?? .distantFuture
            } else {
                let opening = clock.nextOpening(after: now)
                state = .closed(next: opening)
                validUntil = opening ?? .distantFuture
            }
        } catch {
            state = .invalid(error.issues.first?.message ?? "calling hours cannot be read")
            timeZone = nil
            validUntil = .distantFuture
        }
    }

    public var isOpen: Bool { if case .open = state { return true } else { return false } }

    /// A sort key: open first, then by the next opening, then campaigns without hours.
    var sortKey: Double {
        switch state {
        case .open: return -1
        case .closed(let next?): return next.timeIntervalSince1970
        case .closed(nil): return .greatestFiniteMagnitude / 2
        case .noHours, .invalid: return .greatestFiniteMagnitude
        }
    }

    /// The list column: "● open now" or "○ Tue 9:00 AM".
    public var columnText: String {
        switch state {
        case .open: return "● open now"
        case .closed(let next?): return "○ " + CallingHoursClock.describe(next, in: timeZone ?? .gmt, withZone: false)
        case .closed(nil): return "○ never"
        case .noHours: return "—"
        case .invalid: return "! bad hours"
        }
    }

}
