import CampaignModel
@testable import CampaignSandbox
import Foundation
import Synchronization
import Testing

/// A simulated clock the test moves by hand.
final class TestClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: String) { instant = Mutex(ISOTimestamp.parse(start)!) }
    func set(_ text: String) { instant.withLock { $0 = ISOTimestamp.parse(text)! } }
    var now: Date { instant.withLock { $0 } }
}

@Suite("Sandbox dialer: calling hours, attempts, outcomes, completion, stop", .serialized)
struct SandboxDialerTests {
    static let v2 = SandboxHarness.v2

    /// Monday to Friday, 9:00 AM to 5:00 PM in `zone`.
    static func weekdays(_ zone: String) -> CallingHours {
        CallingHours(frequency: .weekly, timezone: zone, days: ["MO", "TU", "WE", "TH", "FR"].map {
            CallingDay(day: $0, start: "9:00 AM", end: "5:00 PM")
        })
    }

    static func voiceCampaign(zone: String, attempts: Int, retryMinutes: Int, order: DialingOrder = .fifo) -> Campaign {
        var campaign = Campaign(type: .voice, name: "Dialer test")
        campaign.id = "cd-dialer-test"
        campaign.dialingMode = .agentless
        var strategy = DialingStrategy(callerId: "+14155550123", callingHours: weekdays(zone))
        strategy.maxAttemptsPerRecord = attempts
        strategy.defaultRetryPeriod = retryMinutes
        strategy.dialingOrder = order
        campaign.dialingStrategy = strategy
        return campaign
    }

