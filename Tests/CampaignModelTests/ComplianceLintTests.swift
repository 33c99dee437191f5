import Foundation
import Testing
@testable import CampaignModel

private let usZones = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
                       "America/Anchorage", "Pacific/Honolulu"]

/// A rule allowing `start`–`end` (hours) on `days` in `zones`.
private func rule(_ id: String, _ name: String, zones: [String], days: [Weekday] = Weekday.allCases, from start: Int, to end: Int,
                  channel: ComplianceChannel = .both, citation: String) -> ComplianceRule {
    var allowed = WeekSchedule()
    for day in days { allowed.add(TimeWindow(start: start * 60, end: end * 60)!, on: day) }
    return ComplianceRule(id: id, name: name, region: "", zones: zones, allowed: allowed, channel: channel, citation: citation)
}

private func tcpa(_ zones: [String] = usZones) -> ComplianceRule {
    rule("us-federal", "TCPA", zones: zones, from: 8, to: 21, citation: "47 CFR 64.1200(c)(1)")
}

private let louisiana = rule("us-la", "Louisiana", zones: ["America/Chicago"], days: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday],
                             from: 8, to: 20, channel: .voice, citation: "La. R.S. 45:811")
private let trai = rule("in-trai", "TRAI TCCCPR", zones: ["Asia/Kolkata"], from: 10, to: 21, citation: "TRAI TCCCPR 2018")

private func hours(_ zone: String, _ entries: [(String, String, String)]) -> CallingHours {
    CallingHours(frequency: .custom, timezone: zone, days: entries.map { CallingDay(day: $0.0, start: $0.1, end: $0.2) })
}

/// Monday 11 January 2027 and Monday 5 July 2027, noon UTC.
private let january = utc("2027-01-11T12:00:00Z")
private let july = utc("2027-07-05T12:00:00Z")

@Suite("Compliance lint")
struct ComplianceLintTests {
    @Test("an 8 AM Eastern window is 5 AM in Los Angeles: reported in every US zone behind Eastern, not in New York")
    func easternMorningAcrossZones() throws {
        let findings = try ComplianceLint(rules: [tcpa()]).findings(
            for: hours("America/New_York", [("MO", "8:00 AM", "9:00 PM")]), type: .voice, referenceDate: january)
        let pacific = try #require(findings.first { $0.zone == "America/Los_Angeles" })
        #expect(pacific.description == "MO 8:00 AM ET is 5:00 AM in America/Los_Angeles: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))")
        #expect(pacific.everyWeek)
        #expect(Set(findings.map(\.zone)) == Set(usZones).subtracting(["America/New_York"]))
        #expect(findings.allSatisfy { $0.day == .monday && $0.ruleId == "us-federal" })
    }

