import Foundation

/// The rules a campaign must meet before it is sent. `validate` returns every problem at once,
/// each blocking or a warning; `review` also says which of them stop a save.
///
/// **Which rules block and which warn.** Blocking is only what the API pages state, or what
/// cannot be sent at all; everything else is a warning:
/// - blocking: a name (1–48 characters), description ≤ 256, at least one contact list (a blank
///   name is not a list's name), priority 1–5, campaignType sms|voice, format simple|advanced,
///   dialingMode Agentless|Progressive|Preview, the message (not empty) of a simple SMS
///   and its template name when one is used, the experience flow of advanced SMS and agentless
///   voice, enableMachineDetect no|detect|disconnect, the agent queue of progressive and preview,
///   maxSkips of preview, the dialing strategy with a caller id, calling hours with frequency
///   WEEKLY|DAILY|CUSTOM, a timezone and at least one window, day codes MO…SU, times "h:mm AM/PM",
///   each window ending after it starts (one crossing midnight does not), dialingOrder FIFO|LIFO,
///   maxAttemptsPerRecord 1–100, defaultRetryPeriod 1–1440, maxRingTime 5–120 (the create and
///   update pages of both kinds);
/// - warnings: a caller id that is not strict E.164, a timezone that is not an IANA name,
///   several windows on one day under WEEKLY, DAILY days that differ, maxSkips outside 0–100,
///   control characters in a name, a message that is not base64 of text (the docs' samples send
///   masked ones, which the server accepts).
///
/// `review` adds the rule for every rule: a field the user did not change never blocks a save,
/// whatever it holds; its problems are warnings at most.
///
/// Responses name the experience flow only by id (`experienceFlow`); a campaign read from the
/// server satisfies "needs a flow" with that id, and an update that sends no
/// `experienceFlowName` keeps the flow the campaign has.
public enum CampaignValidator {
    /// Documented limits, shown beside form fields.
    public static let nameLength = 1...48
    public static let descriptionMaxLength = 256
    public static let priorityRange = 1...5
    public static let maxAttemptsRange = 1...100
    public static let retryPeriodRange = 1...1440
    public static let ringTimeRange = 5...120
    /// The docs give no range for `maxSkips`; Switchboard allows 0–100.
    public static let maxSkipsRange = 0...100

