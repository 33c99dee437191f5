import Foundation

/// The rules a campaign must meet before it is sent. `validate` returns every problem at once;
/// an empty result means the campaign may be written.
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

    /// Throws every problem at once, or returns quietly.
    public static func check(_ campaign: Campaign) throws(ValidationFailure) {
        let issues = validate(campaign)
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }

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
            } else {
                issues.append(ValidationIssue(path: "message.message",
                    message: "The message is not valid base64-encoded text; retype it."))
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
                issues += range(skips, maxSkipsRange, path: "maxSkips", what: "Max skips", unit: "")
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
                issues.append(ValidationIssue(path: "\(base).callerId.phoneNumber",
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
                issues.append(ValidationIssue(path: "timezone",
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
            let differing = schedule.daysDifferingFromMonday.map(\.code).joined(separator: ", ")
            issues.append(ValidationIssue(path: "days",
                message: "DAILY needs the same hours on all seven days; \(differing) differ from MO. Use WEEKLY or CUSTOM."))
        } else if hours.frequency == .weekly, schedule.maxWindowsPerDay > 1 {
            let split = Weekday.allCases.filter { schedule.windows(on: $0).count > 1 }.map(\.code)
            issues.append(ValidationIssue(path: "days",
                message: "WEEKLY allows one window per day; \(split.joined(separator: ", ")) \(split.count == 1 ? "has" : "have") several. Use CUSTOM for split shifts."))
        }
        return issues
    }

    // MARK: Helpers

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