    @Test("a window that starts inside but runs past the closing hour says until when")
    func runsPastClosing() throws {
        let findings = try ComplianceLint(rules: [tcpa(["America/New_York"])]).findings(
            for: hours("America/New_York", [("TU", "9:00 AM", "11:00 PM")]), type: .voice, referenceDate: january)
        #expect(findings.map(\.description) == [
            "TU 9:00 AM–11:00 PM ET runs until 11:00 PM in America/New_York: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))",
        ])
    }

    @Test("Phoenix 8 PM is 8 PM in Denver in January but 9 PM in July: reported from a January reference date, as not all year")
    func daylightSavingPhoenixDenver() throws {
        let lint = ComplianceLint(rules: [tcpa(["America/Denver"])])
        let phoenix = hours("America/Phoenix", [("MO", "8:00 PM", "9:00 PM")])
        let fromJanuary = try lint.findings(for: phoenix, type: .voice, referenceDate: january)
        #expect(fromJanuary.count == 1)
        #expect(fromJanuary.first?.message == "MO 8:00 PM MST is 9:00 PM in America/Denver: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))")
        #expect(fromJanuary.first?.everyWeek == false)
        #expect(fromJanuary.first?.weekOf == "2027-03-15")
        #expect(fromJanuary.first?.description.hasSuffix("(in the week of 2027-03-15; not all year)") == true)

        let fromJuly = try lint.findings(for: phoenix, type: .voice, referenceDate: july)
        #expect(fromJuly.first?.weekOf == "2027-07-05")
        #expect(fromJuly.first?.everyWeek == false)

        // The same window an hour earlier is fine all year round.
        #expect(try lint.findings(for: hours("America/Phoenix", [("MO", "7:00 PM", "8:00 PM")]), type: .voice, referenceDate: january).isEmpty)
    }

    @Test("an early-morning Kolkata window lands on the previous US day")
    func kolkataToPreviousUSDay() throws {
        let findings = try ComplianceLint(rules: [tcpa(["America/New_York"])]).findings(
            for: hours("Asia/Kolkata", [("TU", "7:30 AM", "8:30 AM")]), type: .voice, referenceDate: january)
        #expect(findings.map(\.description) == [
            "TU 7:30 AM GMT+5:30 is MO 9:00 PM in America/New_York: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))",
        ])
    }

    @Test("day rules follow the recipient's day: Kolkata Monday 7:30 AM is Sunday evening in Chicago; 10–11 PM on Sunday is Sunday morning")
    func kolkataDayShiftAgainstSundayRule() throws {
        let lint = ComplianceLint(rules: [louisiana])
        let findings = try lint.findings(for: hours("Asia/Kolkata", [("MO", "7:30 AM", "8:30 AM"), ("SU", "10:00 PM", "11:00 PM")]),
                                         type: .voice, referenceDate: january)
        #expect(findings.map(\.description) == [
            "MO 7:30 AM GMT+5:30 is SU 8:00 PM in America/Chicago: outside Louisiana: no calls on SU (La. R.S. 45:811)",
            "SU 10:00 PM GMT+5:30 is 10:30 AM in America/Chicago: outside Louisiana: no calls on SU (La. R.S. 45:811)",
        ])
        // 10–11 PM Kolkata on a Monday is Monday late morning in Chicago: allowed.
        #expect(try lint.findings(for: hours("Asia/Kolkata", [("MO", "10:00 PM", "11:00 PM")]), type: .voice, referenceDate: january).isEmpty)
    }

    @Test("an India campaign against TRAI: 9 AM is before the 10 AM–9 PM window; 10 AM–9 PM every day is clean")
    func traiWindow() throws {
        let lint = ComplianceLint(rules: [trai])
        let early = try lint.findings(for: hours("Asia/Kolkata", [("MO", "9:00 AM", "8:00 PM")]), type: .sms, referenceDate: january)
        #expect(early.map(\.description) == ["MO 9:00 AM GMT+5:30 is 9:00 AM in Asia/Kolkata: outside TRAI TCCCPR 10 AM–9 PM (TRAI TCCCPR 2018)"])
        let everyDay = Weekday.allCases.map { ($0.code, "10:00 AM", "9:00 PM") }
        #expect(try lint.findings(for: hours("Asia/Kolkata", everyDay), type: .sms, referenceDate: july).isEmpty)
        let late = try lint.findings(for: hours("Asia/Kolkata", [("FR", "8:00 PM", "10:00 PM")]), type: .voice, referenceDate: july)
        #expect(late.first?.message.hasPrefix("FR 8:00 PM–10:00 PM GMT+5:30 runs until 10:00 PM in Asia/Kolkata") == true)
    }

    @Test("channels: a voice-only rule skips SMS campaigns, an SMS rule skips voice, both and unknown types are checked")
    func channelFiltering() throws {
        let window = hours("America/New_York", [("MO", "6:00 AM", "7:00 AM")])
        let voiceOnly = ComplianceLint(rules: [rule("v", "V", zones: ["America/New_York"], from: 8, to: 20, channel: .voice, citation: "c")])
        let smsOnly = ComplianceLint(rules: [rule("s", "S", zones: ["America/New_York"], from: 8, to: 20, channel: .sms, citation: "c")])
        #expect(try voiceOnly.findings(for: window, type: .sms, referenceDate: january).isEmpty)
        #expect(try voiceOnly.findings(for: window, type: .voice, referenceDate: january).count == 1)
        #expect(try smsOnly.findings(for: window, type: .voice, referenceDate: january).isEmpty)
        #expect(try smsOnly.findings(for: window, type: .sms, referenceDate: january).count == 1)
        #expect(try voiceOnly.findings(for: window, type: nil, referenceDate: january).count == 1)
        #expect(try ComplianceLint(rules: [tcpa(["America/New_York"])]).findings(for: window, type: .sms, referenceDate: january).count == 1)
    }

    @Test("a campaign without calling hours has nothing to report; unreadable hours throw the validation issues")
    func campaignLevel() throws {
        var campaign = Campaign(type: .voice, name: "No hours")
        let lint = ComplianceLint(rules: [tcpa()])
        #expect(try lint.findings(for: campaign, referenceDate: january).isEmpty)
        campaign.dialingStrategy = DialingStrategy(callingHours: hours("Mars/Olympus", [("MO", "9:00 AM", "5:00 PM")]))
        #expect(throws: ValidationFailure.self) { try lint.findings(for: campaign, referenceDate: january) }
    }
}