    public static func validate(_ campaign: Campaign) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let name = campaign.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            issues.append(ValidationIssue(path: "name", message: "Give the campaign a name."))
        } else if campaign.name.count > nameLength.upperBound {
            issues.append(ValidationIssue(path: "name",
                message: "The name has \(campaign.name.count) characters; at most \(nameLength.upperBound) are allowed."))
        }
        if hasControlCharacters(campaign.name) {
            issues.append(.warning(path: "name",
                message: "The name holds control characters (an escape, a tab or a line break); they garble terminals and logs."))
        }
        if let description = campaign.description, description.count > descriptionMaxLength {
            issues.append(ValidationIssue(path: "description",
                message: "The description has \(description.count) characters; at most \(descriptionMaxLength) are allowed."))
        }
        let lists = campaign.contactLists.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if lists.isEmpty {
            issues.append(ValidationIssue(path: "contactLists", message: "Choose at least one contact list."))
        }
        for (index, list) in campaign.contactLists.enumerated() where list.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(path: "contactLists[\(index)]", message: "A contact list name cannot be blank."))
        }
        if let priority = campaign.priority, !priorityRange.contains(priority) {
            issues.append(ValidationIssue(path: "priority", message: "Priority must be 1, 2, 3, 4 or 5 (5 is highest)."))
        }
        switch campaign.type {
        case .sms?: issues += smsIssues(campaign)
        case .voice?: issues += voiceIssues(campaign)
        default:
            issues.append(ValidationIssue(path: "campaignType", message: "The campaign type must be sms or voice."))
        }
        issues += strategyIssues(campaign.dialingStrategy, voice: campaign.type == .voice)
        return issues
    }

    /// Throws every blocking problem at once, or returns quietly (warnings never throw).
    public static func check(_ campaign: Campaign) throws(ValidationFailure) {
        let issues = validate(campaign).filter(\.isBlocking)
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }

    /// The verdict on saving `campaign` over `original` (nil: a new campaign, every field counts).
    /// A blocking problem refuses the save only when its field changed; on a field the user did
    /// not change it becomes a warning. A change of type, format or dialing mode re-checks every
    /// field, since it changes which fields are needed.
    public static func review(_ campaign: Campaign, comparedTo original: Campaign?) -> ValidationReport {
        review(validate(campaign), changedPaths: original.map { CampaignDiff.changes(from: $0, to: campaign).map(\.path) })
    }

    /// Splits `issues` by `changedPaths` (nil: everything changed), as `review` does.
    public static func review(_ issues: [ValidationIssue], changedPaths: [String]?) -> ValidationReport {
        var report = ValidationReport()
        let kindChanged = changedPaths.map { paths in paths.contains { kindPaths.contains($0) } } ?? true
        for issue in issues {
            let changed = kindChanged || (changedPaths ?? []).contains { path in
                ValidationIssue.path(path, isUnder: issue.path) || ValidationIssue.path(issue.path, isUnder: path)
            }
            if issue.isBlocking, changed { report.blocking.append(issue) } else { report.warnings.append(issue.asWarning) }
        }
        return report
    }

    /// The fields that say which kind of campaign it is.
    static let kindPaths: Set<String> = ["campaignType", "format", "dialingMode"]

    // MARK: SMS and voice

    private static func smsIssues(_ campaign: Campaign) -> [ValidationIssue] {
        switch campaign.format {
        case .simple?:
            guard let message = campaign.message else {
                return [ValidationIssue(path: "message.message", message: "Write the message to send.")]
            }
            var issues: [ValidationIssue] = []
            if let text = message.text {
                if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    issues.append(ValidationIssue(path: "message.message", message: "Write the message to send."))
                }
            } else if message.encoded.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(ValidationIssue(path: "message.message", message: "Write the message to send."))
            } else {
                // The docs' own create samples send a masked, undecodable message and are accepted:
                // it goes exactly as written, and only cannot be shown here.
                issues.append(.warning(path: "message.message",
                    message: "The message is not base64-encoded text Switchboard can read, so it cannot be shown; it is sent exactly as written (type a new one to replace it)."))
            }
            if let templateName = message.templateName, templateName.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(ValidationIssue(path: "message.template_name",
                    message: "Name the template, or choose the simple format without one."))
            }
            return issues
        case .advanced?:
            return requireText(campaign.experienceFlowName ?? campaign.experienceFlowId, path: "experienceFlowName",
                               message: "Choose the experience flow the SMS starts.")
        default:
            return [ValidationIssue(path: "format", message: "The SMS format must be simple or advanced.")]
        }
    }

    private static func voiceIssues(_ campaign: Campaign) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        switch campaign.dialingMode {
        case .agentless?:
            issues += requireText(campaign.experienceFlowName ?? campaign.experienceFlowId, path: "experienceFlowName",
                                  message: "Agentless campaigns need the experience flow that talks to the contact.")
            if let detection = campaign.machineDetection, !detection.isKnown {
                issues.append(ValidationIssue(path: "enableMachineDetect",
                    message: "Machine detection must be no, detect or disconnect."))
            }
        case .progressive?:
            issues += requireText(campaign.effectiveQueue, path: "queue_name",
                                  message: "Progressive campaigns need the agent queue that takes the calls.")
        case .preview?:
            issues += requireText(campaign.effectiveQueue, path: "queue_name",
                                  message: "Preview campaigns need the agent queue that takes the calls.")
            if let skips = campaign.maxSkips {
                issues += range(skips, maxSkipsRange, path: "maxSkips", what: "Max skips", unit: "").map(\.asWarning)
            } else {
                issues.append(ValidationIssue(path: "maxSkips",
                    message: "Preview campaigns need how many records an agent may skip (\(maxSkipsRange.lowerBound)–\(maxSkipsRange.upperBound))."))
            }
        default:
            issues.append(ValidationIssue(path: "dialingMode",
                message: "The dialing mode must be Agentless, Progressive or Preview."))
        }
        return issues
    }

    // MARK: Dialing strategy

    private static func strategyIssues(_ strategy: DialingStrategy?, voice: Bool) -> [ValidationIssue] {
        let base = "dialingStrategy"
        guard let strategy else {
            return [ValidationIssue(path: base, message: "Set the caller id and calling hours.")]
        }
        var issues: [ValidationIssue] = []
        if let caller = strategy.callerId, !caller.isEmpty {
            if !isE164(caller) {
                issues.append(.warning(path: "\(base).callerId.phoneNumber",
                    message: "\"\(caller)\" is not an E.164 number; write + and the country code, e.g. +14155550123."))
            }
        } else {
            issues.append(ValidationIssue(path: "\(base).callerId.phoneNumber",
                message: "Set the caller id, in E.164 form such as +14155550123."))
        }
        if let hours = strategy.callingHours {
            issues += callingHoursIssues(hours).map { $0.prefixed("\(base).callingHours") }
        } else {
            issues.append(ValidationIssue(path: "\(base).callingHours", message: "Set the calling hours."))
        }
        guard voice else { return issues }
        if let order = strategy.dialingOrder {
            if !order.isKnown {
                issues.append(ValidationIssue(path: "\(base).dialingOrder", message: "The dialing order must be FIFO or LIFO."))
            }
        } else {
            issues.append(ValidationIssue(path: "\(base).dialingOrder", message: "Choose the dialing order, FIFO or LIFO."))
        }
        issues += requiredRange(strategy.maxAttemptsPerRecord, maxAttemptsRange,
                                path: "\(base).maxAttemptsPerRecord", what: "Max attempts per record", unit: "")
        issues += requiredRange(strategy.defaultRetryPeriod, retryPeriodRange,
                                path: "\(base).defaultRetryPeriod", what: "The retry period", unit: " minutes")
        issues += requiredRange(strategy.maxRingTime, ringTimeRange,
                                path: "\(base).maxRingTime", what: "The ring time", unit: " seconds")
        return issues
    }

    /// Issues of a calling-hours block, with paths relative to it (`days[2].end`).
    public static func callingHoursIssues(_ hours: CallingHours) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let frequency = hours.frequency {
            if !frequency.isKnown {
                issues.append(ValidationIssue(path: "frequency", message: "The frequency must be WEEKLY, DAILY or CUSTOM."))
            }
        } else {
            issues.append(ValidationIssue(path: "frequency", message: "Choose the frequency: WEEKLY, DAILY or CUSTOM."))
        }
        if let zone = hours.timezone, !zone.isEmpty {
            if IANAZones.zone(zone) == nil {
                issues.append(.warning(path: "timezone",
                    message: "\"\(zone)\" is not an IANA time zone; use a name such as America/New_York or Asia/Kolkata."))
            }
        } else {
            issues.append(ValidationIssue(path: "timezone", message: "Choose the time zone the calling hours are in."))
        }
        let schedule: WeekSchedule
        do { schedule = try WeekSchedule(days: hours.days) } catch {
            return issues + error.issues
        }
        if schedule.isEmpty {
            issues.append(ValidationIssue(path: "days", message: "Add at least one calling window, or the campaign never runs."))
        } else if hours.frequency == .daily, !schedule.isSameEveryDay {
            // The docs do not say what DAILY does with differing days: a warning.
            let differing = schedule.daysDifferingFromMonday.map(\.code).joined(separator: ", ")
            issues.append(.warning(path: "days",
                message: "DAILY usually means the same hours on all seven days; \(differing) differ from MO. WEEKLY or CUSTOM may say it better."))
        } else if hours.frequency == .weekly, schedule.maxWindowsPerDay > 1 {
            // No page limits WEEKLY to one window a day, and the server holds such campaigns.
            let split = Weekday.allCases.filter { schedule.windows(on: $0).count > 1 }.map(\.code)
            issues.append(.warning(path: "days",
                message: "\(split.joined(separator: ", ")) \(split.count == 1 ? "has" : "have") several windows under WEEKLY; this saves as it is, though CUSTOM may describe split shifts better."))
        }
        return issues
    }

    // MARK: Helpers

    /// Whether `text` holds a C0/C1 control character (ESC, BEL, tab, line breaks, …).
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// "+" then 2 to 15 digits, the first not 0.
    public static func isE164(_ number: String) -> Bool {
        guard number.hasPrefix("+") else { return false }
        let digits = number.dropFirst()
        return (2...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber } && digits.first != "0"
    }

    private static func requireText(_ text: String?, path: String, message: String) -> [ValidationIssue] {
        (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? [ValidationIssue(path: path, message: message)] : []
    }

    private static func requiredRange(_ value: Int?, _ range: ClosedRange<Int>, path: String, what: String,
                                      unit: String) -> [ValidationIssue] {
        guard let value else {
            return [ValidationIssue(path: path, message: "\(what) is required (\(range.lowerBound)–\(range.upperBound)\(unit)).")]
        }
        return Self.range(value, range, path: path, what: what, unit: unit)
    }

    private static func range(_ value: Int, _ range: ClosedRange<Int>, path: String, what: String,
                              unit: String) -> [ValidationIssue] {
        range.contains(value) ? [] : [ValidationIssue(path: path,
            message: "\(what) must be between \(range.lowerBound) and \(range.upperBound)\(unit); it is \(value).")]
    }
}
