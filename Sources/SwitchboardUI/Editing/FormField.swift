import CampaignModel

/// A field of the campaign form. The raw value names it in drafts.
public enum FieldID: String, CaseIterable, Codable, Sendable {
    case kind, name, description, priority, contactLists, dncList
    case message, templateName, experienceFlow, machineDetection, queue, maxSkips
    case callerId, dialingOrder, maxAttempts, retryPeriod, ringTime
    case frequency, timezone, callingHours
}

/// How a field is edited.
public enum FieldKind: Equatable, Sendable {
    /// Free text, at most `maxLength` characters when given.
    case text(maxLength: Int?)
    /// Digits only, within `range`.
    case number(ClosedRange<Int>, unit: String)
    /// One of `options`, cycled with ←/→ or Space.
    case select([String])
    /// Contact lists, chosen in a picker.
    case contactLists
    /// One DNC list or none, chosen in a picker.
    case dncList
    /// An IANA timezone, chosen in a fuzzy picker.
    case timezone
    /// The calling-hours grid, opened with Enter.
    case grid
}

/// One row of the form: what it edits, its label, and where its validation issues come from.
public struct FormField: Equatable, Sendable {
    public let id: FieldID
    public let label: String
    public let kind: FieldKind
    /// Issue paths this field owns (the longest matching prefix wins).
    public let paths: [String]
    /// A short note shown beside the value.
    public let hint: String?

    init(_ id: FieldID, _ label: String, _ kind: FieldKind, paths: [String], hint: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.paths = paths
        self.hint = hint
    }

    /// The range text shown beside a number field ("1–100 attempts").
    public var rangeText: String? {
        guard case .number(let range, let unit) = kind else { return nil }
        return "\(range.lowerBound)–\(range.upperBound)\(unit.isEmpty ? "" : " " + unit)"
    }

    /// The fields of one kind of campaign, in form order; `creating` adds the kind selector.
    public static func fields(for variant: CampaignVariant, creating: Bool) -> [FormField] {
        typealias V = CampaignValidator
        var fields: [FormField] = []
        if creating {
            fields.append(FormField(.kind, "Kind", .select(CampaignVariant.allCases.map(\.rawValue)),
                                    paths: ["campaignType", "format", "dialingMode"]))
        } else {
            // An existing campaign keeps its type; its format or dialing mode may change.
            let siblings = CampaignVariant.allCases.filter { $0.type == variant.type }.map(\.rawValue)
            fields.append(FormField(.kind, variant.type == .voice ? "Dialing mode" : "Format", .select(siblings),
                                    paths: ["campaignType", "format", "dialingMode"]))
        }
        fields += [
            FormField(.name, "Name", .text(maxLength: V.nameLength.upperBound), paths: ["name"]),
            FormField(.description, "Description", .text(maxLength: V.descriptionMaxLength), paths: ["description"]),
            FormField(.priority, "Priority", .number(V.priorityRange, unit: ""), paths: ["priority"], hint: "5 is highest"),
            FormField(.contactLists, "Contact lists", .contactLists, paths: ["contactLists"]),
            FormField(.dncList, "DNC list", .dncList, paths: ["dncLists"], hint: "optional"),
        ]
        switch variant {
        case .smsSimple:
            fields.append(FormField(.message, "Message", .text(maxLength: nil), paths: ["message"], hint: "plain text"))
        case .smsTemplate:
            fields.append(FormField(.templateName, "Template", .text(maxLength: nil), paths: ["message.template_name"]))
            fields.append(FormField(.message, "Message", .text(maxLength: nil), paths: ["message"], hint: "plain text"))
        case .smsAdvanced:
            fields.append(FormField(.experienceFlow, "Experience flow", .text(maxLength: nil), paths: ["experienceFlowName"]))
        case .voiceAgentless:
            fields.append(FormField(.experienceFlow, "Experience flow", .text(maxLength: nil), paths: ["experienceFlowName"]))
            fields.append(FormField(.machineDetection, "Machine detect", .select(["no", "detect", "disconnect"]),
                                    paths: ["enableMachineDetect"]))
        case .voiceProgressive:
            fields.append(FormField(.queue, "Agent queue", .text(maxLength: nil), paths: ["queue_name"]))
        case .voicePreview:
            fields.append(FormField(.queue, "Agent queue", .text(maxLength: nil), paths: ["queue_name"]))
            fields.append(FormField(.maxSkips, "Max skips", .number(V.maxSkipsRange, unit: "records"), paths: ["maxSkips"]))
        }
        let strategy = "dialingStrategy"
        fields.append(FormField(.callerId, "Caller id", .text(maxLength: nil), paths: [strategy, "\(strategy).callerId"],
                                hint: "E.164, e.g. +14155550123"))
        if variant.type == .voice {
            fields += [
                FormField(.dialingOrder, "Dialing order", .select(["FIFO", "LIFO"]), paths: ["\(strategy).dialingOrder"]),
                FormField(.maxAttempts, "Max attempts", .number(V.maxAttemptsRange, unit: "per record"),
                          paths: ["\(strategy).maxAttemptsPerRecord"]),
                FormField(.retryPeriod, "Retry period", .number(V.retryPeriodRange, unit: "minutes"),
                          paths: ["\(strategy).defaultRetryPeriod"]),
                FormField(.ringTime, "Ring time", .number(V.ringTimeRange, unit: "seconds"), paths: ["\(strategy).maxRingTime"]),
            ]
        }
        let hours = "\(strategy).callingHours"
        fields += [
            FormField(.frequency, "Frequency", .select(CallingFrequency.known.map(\.rawValue)), paths: ["\(hours).frequency"]),
            FormField(.timezone, "Timezone", .timezone, paths: ["\(hours).timezone"]),
            FormField(.callingHours, "Calling hours", .grid, paths: [hours], hint: "Enter: edit the grid"),
        ]
        return fields
    }
}