@Suite("Compliance rule entries")
struct ComplianceRuleEntryTests {
    private let good: JSONValue = [
        "id": "us-xx", "name": "Example", "zones": ["America/Chicago"], "channel": "voice",
        "hours": [["days": ["MO", "TU"], "start": "9:00 AM", "end": "6:00 PM"], ["days": ["SA"], "start": "10:00 AM", "end": "5:00 PM"]],
        "citation": "Example Code § 1",
    ]

    @Test("a rule reads days, windows, zones and channel")
    func reads() throws {
        let rule = try ComplianceRule(json: good)
        #expect(rule.allowed.windows(on: .saturday) == [TimeWindow(start: 600, end: 1020)!])
        #expect(rule.allowed.windows(on: .sunday).isEmpty)
        #expect(rule.allowedDescription(on: .monday) == "9 AM–6 PM")
        #expect(rule.allowedDescription(on: .sunday) == "no calls on SU")
        #expect(rule.channel == .voice)
    }

    @Test("each bad entry names its field", arguments: [
        ("channel", JSONValue.string("fax"), "channel", "not voice, sms or both"),
        ("citation", JSONValue.null, "citation", "is required"),
        ("zones", JSONValue.array(["US/Eastern"]), "zones", "not an IANA time zone"),
        ("hours", JSONValue.array([["days": ["MO"], "start": "8 AM", "end": "9:00 PM"]]), "hours", "hours[0].start \"8 AM\" is not a time"),
        ("hours", JSONValue.array([["days": ["XX"], "start": "8:00 AM", "end": "9:00 PM"]]), "hours", "\"XX\" is not MO"),
        ("hours", JSONValue.array([["days": ["MO"], "start": "9:00 PM", "end": "8:00 AM"]]), "hours", "must end after it starts"),
        ("holidays", JSONValue.bool(true), "holidays", "is not a rule field"),
    ])
    func badEntry(key: String, value: JSONValue, field: String, message: String) {
        var object = good.objectValue!
        object[key] = value
        do {
            _ = try ComplianceRule(json: .object(object))
            Issue.record("accepted a bad \(key)")
        } catch {
            #expect(error.field == field)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}

@Suite("Campaign selector")
struct CampaignSelectorTests {
    private func campaign(_ name: String, _ type: CampaignType, _ status: CampaignStatus, priority: Int? = nil) -> Campaign {
        var campaign = Campaign(type: type, name: name)
        campaign.status = status
        campaign.priority = priority
        return campaign
    }

    @Test("status, type, name substring and priority must all hold; | gives alternatives")
    func matches() throws {
        let selector = try CampaignSelector(parsing: "status=active|paused, type=voice, name=promo")
        #expect(selector.matches(campaign("Spring PROMO", .voice, .active)))
        #expect(selector.matches(campaign("promo 2", .voice, .paused)))
        #expect(!selector.matches(campaign("Spring promo", .sms, .active)))
        #expect(!selector.matches(campaign("Renewals", .voice, .active)))
        #expect(!selector.matches(campaign("promo", .voice, .stopped)))
        #expect(try CampaignSelector(parsing: "priority=3").matches(campaign("x", .sms, .ready, priority: 3)))
        #expect(CampaignSelector().matches(campaign("anything", .sms, .completed)))
        #expect(selector.description == "status=active|paused,type=voice,name=promo")
    }

    @Test("bad terms are refused with the keys allowed", arguments: ["colour=red", "status", "type=fax", "priority=9"])
    func refused(_ text: String) {
        #expect(throws: ValidationFailure.self) { try CampaignSelector(parsing: text) }
    }
}
