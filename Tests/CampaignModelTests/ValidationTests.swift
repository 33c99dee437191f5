import Foundation
import Testing
@testable import CampaignModel

/// A voice campaign (preview) and an SMS campaign (simple) that pass every rule.
enum Valid {
    static var voice: Campaign {
        var campaign = Campaign(type: .voice, name: "Renewal reminders", contactLists: ["Renewals May"])
        campaign.description = "Reminds customers whose plan renews this month."
        campaign.priority = 3
        campaign.dialingMode = .preview
        campaign.queueName = "Default Queue"
        campaign.maxSkips = 2
        campaign.dialingStrategy = DialingStrategy(
            callerId: "+14155550123",
            callingHours: CallingHours(frequency: .weekly, timezone: "America/New_York",
                                       days: [CallingDay(day: "MO", start: "9:00 AM", end: "6:00 PM")]),
            dialingOrder: .fifo, maxAttemptsPerRecord: 3, defaultRetryPeriod: 10, maxRingTime: 30)
        return campaign
    }

    static var sms: Campaign {
        var campaign = Campaign(type: .sms, name: "Event reminder", contactLists: ["Attendees"])
        campaign.priority = 5
        campaign.format = .simple
        campaign.message = SMSMessage(text: "See you tomorrow at 10!")
        campaign.dialingStrategy = DialingStrategy(
            callerId: "+919860712345",
            callingHours: CallingHours(frequency: .daily, timezone: "Asia/Kolkata",
                                       days: WeekSchedule.everyDayEightToNine.days))
        return campaign
    }
}

struct Rule: CustomTestStringConvertible, Sendable {
    let label: String
    let path: String
    let base: @Sendable () -> Campaign
    let good: @Sendable (inout Campaign) -> Void
    let bad: @Sendable (inout Campaign) -> Void
    /// Blocking for what the docs state; a warning for what Switchboard only believes.
    var severity: IssueSeverity = .blocking
    var testDescription: String { label }
}

@Suite("Validation rules: each with a good and a bad value")
struct ValidationTests {
    static let strategy = "dialingStrategy"
    static let hours = "dialingStrategy.callingHours"