    @Test("every attempt falls inside the calling hours, in the campaign's zone, at least the retry period apart, at most max attempts",
          arguments: ["Asia/Kolkata", "America/Los_Angeles", "Australia/Lord_Howe"])
    func attemptsInsideWindows(zone: String) throws {
        let campaign = Self.voiceCampaign(zone: zone, attempts: 4, retryMinutes: 45)
        let dialer = SandboxDialer(clock: SimulatedClock(origin: ISOTimestamp.parse("2026-01-01T00:00:00Z")!))
        let start = try #require(ISOTimestamp.parse("2026-01-03T12:00:00Z"))  // a Saturday everywhere
        let run = CampaignRun(runKey: "run-1", segmentStart: start, openOffset: 0)
        let plan = DialPlan(campaign: campaign, runKey: run.runKey, total: 3_000)
        let clock = try CallingHoursClock(callingHours: Self.weekdays(zone))
        let firstOpening = try #require(clock.nextOpening(after: start))
        var attemptsSeen = 0
        for position in Array(0..<40) + Array(stride(from: 40, to: 3_000, by: 97)) + [2_999] {
            var previous: Date?
            for attempt in 0...plan.finalAttempt(position: position) {
                let instant = try #require(dialer.instant(campaign, run, atOpenSeconds: plan.attemptTime(position: position, attempt: attempt)))
                #expect(clock.isOpen(at: instant), "attempt \(attempt) of \(position) at \(instant) is outside the window")
                #expect(instant >= firstOpening)
                if let previous { #expect(instant.timeIntervalSince(previous) >= 45 * 60) }
                previous = instant
                attemptsSeen += 1
            }
            #expect(plan.finalAttempt(position: position) < 4)
        }
        #expect(attemptsSeen > 100)
        // Calling time starts when calling first opens (Monday 9:00 AM in the zone); the first call follows one slot later.
        #expect(dialer.instant(campaign, run, atOpenSeconds: 0) == firstOpening)
        #expect(dialer.instant(campaign, run, atOpenSeconds: plan.attemptTime(position: 0, attempt: 0)) == firstOpening.addingTimeInterval(2))
        #expect(CallingHoursClock.wallClock(firstOpening, in: clock.timeZone).minute == 9 * 60)
    }

    @Test("a contact's outcome stays blank while attempts remain, and is final when it connects or runs out")
    func blankWhileInProgress() {
        let campaign = Self.voiceCampaign(zone: "UTC", attempts: 3, retryMinutes: 10)
        let plan = DialPlan(campaign: campaign, runKey: "r", total: 500)
        var sawBlankAfterAttempt = false
        for position in 0..<500 {
            let last = plan.finalAttempt(position: position)
            for attempt in 0...last {
                let state = plan.state(position: position, at: plan.attemptTime(position: position, attempt: attempt))
                #expect(state.attempts == attempt + 1)
                #expect(state.botSessionId.count == 24 && !state.botOutboundStatus.isEmpty)
                if attempt < last {
                    #expect(state.dialerOutcome == "")
                    sawBlankAfterAttempt = true
                } else {
                    #expect(["completed", "noAnswer", "busy", "failed"].contains(state.dialerOutcome))
                    #expect((state.dialerOutcome == "completed") == (plan.outcome(position: position, attempt: attempt) == .connected))
                    if state.dialerOutcome == "completed" { #expect(state.dispositionCodes == ["System Generated"]) }
                }
            }
            #expect(plan.state(position: position, at: .infinity).attempts == last + 1)
            #expect(plan.state(position: position, at: plan.attemptTime(position: position, attempt: 0) - 1) == .untouched)
        }
        #expect(sawBlankAfterAttempt)
    }

    @Test("outcomes come at realistic rates")
    func rates() {
        func shares(_ campaign: Campaign) -> [String: Double] {
            let plan = DialPlan(campaign: campaign, runKey: "rates", total: 20_000)
            var counts: [String: Int] = [:]
            for position in 0..<20_000 { counts[plan.state(position: position, at: .infinity).dialerOutcome, default: 0] += 1 }
            return counts.mapValues { Double($0) / 20_000 }
        }
        let one = shares(Self.voiceCampaign(zone: "UTC", attempts: 1, retryMinutes: 10))
        let three = shares(Self.voiceCampaign(zone: "UTC", attempts: 3, retryMinutes: 10))
        #expect((0.33...0.40).contains(one["completed"] ?? 0), "\(one)")
        #expect((0.40...0.48).contains(three["completed"] ?? 0), "\(three)")
        for outcome in ["noAnswer", "busy", "failed"] { #expect((0.04...0.45).contains(three[outcome] ?? 0), "\(outcome): \(three)") }
        var sms = Campaign(type: .sms, name: "SMS")
        sms.id = "cd-sms"
        let texts = shares(sms)
        #expect((0.90...0.96).contains(texts["delivered"] ?? 0) && Set(texts.keys) == ["delivered", "failed"], "\(texts)")
    }

    @Test("the completion time is the latest final time of any contact (found without visiting them all)",
          arguments: [(1, DialingOrder.fifo), (3, .fifo), (5, .lifo), (2, .lifo)])
    func completionTime(attempts: Int, order: DialingOrder) {
        for total in [1, 2, 7, 300, 2_500] {
            let plan = DialPlan(campaign: Self.voiceCampaign(zone: "UTC", attempts: attempts, retryMinutes: 5, order: order),
                                runKey: "c\(total)", total: total)
            let latest = (0..<total).map(plan.finalTime).max()!
            #expect(plan.completionTime() == latest)
            #expect(plan.state(position: 0, at: latest).isFinal && (0..<total).allSatisfy { plan.state(position: $0, at: latest).isFinal })
        }
        #expect(DialPlan(campaign: Self.voiceCampaign(zone: "UTC", attempts: 2, retryMinutes: 5), runKey: "", total: 0).completionTime() == 0)
    }

    @Test("the same run gives the same outcomes; another run of the same campaign others")
    func determinism() {
        let campaign = Self.voiceCampaign(zone: "UTC", attempts: 3, retryMinutes: 10)
        let first = (0..<200).map { DialPlan(campaign: campaign, runKey: "run-a", total: 200).state(position: $0, at: .infinity) }
        let again = (0..<200).map { DialPlan(campaign: campaign, runKey: "run-a", total: 200).state(position: $0, at: .infinity) }
        let other = (0..<200).map { DialPlan(campaign: campaign, runKey: "run-b", total: 200).state(position: $0, at: .infinity) }
        #expect(first == again)
        #expect(first != other)
    }

    // MARK: Through the API

    /// A list of `count` added contacts, visible at once.
    static func tinyList(_ harness: SandboxHarness, _ name: String, count: Int) async throws {
        let created = try await harness.send("POST", "\(v2)/contactList/createContactList", body: ["name": .string(name)])
        #expect(created.status == 200)
        let numbers = (0..<count).map { index -> JSONValue in ["phoneNumber": .string("1415555\(1_000 + index)")] }
        let added = try await harness.send("POST", "/api/1.1/public/{s}/campaign/contactList/addContacts",
                                           body: ["contact_list_name": .string(name), "data": .array(numbers)])
        #expect(added.status == 200)
    }

    static func contactsPage(_ harness: SandboxHarness, _ id: String, page: Int = 1, limit: Int = 100) async throws -> [JSONObject] {
        let reply = try await harness.send("POST", "\(v2)/\(id)/status", query: [("view", "contacts")],
                                           body: ["page": .number(Double(page)), "limit": .number(Double(limit))])
        #expect(reply.status == 200, "\(reply.json.serialized())")
        return (reply.data?.objectValue?["results"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    static func status(_ harness: SandboxHarness, _ id: String) async throws -> String? {
        try await harness.send("POST", "\(v2)/\(id)/status", query: [("view", "status")], body: [:]).data?.objectValue?["status"]?.stringValue
    }

    static func attempts(_ contacts: [JSONObject]) -> Int { contacts.reduce(0) { $0 + ($1["numberOfAttemptsSoFar"]?.intValue ?? 0) } }

    /// A voice (agentless) or SMS campaign on `list`, weekdays 9–5 in New York; its id once it is Ready.
    static func campaign(_ harness: SandboxHarness, voice: Bool, list: String, name: String) async throws -> String {
        var body = try Samples.valid(voice ? "create-voice-campaign-agentless-v2" : "create-sms-campaign-without-template-v2").objectValue!
        body["contactLists"] = [.string(list)]
        var strategy = body["dialingStrategy"]!.objectValue!
        strategy["callingHours"] = [
            "frequency": "WEEKLY", "timezone": "America/New_York",
            "days": .array(["MO", "TU", "WE", "TH", "FR"].map { ["day": .string($0), "start": "9:00 AM", "end": "5:00 PM"] }),
        ]
        if voice {
            strategy["maxAttemptsPerRecord"] = 2
            strategy["defaultRetryPeriod"] = 30
        }
        body["dialingStrategy"] = .object(strategy)
        let created = try await harness.create(.object(body), type: voice ? "voice" : "sms", name: name)
        let id = try #require((created.data?.objectValue?["_id"] ?? created.data?.objectValue?["id"])?.stringValue, "\(created.json.serialized())")
        for _ in 0..<50 where try await status(harness, id) == "Preparing" { try await Task.sleep(for: .milliseconds(100)) }
        return id
    }

    static func trigger(_ harness: SandboxHarness, _ id: String, _ trigger: String, voice: Bool) async throws -> Int {
        try await harness.send("POST", "\(v2)/trigger/\(id)", query: [("campaignType", voice ? "voice" : "sms"), ("trigger", trigger)]).status
    }

    @Test("a running campaign dials only while its window is open, then completes; the contacts view has the documented shape")
    func runsInWindowThenCompletes() async throws {
        let clock = TestClock("2026-01-03T15:00:00Z")  // Saturday 10 AM in New York
        try await withSandbox(seed: 0, configure: { $0.importDelay = .zero; $0.simulatedNow = { clock.now } }) { harness in
            try await Self.tinyList(harness, "Tiny", count: 30)
            let id = try await Self.campaign(harness, voice: true, list: "Tiny", name: "Weekday caller")
            let idle = try await Self.contactsPage(harness, id)
            #expect(idle.count == 30 && Self.attempts(idle) == 0 && idle.allSatisfy { $0["dialerOutcome"] == "" })
            let first = try #require(idle.first)
            #expect(first.keys == ["phoneNumber", "uniqueId", "dialerOutcome", "numberOfAttemptsSoFar", "botSessionId",
                                   "agentDispositionCodes", "botOutboundStatus", "botOutboundStatusDetail"])
            #expect(first["phoneNumber"] == "14155551000")

            #expect(try await Self.trigger(harness, id, "play", voice: true) == 200)
            clock.set("2026-01-04T23:59:00Z")  // Sunday 6:59 PM in New York: closed all weekend
            let weekend = try await Self.contactsPage(harness, id)
            #expect(Self.attempts(weekend) == 0, "\(weekend.prefix(3))")
            #expect(try await Self.status(harness, id) == "Active")

            clock.set("2026-01-05T14:00:30Z")  // Monday 9:00:30 AM: 30 s open, a call every 2 s
            let opening = try await Self.contactsPage(harness, id)
            #expect(opening.filter { $0["numberOfAttemptsSoFar"] != 0 }.count == 15)
            #expect(opening.allSatisfy { ($0["numberOfAttemptsSoFar"]?.intValue ?? 0) <= 1 })
            #expect(opening.contains { $0["numberOfAttemptsSoFar"] == 1 && $0["dialerOutcome"] == "" }, "a retry is still due")

            clock.set("2026-01-05T22:30:00Z")  // Monday 5:30 PM: closed again, all have had their retries
            let evening = try await Self.contactsPage(harness, id)
            #expect(evening.allSatisfy { $0["dialerOutcome"] != "" } && evening.allSatisfy { ($0["numberOfAttemptsSoFar"]?.intValue ?? 0) <= 2 })
            #expect(evening.contains { $0["dialerOutcome"] == "completed" && $0["agentDispositionCodes"] == ["System Generated"] })
            #expect(try await Self.status(harness, id) == "Completed")
            let fetched = try #require(try await harness.send("GET", "\(Self.v2)/\(id)").data?.objectValue)
            #expect(fetched["status"] == "Completed")
            #expect(try await Self.contactsPage(harness, id) == evening, "a completed campaign keeps its outcomes")
        }
    }

    @Test("stop resets a voice campaign's progress and a new start is a new run; an SMS campaign keeps its progress")
    func stopResetsVoice() async throws {
        let clock = TestClock("2026-01-05T14:00:00Z")  // Monday 9 AM in New York
        try await withSandbox(seed: 0, configure: { $0.importDelay = .zero; $0.simulatedNow = { clock.now } }) { harness in
            try await Self.tinyList(harness, "Tiny", count: 30)
            let voice = try await Self.campaign(harness, voice: true, list: "Tiny", name: "Voice")
            let sms = try await Self.campaign(harness, voice: false, list: "Tiny", name: "SMS")
            #expect(try await Self.trigger(harness, voice, "play", voice: true) == 200)
            #expect(try await Self.trigger(harness, sms, "play", voice: false) == 200)
            clock.set("2026-01-05T14:02:00Z")  // the texts are sent; some receipts are in, others not yet (about 13 of 30)
            let smsRun = try await Self.contactsPage(harness, sms)
            #expect(smsRun.allSatisfy { $0["numberOfAttemptsSoFar"] == 1 })
            let smsOutcomes = Set(smsRun.compactMap { $0["dialerOutcome"]?.stringValue })
            #expect(smsOutcomes == ["", "delivered"] || smsOutcomes == ["", "delivered", "failed"], "\(smsOutcomes)")
            #expect(smsRun.contains { $0["dialerOutcome"] == "" && $0["botOutboundStatus"] == "sent" })
            #expect(try await Self.trigger(harness, sms, "stop", voice: false) == 200)

            clock.set("2026-01-05T14:10:00Z")
            let voiceRun = try await Self.contactsPage(harness, voice)
            #expect(Self.attempts(voiceRun) == 30)
            #expect(try await Self.trigger(harness, voice, "stop", voice: true) == 200)
            clock.set("2026-01-05T15:00:00Z")
            let reset = try await Self.contactsPage(harness, voice)
            #expect(Self.attempts(reset) == 0 && reset.allSatisfy { $0["dialerOutcome"] == "" && $0["botSessionId"] == "" })
            #expect(try await Self.contactsPage(harness, sms) == smsRun, "a stopped SMS campaign keeps what it did")

            #expect(try await Self.trigger(harness, voice, "play", voice: true) == 200)
            clock.set("2026-01-05T15:10:00Z")
            let rerun = try await Self.contactsPage(harness, voice)
            #expect(Self.attempts(rerun) == 30)
            #expect(rerun.map { $0["botSessionId"] } != voiceRun.map { $0["botSessionId"] }, "a rerun is a new instance")
        }
    }

    @Test("view=contacts: page and limit are checked as documented; pages past the end are empty")
    func contactsPaging() async throws {
        try await withSandbox(seed: 0, configure: { $0.importDelay = .zero }) { harness in
            try await Self.tinyList(harness, "Tiny", count: 30)
            let id = try await Self.campaign(harness, voice: false, list: "Tiny", name: "Paged")
            let path = "\(Self.v2)/\(id)/status"
            for (body, paths) in [(["page": 0] as JSONValue, ["page"]), (["page": "1"], ["page"]), (["page": 1.5], ["page"]),
                                  (["limit": 101], ["limit"]), (["limit": 0], ["limit"]), (["page": -1, "limit": "x"], ["page", "limit"])] {
                let reply = try await harness.send("POST", path, query: [("view", "contacts")], body: body)
                #expect(reply.status == 400 && reply.errorPaths == paths, "\(body.serialized())")
            }
            let page = try await harness.send("POST", path, query: [("view", "contacts")], body: ["page": 2, "limit": 7])
            let data = try #require(page.data?.objectValue)
            #expect(page.object.keys == ["status", "data"] && page.object["status"] == "success")
            #expect(data.keys == ["results", "page", "limit", "totalPages", "totalResults"])
            #expect(data["page"] == 2 && data["limit"] == 7 && data["totalPages"] == 5 && data["totalResults"] == 30)
            #expect(data["results"]?.arrayValue?.first?.objectValue?["phoneNumber"] == "14155551007")
            let all = try await harness.send("POST", path, query: [("view", "contacts")], body: [:])
            #expect(all.data?.objectValue?["limit"] == 100 && all.data?.objectValue?["results"]?.arrayValue?.count == 30)
            #expect(try await Self.contactsPage(harness, id, page: 5, limit: 10).isEmpty)
            #expect(try await harness.send("POST", "\(Self.v2)/cd-nope/status", query: [("view", "contacts")], body: [:]).status == 404)
        }
    }

    @Test("a seeded Paused campaign stands part of the way through and resumes where it stopped (not a new run)")
    func pausedResumes() async throws {
        let clock = TestClock("2026-01-07T16:00:00Z")
        try await withSandbox(seed: 60, configure: { $0.simulatedNow = { clock.now } }) { harness in
            let paused = try await harness.list(["filters": ["status": ["Paused"]], "limit": 20])
            var checked = 0
            for item in paused.data?.objectValue?["results"]?.arrayValue ?? [] {
                let object = try #require(item.objectValue)
                let id = try #require((object["_id"] ?? object["id"])?.stringValue)
                let voice = object["dialingMode"] != nil
                let before = try await Self.contactsPage(harness, id)
                guard before.contains(where: { $0["dialerOutcome"] != "" }) else { continue }  // page 1 not reached yet (LIFO)
                clock.set("2026-01-08T16:00:00Z")
                #expect(try await Self.contactsPage(harness, id) == before, "paused: nothing moves")
                #expect(try await Self.trigger(harness, id, "play", voice: voice) == 200)
                clock.set("2026-01-22T16:00:00Z")
                let after = try await Self.contactsPage(harness, id)
                for (old, new) in zip(before, after) {
                    #expect((new["numberOfAttemptsSoFar"]?.intValue ?? 0) >= (old["numberOfAttemptsSoFar"]?.intValue ?? 0))
                    if old["dialerOutcome"] != "" {
                        #expect(new["dialerOutcome"] == old["dialerOutcome"] && new["botSessionId"] == old["botSessionId"])
                    }
                }
                #expect(Self.attempts(after) > Self.attempts(before))
                checked += 1
                break
            }
            #expect(checked == 1, "a seeded Paused campaign with progress on its first page")
        }
    }

    @Test("stopping a Paused SMS campaign keeps its progress where it paused")
    func pausedSMSStops() async throws {
        let clock = TestClock("2026-01-07T16:00:00Z")
        try await withSandbox(seed: 60, configure: { $0.simulatedNow = { clock.now } }) { harness in
            let paused = try await harness.list(["type": "sms", "filters": ["status": ["Paused"]], "limit": 1])
            let object = try #require(paused.data?.objectValue?["results"]?.arrayValue?.first?.objectValue)
            let id = try #require((object["_id"] ?? object["id"])?.stringValue)
            // Pages across the whole list, so that the frontier between done and not yet done is among them.
            let first = try await harness.send("POST", "\(Self.v2)/\(id)/status", query: [("view", "contacts")], body: ["limit": 100])
            let pages = try #require(first.data?.objectValue?["totalPages"]?.intValue)
            func sample() async throws -> [[JSONObject]] {
                var sampled: [[JSONObject]] = []
                for page in stride(from: 1, through: pages, by: max(1, pages / 40)) { sampled.append(try await Self.contactsPage(harness, id, page: page)) }
                return sampled
            }
            let before = try await sample()
            #expect(before.contains { $0.contains { $0["dialerOutcome"] == "" } } && before.contains { $0.contains { $0["dialerOutcome"] != "" } })
            clock.set("2026-01-09T16:00:00Z")
            #expect(try await Self.trigger(harness, id, "stop", voice: false) == 200)
            clock.set("2026-01-12T16:00:00Z")
            #expect(try await sample() == before)
        }
    }

    @Test("two sandboxes with the same seed and clock give the same contacts")
    func sameSeedSameContacts() async throws {
        func snapshot() async throws -> [[JSONObject]] {
            let clock = TestClock("2026-01-07T16:00:00Z")
            return try await withSandbox(seed: 30, configure: { $0.simulatedNow = { clock.now } }) { harness in
                clock.set("2026-01-09T16:00:00Z")
                let active = try await harness.list(["filters": ["status": ["Active", "Paused", "Completed"]], "limit": 6])
                var pages: [[JSONObject]] = []
                for item in active.data?.objectValue?["results"]?.arrayValue ?? [] {
                    let id = try #require((item.objectValue?["_id"] ?? item.objectValue?["id"])?.stringValue)
                    pages.append(try await Self.contactsPage(harness, id, limit: 50))
                }
                return pages
            }
        }
        let first = try await snapshot()
        #expect(first.count == 6 && first.contains { Self.attempts($0) > 0 })
        #expect(try await snapshot() == first)
    }
}

@Suite("Sandbox calling timeline")
struct SandboxCallingTimelineTests {
    static func schedule(_ windows: [(String, String, String)]) throws -> WeekSchedule {
        try WeekSchedule(days: windows.map { CallingDay(day: $0.0, start: $0.1, end: $0.2) })
    }

    @Test("laid out day by day, the open spans are the calling-hours engine's, DST changes included",
          arguments: ["America/New_York", "Australia/Lord_Howe", "Europe/London", "Asia/Kolkata"])
    func sameAsEngine(zone: String) throws {
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        let schedules = try [
            Self.schedule(days.prefix(5).map { ($0, "9:00 AM", "5:00 PM") }),
            Self.schedule(days.map { ($0, "12:00 AM", "12:00 AM") }),  // around the clock
            Self.schedule(days.flatMap { [($0, "1:30 AM", "3:15 AM"), ($0, "10:00 PM", "12:00 AM")] }),  // the skipped and repeated hours
            Self.schedule([("SA", "12:00 AM", "12:00 AM"), ("SU", "12:00 AM", "6:00 AM"), ("MO", "9:10 AM", "12:00 PM"), ("MO", "1:00 PM", "5:30 PM")]),
        ]
        let timeZone = try #require(TimeZone(identifier: zone))
        for schedule in schedules {
            let clock = CallingHoursClock(schedule: schedule, timeZone: timeZone)
            for (from, to) in [("2026-03-01T00:00:00Z", "2026-04-12T00:00:00Z"), ("2026-09-24T13:17:00Z", "2026-11-08T00:00:00Z")] {
                let start = try #require(ISOTimestamp.parse(from)), end = try #require(ISOTimestamp.parse(to))
                let engine = clock.openIntervals(from: start, to: end).map { [$0.start.timeIntervalSince1970, $0.end.timeIntervalSince1970] }
                let spans = CallingTimeline.openSpans(clock, from: start.timeIntervalSince1970, to: end.timeIntervalSince1970).map { [$0.0, $0.1] }
                #expect(spans == engine, "\(zone) \(schedule) \(from)")
            }
        }
    }
}
