import CampaignModel
import Foundation

/// The campaign's contacts view (`status?view=contacts`) and the runs behind it: starting a run,
/// stopping it (a voice campaign's progress is reset, as the console documents; an SMS
/// campaign's stays), and turning a run whose every contact is final into Completed.
extension SandboxService {
    static let maxContactsPageLimit = 100

    /// The lists a campaign dials, in its order (names with no list are skipped).
    func contactSources(_ campaign: Campaign, visibleAt now: Date = Date()) throws -> [ContactListContents] {
        var seen: Set<String> = []
        return try campaign.contactLists.compactMap { name in
            guard seen.insert(name.lowercased()).inserted else { return nil }
            return try store.contactListContents(named: name, visibleAt: now, withUses: false)
        }
    }

    /// The campaign's run: the one recorded, else the one a seeded campaign has (recorded on
    /// first use, with its completion time, when it is running).
    func currentRun(_ campaign: Campaign) throws -> CampaignRun? {
        guard let id = campaign.id else { return nil }
        if let run = try store.run(campaignId: id) { return run }
        guard [.active, .paused, .stopped].contains(campaign.status) else { return nil }
        let total = try contactSources(campaign, visibleAt: .distantFuture).reduce(0) { $0 + $1.total }
        guard var run = dialer.seededRun(for: campaign, total: total) else { return nil }
        if campaign.status == .active {
            run.completesAt = dialer.completion(campaign, run, total: total)
            try store.saveRun(run, campaignId: id)
            dialer.noteCompletion(run.completesAt)
        }
        return run
    }

    /// Records the seeded running campaigns' runs (and so their completion times), `batch` at a
    /// time; returns how many were recorded.
    @discardableResult
    func recordSeededRuns(batch: Int = 500, maxBatches: Int = .max) throws -> Int {
        var recorded = 0
        for _ in 0..<maxBatches {
            let waiting = try store.activeCampaignsWithoutRun(limit: batch)
            for stored in waiting { _ = try currentRun(stored.campaign) }
            recorded += waiting.count
            if waiting.count < batch { break }
        }
        return recorded
    }

    /// Turns running campaigns whose every contact is final into Completed; only looks when one is due.
    func completeDueCampaigns() throws {
        let now = dialer.clock.now()
        guard let due = dialer.nextCompletion.withLock({ $0 }), due <= now.timeIntervalSince1970 else { return }
        _ = try store.completeDueRuns(now: now, updatedAt: timestamp())
        let next = try store.nextCompletion()
        dialer.nextCompletion.withLock { $0 = next }
    }

    /// After a start or stop: a start begins a new run (a Paused campaign resumes its own); a
    /// stop resets a voice campaign's progress and freezes an SMS campaign's.
    func changeRun(started: Bool, before: Campaign, after: Campaign) throws {
        guard let id = after.id else { return }
        let now = dialer.clock.now()
        let previous = try currentRun(before)
        if started {
            var run: CampaignRun
            if before.status == .paused, var resumed = previous, let frozen = resumed.frozenAt {
                resumed.openOffset = dialer.openSeconds(before, resumed, at: frozen)
                resumed.segmentStart = now
                resumed.frozenAt = nil
                run = resumed
            } else {
                run = CampaignRun(runKey: after.campaignInstanceId ?? UUID().uuidString, segmentStart: now, openOffset: 0)
            }
            let total = try contactSources(after, visibleAt: .distantFuture).reduce(0) { $0 + $1.total }
            run.completesAt = dialer.completion(after, run, total: total)
            try store.saveRun(run, campaignId: id)
            dialer.noteCompletion(run.completesAt)
            try completeDueCampaigns()
        } else if after.type == .voice {
            try store.deleteRun(campaignId: id)
        } else if var run = previous {
            run.frozenAt = run.frozenAt ?? now  // a paused run stays where it paused
            try store.saveRun(run, campaignId: id)
        }
    }