    static let rules: [Rule] = [
        Rule(label: "name 1–48", path: "name", base: { Valid.voice },
             good: { $0.name = String(repeating: "n", count: 48) }, bad: { $0.name = String(repeating: "n", count: 49) }),
        Rule(label: "name not blank", path: "name", base: { Valid.voice }, good: { $0.name = "A" }, bad: { $0.name = "   " }),
        Rule(label: "description ≤ 256", path: "description", base: { Valid.voice },
             good: { $0.description = String(repeating: "d", count: 256) }, bad: { $0.description = String(repeating: "d", count: 257) }),
        Rule(label: "a contact list", path: "contactLists", base: { Valid.voice },
             good: { $0.contactLists = ["One"] }, bad: { $0.contactLists = [] }),
        Rule(label: "priority 1–5", path: "priority", base: { Valid.voice }, good: { $0.priority = 1 }, bad: { $0.priority = 6 }),
        Rule(label: "campaign type", path: "campaignType", base: { Valid.voice }, good: { $0.type = .voice }, bad: { $0.type = nil }),
        Rule(label: "dialing mode", path: "dialingMode", base: { Valid.voice },
             good: { $0.dialingMode = .progressive }, bad: { $0.dialingMode = DialingMode(rawValue: "Predictive") }),
        Rule(label: "frequency", path: "\(hours).frequency", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.frequency = .custom },
             bad: { $0.dialingStrategy?.callingHours?.frequency = CallingFrequency(rawValue: "MONTHLY") }),
        Rule(label: "day code", path: "\(hours).days[0].day", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.days[0].day = "SU" },
             bad: { $0.dialingStrategy?.callingHours?.days[0].day = "MON" }),
        Rule(label: "time format", path: "\(hours).days[0].start", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.days[0].start = "9:10 AM" },
             bad: { $0.dialingStrategy?.callingHours?.days[0].start = "09:00" }),
        Rule(label: "start before end", path: "\(hours).days[0].end", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.days[0].end = "9:15 AM" },
             bad: { $0.dialingStrategy?.callingHours?.days[0].end = "9:00 AM" }),
        Rule(label: "no window across midnight", path: "\(hours).days[0].end", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.days[0].end = "12:00 AM" },
             bad: { $0.dialingStrategy?.callingHours?.days[0] = CallingDay(day: "FR", start: "10:00 PM", end: "2:00 AM") }),
        Rule(label: "DAILY with differing days only warns (no page states it)", path: "\(hours).days", base: { Valid.sms },
             good: { _ in }, bad: { $0.dialingStrategy?.callingHours?.days.removeLast() }, severity: .warning),
        Rule(label: "WEEKLY with split windows only warns (no page states it)", path: "\(hours).days", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.days.append(CallingDay(day: "TU", start: "1:00 PM", end: "5:00 PM")) },
             bad: { $0.dialingStrategy?.callingHours?.days.append(CallingDay(day: "MO", start: "7:00 PM", end: "8:00 PM")) },
             severity: .warning),
        Rule(label: "at least one window", path: "\(hours).days", base: { Valid.voice },
             good: { _ in }, bad: { $0.dialingStrategy?.callingHours?.days = [] }),
        Rule(label: "max attempts 1–100", path: "\(strategy).maxAttemptsPerRecord", base: { Valid.voice },
             good: { $0.dialingStrategy?.maxAttemptsPerRecord = 100 }, bad: { $0.dialingStrategy?.maxAttemptsPerRecord = 0 }),
        Rule(label: "retry period 1–1440", path: "\(strategy).defaultRetryPeriod", base: { Valid.voice },
             good: { $0.dialingStrategy?.defaultRetryPeriod = 1440 }, bad: { $0.dialingStrategy?.defaultRetryPeriod = 1441 }),
        Rule(label: "ring time 5–120", path: "\(strategy).maxRingTime", base: { Valid.voice },
             good: { $0.dialingStrategy?.maxRingTime = 5 }, bad: { $0.dialingStrategy?.maxRingTime = 4 }),
        Rule(label: "dialing order", path: "\(strategy).dialingOrder", base: { Valid.voice },
             good: { $0.dialingStrategy?.dialingOrder = .lifo }, bad: { $0.dialingStrategy?.dialingOrder = DialingOrder(rawValue: "RANDOM") }),
        Rule(label: "caller id E.164 only warns (SMS sender ids, masked samples)", path: "\(strategy).callerId.phoneNumber",
             base: { Valid.voice },
             good: { $0.dialingStrategy?.callerId = "+442071838750" }, bad: { $0.dialingStrategy?.callerId = "+148465xxxxx" },
             severity: .warning),
        Rule(label: "a caller id is required", path: "\(strategy).callerId.phoneNumber", base: { Valid.voice },
             good: { $0.dialingStrategy?.callerId = "+442071838750" }, bad: { $0.dialingStrategy?.callerId = nil }),
        Rule(label: "IANA time zone only warns (the docs give an example, not a rule)", path: "\(hours).timezone",
             base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.timezone = "Australia/Lord_Howe" },
             bad: { $0.dialingStrategy?.callingHours?.timezone = "IST" }, severity: .warning),
        Rule(label: "a timezone is required", path: "\(hours).timezone", base: { Valid.voice },
             good: { $0.dialingStrategy?.callingHours?.timezone = "Asia/Kolkata" },
             bad: { $0.dialingStrategy?.callingHours?.timezone = nil }),
        Rule(label: "control characters in a name warn", path: "name", base: { Valid.voice },
             good: { $0.name = "Renewals — 春 👋" }, bad: { $0.name = "Renewals\u{1B}]52;c;aGk=\u{07}" }, severity: .warning),
        Rule(label: "maxSkips beyond 0–100 only warns (the docs give no range)", path: "maxSkips", base: { Valid.voice },
             good: { $0.maxSkips = 100 }, bad: { $0.maxSkips = 101 }, severity: .warning),
        Rule(label: "simple SMS message not empty", path: "message.message", base: { Valid.sms },
             good: { $0.message = SMSMessage(text: "Hi") }, bad: { $0.message = SMSMessage(text: "  ") }),
        Rule(label: "a message Switchboard cannot decode only warns (the docs' own create samples send one, and are accepted)",
             path: "message.message", base: { Valid.sms },
             good: { _ in }, bad: { $0.message = SMSMessage(encoded: "VGhpcyBpcyBh%xxxxx") }, severity: .warning),
        Rule(label: "advanced SMS needs a flow", path: "experienceFlowName", base: { Valid.sms },
             good: { $0.format = .advanced; $0.experienceFlowName = "SMS Support Flow" }, bad: { $0.format = .advanced }),
        Rule(label: "agentless needs a flow", path: "experienceFlowName", base: { Valid.voice },
             good: { $0.dialingMode = .agentless; $0.experienceFlowName = "Survey" }, bad: { $0.dialingMode = .agentless }),
        Rule(label: "queue where the mode needs it", path: "queue_name", base: { Valid.voice },
             good: { $0.queueName = "Billing" }, bad: { $0.queueName = nil }),
        Rule(label: "maxSkips where the mode needs it", path: "maxSkips", base: { Valid.voice },
             good: { $0.maxSkips = 0 }, bad: { $0.maxSkips = nil }),
    ]

    @Test("the baselines are valid")
    func baselines() {
        #expect(CampaignValidator.validate(Valid.voice).isEmpty)
        #expect(CampaignValidator.validate(Valid.sms).isEmpty)
    }

    @Test("rule", arguments: rules)
    func rule(_ rule: Rule) {
        var good = rule.base()
        rule.good(&good)
        #expect(CampaignValidator.validate(good).isEmpty, "good value rejected: \(CampaignValidator.validate(good))")
        var bad = rule.base()
        rule.bad(&bad)
        let issues = CampaignValidator.validate(bad)
        #expect(issues.map(\.path) == [rule.path], "\(issues)")
        #expect(issues.map(\.severity) == [rule.severity], "\(issues)")
        #expect(issues.allSatisfy { $0.message.hasSuffix(".") && $0.message.count > 15 })
    }

    @Test("every problem is returned at once")
    func allAtOnce() {
        var campaign = Valid.voice
        campaign.name = ""
        campaign.priority = 9
        campaign.dialingStrategy?.maxRingTime = 500
        campaign.dialingStrategy?.callingHours?.days = [
            CallingDay(day: "MO", start: "9:00 AM", end: "6:00 PM"),
            CallingDay(day: "XX", start: "25:00 AM", end: "noon"),
        ]
        let failure = #expect(throws: ValidationFailure.self) { try CampaignValidator.check(campaign) }
        #expect(failure?.issues.map(\.path) == [
            "name", "priority",
            "dialingStrategy.callingHours.days[1].day", "dialingStrategy.callingHours.days[1].start",
            "dialingStrategy.callingHours.days[1].end", "dialingStrategy.maxRingTime",
        ])
        #expect(failure?.issues(at: "dialingStrategy.callingHours").count == 3)
    }

    @Test("the midnight message says how to split the window")
    func midnightMessage() throws {
        let failure = #expect(throws: ValidationFailure.self) {
            try WeekSchedule(days: [CallingDay(day: "SU", start: "10:00 PM", end: "2:00 AM")])
        }
        #expect(failure?.issues.first?.message == "10:00 PM–2:00 AM crosses midnight; split it into 10:00 PM–12:00 AM on SU and 12:00 AM–2:00 AM on MO.")
    }
}
