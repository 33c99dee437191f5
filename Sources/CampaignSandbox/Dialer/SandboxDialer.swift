import CampaignModel
import Foundation
import Synchronization

/// The sandbox's clock: real time, `speed` times faster from the moment the sandbox started
/// (`--speed N`). Tests may set the simulated time directly.
struct SimulatedClock: Sendable {
    let origin: Date
    let speed: Double
    let override: (@Sendable () -> Date)?

    init(origin: Date = Date(), speed: Double = 1, override: (@Sendable () -> Date)? = nil) {
        self.origin = origin
        self.speed = max(0, speed)
        self.override = override
    }

    func now() -> Date {
        if let override { return override() }
        return origin.addingTimeInterval(Date().timeIntervalSince(origin) * speed)
    }
}

/// Where a campaign's contacts stand, from its status and run.
enum DialPhase: Equatable, Sendable {
    /// Never run, or reset (a stopped voice campaign): every contact untouched.
    case idle
    /// `open` seconds of calling time into the run.
    case at(Double)
    /// Completed: every contact final.
    case over
}

/// The simulated dialer: the clock, shared calling timelines, and the arithmetic between a
/// run, the calling hours and the plan's calling time. Everything it answers is computed from
/// the run and the time asked about.
final class SandboxDialer: Sendable {
    let clock: SimulatedClock
    let timelines = TimelineCache()
    /// Runs that began after this share timelines anchored here.
    let sharedAnchor: Date
    /// The earliest time a running campaign completes, so that reads look only when one is due.
    let nextCompletion = Mutex<Double?>(nil)

    init(clock: SimulatedClock) {
        self.clock = clock
        sharedAnchor = clock.origin.addingTimeInterval(-60)
    }

    private func timeline(_ campaign: Campaign, _ run: CampaignRun) -> CallingTimeline? {
        let anchor = run.segmentStart >= sharedAnchor
            ? sharedAnchor : Date(timeIntervalSince1970: (run.segmentStart.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        return timelines.timeline(for: campaign.dialingStrategy?.callingHours, anchor: anchor)
    }

    /// Calling time spent in the run by `instant`.
    func openSeconds(_ campaign: Campaign, _ run: CampaignRun, at instant: Date) -> Double {
        guard instant > run.segmentStart, let timeline = timeline(campaign, run) else { return run.openOffset }
        return run.openOffset + timeline.openSeconds(until: instant) - timeline.openSeconds(until: run.segmentStart)
    }

    /// The instant at which the run has spent `open` seconds of calling time; nil if never.
    func instant(_ campaign: Campaign, _ run: CampaignRun, atOpenSeconds open: Double) -> Date? {
        guard open >= run.openOffset else { return run.segmentStart }  // spent before this stretch began
        guard let timeline = timeline(campaign, run) else { return nil }
        return timeline.instant(atOpenSeconds: timeline.openSeconds(until: run.segmentStart) + open - run.openOffset)
    }

    /// When a run's every contact is final.
    func completion(_ campaign: Campaign, _ run: CampaignRun, total: Int) -> Date? {
        let plan = DialPlan(campaign: campaign, runKey: run.runKey, total: total)
        return instant(campaign, run, atOpenSeconds: plan.completionTime())
    }

    /// The run a seeded campaign has without one recorded: an Active one began when the sandbox
    /// started; a Paused one (and a stopped SMS one) stopped three days ago between 10% and 90%
    /// of the way through its contacts.
    func seededRun(for campaign: Campaign, total: Int) -> CampaignRun? {
        let key = campaign.campaignInstanceId ?? campaign.id ?? campaign.name
        switch campaign.status {
        case .active?:
            return CampaignRun(runKey: key, segmentStart: clock.origin, openOffset: 0)
        case .paused?, .stopped?:
            guard campaign.status == .paused || campaign.type != .voice else { return nil }  // stopping resets a voice run
            let share = 0.1 + 0.8 * StableHash.unit(StableHash.of(key))
            let done = share * DialPlan(campaign: campaign, runKey: key, total: total).completionTime()
            let start = clock.origin.addingTimeInterval(-3 * 86_400)
            return CampaignRun(runKey: key, segmentStart: start, openOffset: done, frozenAt: start)
        default:
            return nil
        }
    }

    /// Where a campaign's contacts stand now.
    func phase(_ campaign: Campaign, run: CampaignRun?, now: Date) -> DialPhase {
        switch campaign.status {
        case .completed?: return .over
        case .active?:
            guard let run else { return .idle }
            return .at(openSeconds(campaign, run, at: run.frozenAt ?? now))
        case .paused?, .stopped?:
            guard let run, let frozen = run.frozenAt else { return .idle }
            return .at(openSeconds(campaign, run, at: frozen))
        default:
            return .idle
        }
    }

    /// Notes a running campaign's completion time for `nextCompletion`.
    func noteCompletion(_ date: Date?) {
        guard let seconds = date?.timeIntervalSince1970 else { return }
        nextCompletion.withLock { $0 = min($0 ?? seconds, seconds) }
    }
}