    /// Running campaigns that dial a list get new completion times when it grows.
    func refreshCompletions(usingList name: String) throws {
        for id in try store.campaignIds(usingList: name) {
            guard let campaign = try store.campaign(id: id)?.campaign, campaign.status == .active,
                  var run = try currentRun(campaign), run.frozenAt == nil else { continue }
            let total = try contactSources(campaign, visibleAt: .distantFuture).reduce(0) { $0 + $1.total }
            run.completesAt = dialer.completion(campaign, run, total: total)
            try store.saveRun(run, campaignId: id)
            dialer.noteCompletion(run.completesAt)
        }
    }

    func campaignContacts(id: String, body: Data) throws -> SandboxResponse {
        guard let object = try parseBody(body, allowEmpty: true).objectValue else {
            throw SandboxError.badRequest("The body must be a JSON object.")
        }
        var issues: [ValidationIssue] = []
        func whole(_ name: String, _ range: ClosedRange<Int>, default fallback: Int) -> Int {
            guard let value = object[name], !value.isNull else { return fallback }
            guard case .number(let number) = value else {
                issues.append(ValidationIssue(path: name, message: "\(name) must be a number."))
                return fallback
            }
            guard number.rounded() == number else {
                issues.append(ValidationIssue(path: name, message: "\(name) must be an integer."))
                return fallback
            }
            guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                issues.append(ValidationIssue(path: name, message: range.upperBound == Int.max
                    ? "\(name) must be at least \(range.lowerBound)." : "\(name) must be between \(range.lowerBound) and \(range.upperBound)."))
                return fallback
            }
            return Int(number)
        }
        let page = whole("page", 1...Int.max, default: 1)
        let limit = whole("limit", 1...Self.maxContactsPageLimit, default: Self.maxContactsPageLimit)
        if issues.isEmpty, page > Self.maxSkip / limit + 1 {
            issues.append(ValidationIssue(path: "page", message: "page must be at most \(Self.maxSkip / limit + 1) with limit \(limit)."))
        }
        if !issues.isEmpty { throw SandboxError.invalid(issues) }

        let campaign = try requireCampaign(id).campaign
        let now = Date()
        let sources = try contactSources(campaign, visibleAt: now)
        let total = sources.reduce(0) { $0 + $1.total }
        let run = try currentRun(campaign)
        let phase = dialer.phase(campaign, run: run, now: dialer.clock.now())
        let plan = DialPlan(campaign: campaign, runKey: run?.runKey ?? "", total: total)
        let start = (page - 1) * limit
        let range = min(start, total)..<min(start + limit, total)
        var results: [JSONValue] = []
        results.reserveCapacity(range.count)
        var offset = 0
        for source in sources {
            let listRange = (offset..<offset + source.total).clamped(to: range)
            if !listRange.isEmpty {
                let contacts = try self.contacts(of: source, range: (listRange.lowerBound - offset)..<(listRange.upperBound - offset),
                                                 visibleAt: now, numbersOnly: true)
                for (position, contact) in zip(listRange, contacts) {
                    let state: DialPlan.ContactState
                    switch phase {
                    case .idle: state = .untouched
                    case .at(let open): state = plan.state(position: position, at: open)
                    case .over: state = plan.state(position: position, at: .infinity)
                    }
                    results.append(Self.contactJSON(phoneNumber: contact.phoneNumber, state))
                }
            }
            offset += source.total
        }
        let data: JSONValue = [
            "results": .array(results), "page": .number(Double(page)), "limit": .number(Double(limit)),
            "totalPages": .number(Double((total + limit - 1) / limit)), "totalResults": .number(Double(total)),
        ]
        return SandboxResponse(body: ["status": "success", "data": data])
    }

    /// One contact in the documented order of fields.
    static func contactJSON(phoneNumber: String, _ state: DialPlan.ContactState) -> JSONValue {
        [
            "phoneNumber": .string(phoneNumber), "uniqueId": "", "dialerOutcome": .string(state.dialerOutcome),
            "numberOfAttemptsSoFar": .number(Double(state.attempts)), "botSessionId": .string(state.botSessionId),
            "agentDispositionCodes": .array(state.dispositionCodes.map(JSONValue.string)),
            "botOutboundStatus": .string(state.botOutboundStatus), "botOutboundStatusDetail": .string(state.botOutboundStatusDetail),
        ]
    }
}
