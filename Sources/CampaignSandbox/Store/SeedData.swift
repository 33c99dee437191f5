import CampaignModel
import Foundation

/// A small, fast, deterministic random source (SplitMix64): the same seed gives the same data on
/// every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A lower-case UUID-shaped identifier.
    mutating func uuid() -> String {
        let digits = Self.hexDigits
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for index in 0..<32 {  // one draw a digit, grouped 8-4-4-4-12
            if index == 8 || index == 12 || index == 16 || index == 20 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(digits[Int(next() % 16)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The sandbox's demo data: contact lists (some used as DNC lists), experience flows and
/// campaigns of both kinds in every mode and format. The names the API docs use in their
/// samples ("CL Only 2020 Dec 4", "DNC CL Dec 4", "SMS Support Flow", …) are among them, so the
/// docs' own requests work against the sandbox.
struct SeedData {
    static let contactListNames = [
        "CL Only 2020 Dec 4", "APIContctList", "Renewal Due - May/June 2025", "Past-Due Accounts Q3",
        "New Subscribers — Welcome", "Event Attendees Berlin", "Lapsed Customers 2024", "VIP Concierge",
        "Appointment Reminders Clinic North", "Survey Panel — NPS",
    ]
    static let dncListNames = ["DNC CL Dec 4", "testdnc", "Global DNC", "Opt-outs (SMS)"]
    static let experienceFlows = [
        "SMS Support Flow", "Voice Survey Entry Flow", "Payment Reminder IVR", "Appointment Confirmation Bot",
        "Delivery Status Flow",
    ]
    static let queues = ["Default Queue", "Billing Queue", "Retention Desk", "Sales — Outbound"]
    static let zones = [
        "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
        "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "Australia/Lord_Howe", "America/Sao_Paulo",
    ]
    static let topics = [
        "Billing Reminder", "Service Renewal", "Product Feedback", "Appointment Confirmation", "Payment Past Due",
        "Welcome Series", "Delivery Update", "Win-Back Offer", "Event Reminder", "NPS Survey", "Plan Upgrade",
        "Policy Renewal", "Fraud Alert Follow-up", "Subscription Expiry", "Holiday Hours Notice",
    ]
    static let audiences = ["Q3", "North Region", "Premium", "Enterprise", "Retail", "EMEA", "APAC", "Students", "Seniors", "SMB"]
    static let purposes = [
        "reminds customers about upcoming bill payments and offers a pay-now link",
        "connects customers with live agents to assist with upcoming service renewals",
        "collects quick feedback on recent purchases with three short questions",
        "confirms tomorrow's appointments and lets customers reschedule",
        "follows up on overdue balances before late fees apply",
        "welcomes new subscribers and explains how to reach support",
        "tells customers when their delivery is out for the day",
        "invites lapsed customers back with a limited-time offer",
    ]
    static let messages = [
        "Hi {First Name}, your bill of {Amount} is due on {Due Date}. Reply PAY to pay now.",
        "Reminder: your appointment is tomorrow at {Time}. Reply C to confirm or R to reschedule.",
        "Your order is out for delivery today. Track it at https://example.com/t/{Order}.",
        "Thanks for joining us, {First Name}! Reply HELP any time to reach our team.",
    ]

    /// A fixed instant, so that seeded timestamps do not depend on when the sandbox starts.
    static let epoch = Date(timeIntervalSince1970: 1_764_547_200)  // 2025-12-01T00:00:00Z

    let contactLists: [ContactList]
    let flows: [(id: String, name: String)]
    /// How many campaigns the seed holds.
    let campaignCount: Int
    /// The random source as it stands once the lists and flows are made: campaigns continue from it.
    private let campaignRandom: SeededRandom

    /// Every campaign, made at once (`campaignSequence` makes them one by one).
    var campaigns: [StoredCampaign] { Array(campaignSequence) }

    /// The campaigns in order, made as they are asked for, so that seeding 100,000 never holds
    /// them all in memory.
    var campaignSequence: CampaignSequence {
        CampaignSequence(random: campaignRandom, count: campaignCount, flows: flows)
    }

    /// The seed's campaigns, one at a time.
    struct CampaignSequence: Sequence, IteratorProtocol {
        fileprivate var random: SeededRandom
        let count: Int
        let flows: [(id: String, name: String)]
        private var index = 0

        fileprivate init(random: SeededRandom, count: Int, flows: [(id: String, name: String)]) {
            self.random = random
            self.count = count
            self.flows = flows
        }

        mutating func next() -> StoredCampaign? {
            guard index < count else { return nil }
            defer { index += 1 }
            return SeedData.campaign(index, random: &random, flows: flows)
        }

        var underestimatedCount: Int { count - index }
    }

    init(campaignCount: Int, maxListContacts: Int? = nil) {
        var random = SeededRandom(seed: UInt64(max(0, campaignCount)))
        var lists: [ContactList] = []
        for (index, name) in (Self.contactListNames + Self.dncListNames).enumerated() {
            var list = ContactList(id: "cl-" + random.uuid(), name: name,
                                   description: Self.dncListNames.contains(name)
                                       ? "Numbers that must never be called or messaged."
                                       : "Customers targeted by \(name.lowercased()) outreach.")
            list.totalRecordCount = min(Self.listSize(random.next()), maxListContacts ?? .max)
            list.status = "Ready"
            list.listType = "call"
            list.source = "passiveApi"
            list.isListInUse = true
            list.isGlobalDNC = name == "Global DNC"
            list.allowDuplicates = false
            let stamp = ISOTimestamp.format(Self.epoch.addingTimeInterval(-Double(index) * 86_400 * 3))
            list.createdAt = stamp
            list.updatedAt = stamp
            list.extras["mapping"] = [
                "firstName": "firstName", "lastName": "lastName", "phoneNumber": "phoneNumber",
                "timeZone": "timeZone", "uniqueId": "uniqueId", "contactPriority": "contactPriority",
            ]
            list.extras["campaignInUse"] = []
            lists.append(list)
        }
        contactLists = lists
        flows = Self.experienceFlows.map { ("cf-" + random.uuid(), $0) }
        self.campaignCount = max(0, campaignCount)
        campaignRandom = random
    }

    /// A seeded list's size, from tens to tens of thousands (log-uniform over 20…50,000), from one draw.
    static func listSize(_ draw: UInt64) -> Int {
        Int((20 * pow(2_500, Double(draw % 10_000) / 10_000)).rounded())
    }

    fileprivate static func campaign(_ index: Int, random: inout SeededRandom, flows: [(id: String, name: String)]) -> StoredCampaign {
        let variant = CampaignVariant.allCases[Int(random.next() % 6)]
        let topic = random.pick(topics)
        var campaign = Campaign(type: variant.type, name: "\(topic) \(random.pick(audiences)) #\(index + 1)")
        campaign.id = "cd-" + random.uuid()
        campaign.lname = campaign.name.lowercased()
        campaign.description = "This \(variant.type == .sms ? "SMS" : "voice") campaign \(random.pick(purposes))."
        campaign.priority = Int(random.next() % 5) + 1
        campaign.contactLists = [random.pick(contactListNames)]
        let second = random.pick(contactListNames)
        if random.next() % 4 == 0, second != campaign.contactLists[0] { campaign.contactLists.append(second) }
        if random.next() % 3 != 0 { campaign.dncList = DNCListRef(name: random.pick(dncListNames)) }
        let created = epoch.addingTimeInterval(-Double(index) * 3_607 - Double(random.next() % 3_600))
        campaign.createdAt = ISOTimestamp.format(created)
        campaign.updatedAt = ISOTimestamp.format(created.addingTimeInterval(Double(random.next() % 86_400)))
        campaign.status = random.pick([.ready, .ready, .ready, .active, .active, .stopped, .completed, .paused, .scheduled])
        campaign.schedule = CampaignSchedule(isSchedulingEnabled: campaign.status == .scheduled,
                                             isRecurrenceEnabled: campaign.status == .scheduled)
        campaign.serverFields["isFiltersEnabled"] = false
        var strategy = DialingStrategy(callerId: "+1" + String(2_000_000_000 + random.next() % 7_999_999_999),
                                       callingHours: callingHours(&random, index: index))
        switch variant {
        case .smsSimple, .smsTemplate:
            campaign.format = .simple
            campaign.message = SMSMessage(text: random.pick(messages),
                                          templateName: variant == .smsTemplate ? "Welcome" : nil,
                                          templateId: variant == .smsTemplate ? "cmt-" + random.uuid() : "")
            // As the platform returns it (get-all-sms-campaigns.md): base64 with URL-encoded padding.
            if let encoded = campaign.message?.encoded {
                campaign.message?.encoded = encoded.replacingOccurrences(of: "=", with: "%3D")
            }
            campaign.serverFields["isImported"] = false
            campaign.serverFields["totalMessagesSent"] = .number(Double(random.next() % 2_000))
        case .smsAdvanced:
            campaign.format = .advanced
            let flow = flows[0]
            campaign.experienceFlowId = flow.id
            campaign.serverFields["isImported"] = false
            campaign.serverFields["totalMessagesSent"] = .number(Double(random.next() % 2_000))
        case .voiceAgentless, .voiceProgressive, .voicePreview:
            campaign.dialingMode = variant == .voiceAgentless ? .agentless : (variant == .voicePreview ? .preview : .progressive)
            strategy.dialingOrder = random.next() % 4 == 0 ? .lifo : .fifo
            strategy.maxAttemptsPerRecord = Int(random.next() % 5) + 1
            strategy.defaultRetryPeriod = random.pick([5, 10, 15, 30, 60, 120])
            strategy.maxRingTime = random.pick([20, 25, 30, 45, 60])
            strategy.useSystemMappings = false
            if variant == .voiceAgentless {
                let flow = flows[Int(random.next() % UInt64(flows.count - 1)) + 1]
                campaign.experienceFlowId = flow.id
                campaign.machineDetection = random.pick([.off, .enabled])
            } else {
                campaign.queueName = random.pick(queues)
                if variant == .voicePreview { campaign.maxSkips = Int(random.next() % 4) + 1 }
            }
        }
        campaign.dialingStrategy = strategy
        if campaign.status != .ready && campaign.status != .scheduled {
            campaign.campaignInstanceId = "cid-" + random.uuid()
        }
        return StoredCampaign(campaign: campaign, readyAt: nil, recurrence: nil)
    }

    /// Weekday office hours, split shifts (every other one WEEKLY, as the server holds them),
    /// every day, off-the-quarter boundaries, weekends.
    private static func callingHours(_ random: inout SeededRandom, index: Int) -> CallingHours {
        let zone = random.pick(zones)
        var week = WeekSchedule()
        let frequency: CallingFrequency
        func window(_ start: Int, _ end: Int) -> TimeWindow { TimeWindow(start: start, end: end)! }
        switch random.next() % 6 {
        case 0:
            frequency = .daily
            week = .everyDayEightToNine
        case 1:
            frequency = index % 2 == 0 ? .weekly : .custom
            for day in Weekday.allCases where day < .saturday {
                week.add(window(540, 720), on: day)
                week.add(window(780, 1080), on: day)
            }
        case 2:
            frequency = .weekly
            for day in Weekday.allCases where day < .saturday { week.add(window(550, 1050), on: day) }  // 9:10–5:30
            week.add(window(600, 840), on: .saturday)
        case 3:
            frequency = .weekly
            for day in Weekday.allCases { week.add(window(420 + Int(random.next() % 4) * 15, 1200), on: day) }
        default:
            frequency = .weekly
            week = .weekdaysNineToSix
        }
        return CallingHours(frequency: frequency, timezone: zone, days: week.days)
    }
}
