import CampaignModel
import Foundation
import TerminalKit

/// The create/edit form: one text input per field, the contact lists, the calling-hours grid,
/// and the campaign they make. Only fields the user changed are written over the campaign the
/// form started from, so an edit never rewrites what it did not touch ("9:10 AM" stays).
public struct CampaignEditor: Equatable, Sendable {
    public enum Mode: String, Codable, Sendable { case create, edit }

    public let mode: Mode
    /// The campaign the form started from: as fetched (edit) or the defaults (create).
    public private(set) var base: Campaign
    public private(set) var variant: CampaignVariant
    public private(set) var inputs: [FieldID: TextInput]
    public private(set) var contactLists: [String]
    public var grid: GridEditor
    /// Why the days cannot be edited in the grid (the server sent days it cannot read).
    public let gridLocked: String?
    /// Where unsaved changes are kept on disk.
    public let draftKey: String
    /// The field with the keyboard, an index into `fields`.
    public private(set) var focus = 0
    /// True while the calling-hours grid fills the screen.
    public var showsGrid = false
    public var picker: Picker?
    /// Field problems the server reported on the last save; cleared when their field changes.
    public var serverIssues: [ValidationIssue] = []
    /// Editing, saving (no edits taken) or failed (with the reason).
    public var phase: SavePhase = .editing
    /// True while a save is on its way.
    public var saving: Bool { phase == .saving }
    /// The last save's failure, shown above the fields; cleared (back to editing) by a change.
    public var failure: String? {
        get { if case .failed(let reason) = phase { return reason } else { return nil } }
        set { phase = newValue.map { .failed($0) } ?? (phase == .saving ? .saving : .editing) }
    }
    /// Days copied with `y` in the grid, pasted with `p`.
    public var copiedDay: [TimeWindow]?
    /// Earlier schedules of the grid, newest last, for `u`.
    public var gridHistory: [WeekSchedule] = []
    private let initialTexts: [FieldID: String]
    private let initialLists: [String]
    private let initialHours: CallingHours
    private let initialVariant: CampaignVariant

    /// Opens the form on `base`; `working` (a draft) replaces the values the user sees.
    public init(mode: Mode, base: Campaign, variant: CampaignVariant, draftKey: String, working: Campaign? = nil) {
        self.mode = mode
        self.base = base
        self.variant = variant
        self.draftKey = draftKey
        initialVariant = variant
        initialTexts = Self.texts(of: base, variant: variant)
        initialLists = base.contactLists
        let baseHours = base.dialingStrategy?.callingHours ?? CallingHours(frequency: .weekly, timezone: "UTC")
        initialHours = baseHours
        let shown = working ?? base
        let shownVariant = working?.variant ?? variant
        var inputs: [FieldID: TextInput] = [:]
        for (id, text) in Self.texts(of: shown, variant: shownVariant) {
            inputs[id] = TextInput(text, allowed: Self.allowed(for: id))
        }
        self.inputs = inputs
        contactLists = shown.contactLists
        self.variant = shownVariant
        let shownHours = shown.dialingStrategy?.callingHours ?? baseHours
        do {
            grid = try GridEditor(callingHours: shownHours)
            gridLocked = nil
        } catch {
            var readable = shownHours
            readable.days = []
            grid = (try? GridEditor(callingHours: readable)) ?? (try! GridEditor(callingHours: CallingHours()))
            gridLocked = "the days cannot be edited here: " + (error.issues.first?.message ?? "unreadable")
        }
        // A new campaign starts on its kind (still changeable); an edit on the name.
        if mode == .edit { focus(on: .name) }
    }

    /// A new campaign of `variant` with the documented defaults, its hours in `timezone`.
    public static func creating(_ variant: CampaignVariant, timezone: String, draftKey: String) -> CampaignEditor {
        var campaign = Campaign(type: variant.type, name: "")
        campaign.priority = 3
        campaign.maxSkips = 3
        campaign.machineDetection = .off
        var strategy = DialingStrategy(dialingOrder: .fifo, maxAttemptsPerRecord: 3, defaultRetryPeriod: 60, maxRingTime: 30)
        strategy.callingHours = CallingHours(frequency: .weekly, timezone: IANAZones.zone(timezone) == nil ? "UTC" : timezone,
                                             days: WeekSchedule.weekdaysNineToSix.days)
        campaign.dialingStrategy = strategy
        return CampaignEditor(mode: .create, base: campaign, variant: variant, draftKey: draftKey)
    }

    // MARK: Fields

    /// The fields of the current kind of campaign, in order.
    public var fields: [FormField] { FormField.fields(for: variant, creating: mode == .create) }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func text(_ id: FieldID) -> String { inputs[id]?.text ?? "" }

    public mutating func moveFocus(by delta: Int) {
        let count = fields.count
        focus = ((focus + delta) % count + count) % count
    }

    public mutating func focus(on id: FieldID) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focus = index }
    }

    /// Sends a key to the focused text or number field; true if it was an editing key.
    public mutating func edit(_ key: Key) -> Bool {
        guard let field = focusedField, var input = inputs[field.id] else { return false }
        switch field.kind {
        case .text, .number: break
        default: return false
        }
        guard input.handle(key) else { return false }
        if case .number = field.kind, input.characters.count > 6 { return true }
        inputs[field.id] = input
        changed(field)
        return true
    }

    /// Sets a field's whole text (selects, pickers).
    public mutating func set(_ id: FieldID, to text: String) {
        inputs[id] = TextInput(text, allowed: Self.allowed(for: id))
        if let field = fields.first(where: { $0.id == id }) { changed(field) }
        if id == .kind, let newVariant = CampaignVariant(rawValue: text) {
            variant = newVariant
            focus(on: .kind)
        }
    }

    /// Steps a select field to its next (or previous) option.
    public mutating func cycle(_ delta: Int) {
        guard let field = focusedField, case .select(let options) = field.kind else { return }
        let current = options.firstIndex(of: field.id == .frequency ? grid.frequency.rawValue : text(field.id)) ?? -delta
        let next = options[((current + delta) % options.count + options.count) % options.count]
        if field.id == .frequency {
            grid.setFrequency(.tolerant(next))
            changed(field)
        } else {
            set(field.id, to: next)
        }
    }

    /// A new timezone for the calling hours, keeping the local times or the moments.
    public mutating func setTimezone(_ zone: String, keepLocalTimes: Bool, at instant: Date) {
        let before = grid.schedule
        try? grid.setTimezone(zone, keepLocalTimes: keepLocalTimes, at: instant)
        recordGridChange(from: before)
        if let field = fields.first(where: { $0.id == .timezone }) { changed(field) }
    }

    /// Remembers `before` for undo when the grid's schedule changed since.
    public mutating func recordGridChange(from before: WeekSchedule) {
        guard grid.schedule != before else { return }
        gridHistory.append(before)
        if gridHistory.count > 200 { gridHistory.removeFirst() }
    }

    /// A change made in the grid: clears what the server said about the hours.
    public mutating func gridChanged() {
        if let field = fields.first(where: { $0.id == .callingHours }) { changed(field) }
    }

    public mutating func setContactLists(_ names: [String]) {
        contactLists = names
        if let field = fields.first(where: { $0.id == .contactLists }) { changed(field) }
    }

    /// The field's value as one line, for the form.
    public func display(_ field: FormField) -> String {
        switch field.kind {
        case .contactLists: return contactLists.joined(separator: ", ")
        case .timezone: return grid.timezone
        case .grid: return CallingHoursSummary.text(grid.schedule)
        case .select where field.id == .frequency: return grid.frequency.rawValue
        default: return text(field.id)
        }
    }

    /// Drops the server's issues about a field the user just changed.
    mutating func changed(_ field: FormField) {
        failure = nil
        serverIssues.removeAll { issue in field.paths.contains { Self.path(issue.path, isUnder: $0) } }
    }

    // MARK: The campaign

    /// The campaign the form describes now.
    public var campaign: Campaign {
        var campaign = base
        let creating = mode == .create
        /// The text of a field the user changed (every field when creating).
        func changed(_ id: FieldID) -> String? {
            let now = text(id)
            return creating || now != initialTexts[id] || variant != initialVariant ? now : nil
        }
        func number(_ id: FieldID) -> Int?? { changed(id).map { Int($0) } }
        campaign.type = variant.type
        if let name = changed(.name) { campaign.name = name }
        if let description = changed(.description) { campaign.description = creating && description.isEmpty ? nil : description }
        if let priority = number(.priority) { campaign.priority = priority }
        if creating || contactLists != initialLists { campaign.contactLists = contactLists }
        if let dnc = changed(.dncList) {
            campaign.dncList = dnc.isEmpty ? nil : DNCListRef(id: base.dncList?.name == dnc ? base.dncList?.id : nil, name: dnc)
        }
        switch variant {
        case .smsSimple, .smsTemplate:
            campaign.format = .simple
            var message = base.message ?? SMSMessage(text: "")
            if let text = changed(.message) { message.text = text }
            if variant == .smsTemplate, let template = changed(.templateName) { message.templateName = template }
            if variant == .smsSimple, creating { message.templateName = nil }
            campaign.message = message
        case .smsAdvanced:
            campaign.format = .advanced
            if creating { campaign.message = nil }
            if let flow = changed(.experienceFlow), !flow.isEmpty || creating { campaign.experienceFlowName = flow }
        case .voiceAgentless, .voiceProgressive, .voicePreview:
            campaign.dialingMode = variant == .voiceAgentless ? .agentless : variant == .voiceProgressive ? .progressive : .preview
            if variant == .voiceAgentless {
                if let flow = changed(.experienceFlow), !flow.isEmpty || creating { campaign.experienceFlowName = flow }
                if let detection = changed(.machineDetection) { campaign.machineDetection = .tolerant(detection) }
            } else if let queue = changed(.queue) {
                campaign.queueName = queue
            }
            if variant == .voicePreview, let skips = number(.maxSkips) { campaign.maxSkips = skips }
        }
        var strategy = campaign.dialingStrategy ?? DialingStrategy()
        if let caller = changed(.callerId) { strategy.callerId = caller.isEmpty ? nil : caller }
        if variant.type == .voice {
            if let order = changed(.dialingOrder) { strategy.dialingOrder = .tolerant(order) }
            if let attempts = number(.maxAttempts) { strategy.maxAttemptsPerRecord = attempts }
            if let retry = number(.retryPeriod) { strategy.defaultRetryPeriod = retry }
            if let ring = number(.ringTime) { strategy.maxRingTime = ring }
        }
        // A record without calling hours (or without a strategy) stays without them until edited.
        let hours = callingHours
        if creating || base.dialingStrategy?.callingHours != nil || hours != initialHours { strategy.callingHours = hours }
        if creating || campaign.dialingStrategy != nil || strategy != DialingStrategy() { campaign.dialingStrategy = strategy }
        return campaign
    }

    /// The calling hours as they would be saved: untouched hours are kept exactly as read.
    public var callingHours: CallingHours {
        var hours = grid.callingHours
        if gridLocked != nil { hours.days = initialHours.days }
        if hours == gridHoursAtStart { return initialHours }
        guard gridLocked == nil, let before = try? WeekSchedule(days: initialHours.days) else { return hours }
        // A day whose windows did not change keeps its entries exactly as the server wrote them.
        hours.days = Weekday.allCases.flatMap { day -> [CallingDay] in
            if before.windows(on: day) == grid.schedule.windows(on: day) {
                return initialHours.days.filter { Weekday(code: $0.day) == day }
            }
            return grid.schedule.days.filter { Weekday(code: $0.day) == day }
        }
        return hours
    }

    private var gridHoursAtStart: CallingHours {
        var hours = initialHours
        if let schedule = try? WeekSchedule(days: initialHours.days) { hours.days = schedule.days }
        hours.frequency = hours.frequency ?? .weekly
        hours.timezone = hours.timezone ?? "UTC"
        return hours
    }

    /// The rules' verdict on the campaign as it stands, then what the server said (which blocks
    /// until its field changes). Editing, a blocking rule stops the save only on a field the user
    /// changed; on an untouched field it is a warning, whatever the server holds there.
    public var validation: ValidationReport {
        let current = campaign
        var report = CampaignValidator.review(current, comparedTo: mode == .edit ? base : nil)
        report.blocking += serverIssues
        return report
    }

    /// The problems that stop a save: the blocking rules on changed fields and the server's.
    public var issues: [ValidationIssue] { validation.blocking }

    /// What is said but never refused: Switchboard's beliefs, and problems of untouched fields.
    public var warnings: [ValidationIssue] { validation.warnings }

    /// The blocking issues of each field, and those no field owns.
    public var issuesByField: (byField: [FieldID: [ValidationIssue]], general: [ValidationIssue]) {
        grouped(issues)
    }

    /// The warnings of each field, and those no field owns.
    public var warningsByField: (byField: [FieldID: [ValidationIssue]], general: [ValidationIssue]) {
        grouped(warnings)
    }

    /// `issues` by the field that owns each (the longest matching path wins), and the rest.
    func grouped(_ issues: [ValidationIssue]) -> (byField: [FieldID: [ValidationIssue]], general: [ValidationIssue]) {
        let fields = fields
        var byField: [FieldID: [ValidationIssue]] = [:]
        var general: [ValidationIssue] = []
        for issue in issues {
            var best: (FieldID, Int)?
            for field in fields {
                for path in field.paths where Self.path(issue.path, isUnder: path) {
                    if path.count > (best?.1 ?? -1) { best = (field.id, path.count) }
                }
            }
            if let (id, _) = best { byField[id, default: []].append(issue) } else { general.append(issue) }
        }
        return (byField, general)
    }

    /// True when the form differs from where it started.
    public var isDirty: Bool {
        variant != initialVariant || contactLists != initialLists || callingHours != initialHours
            || FieldID.allCases.contains { text($0) != (initialTexts[$0] ?? "") }
    }

    /// Takes the server's newer version as the base after a conflict: the fields the user changed
    /// stay as typed, every other field now comes from `campaign`.
    public mutating func rebase(on campaign: Campaign) {
        base = campaign
    }

    /// "contactLists[0]" and "message.message" lie under "contactLists" and "message".
    static func path(_ path: String, isUnder prefix: String) -> Bool {
        ValidationIssue.path(path, isUnder: prefix)
    }

    // MARK: Texts

    /// The text each field shows for `campaign`.
    static func texts(of campaign: Campaign, variant: CampaignVariant) -> [FieldID: String] {
        let strategy = campaign.dialingStrategy
        let hours = strategy?.callingHours
        return [
            .kind: variant.rawValue,
            .name: campaign.name,
            .description: campaign.description ?? "",
            .priority: campaign.priority.map(String.init) ?? "",
            .dncList: campaign.dncList?.name ?? "",
            .message: campaign.message?.text ?? "",
            .templateName: campaign.message?.templateName ?? "",
            .experienceFlow: campaign.experienceFlowName ?? "",
            .machineDetection: campaign.machineDetection?.requestValue ?? MachineDetection.off.rawValue,
            .queue: campaign.effectiveQueue ?? "",
            .maxSkips: campaign.maxSkips.map(String.init) ?? "",
            .callerId: strategy?.callerId ?? "",
            .dialingOrder: strategy?.dialingOrder?.rawValue ?? DialingOrder.fifo.rawValue,
            .maxAttempts: strategy?.maxAttemptsPerRecord.map(String.init) ?? "",
            .retryPeriod: strategy?.defaultRetryPeriod.map(String.init) ?? "",
            .ringTime: strategy?.maxRingTime.map(String.init) ?? "",
            .frequency: hours?.frequency?.rawValue ?? "",
            .timezone: hours?.timezone ?? "",
        ]
    }

    static func allowed(for id: FieldID) -> (@Sendable (Character) -> Bool)? {
        switch id {
        case .priority, .maxSkips, .maxAttempts, .retryPeriod, .ringTime: return { $0.isASCII && $0.isNumber }
        case .callerId: return { ($0.isASCII && $0.isNumber) || $0 == "+" }
        default: return nil
        }
    }
}

/// One line for a week of calling hours: "MO–FR 9:00 AM–6:00 PM, SA 10:00 AM–2:00 PM".
enum CallingHoursSummary {
    static func text(_ schedule: WeekSchedule) -> String {
        guard !schedule.isEmpty else { return "no calling windows" }
        var groups: [(days: [Weekday], windows: String)] = []
        for day in Weekday.allCases {
            let windows = schedule.windows(on: day).map(\.description).joined(separator: ", ")
            guard !windows.isEmpty else { continue }
            if let last = groups.last, last.windows == windows, last.days.last?.next == day, day != .monday {
                groups[groups.count - 1].days.append(day)
            } else {
                groups.append(([day], windows))
            }
        }
        return groups.map { group in
            let days = group.days.count == 1 ? group.days[0].code : "\(group.days[0].code)–\(group.days.last!.code)"
            return "\(days) \(group.windows)"
        }.joined(separator: "; ")
    }
}

extension CampaignEditor {
    /// Pasted text into the focused text or number field, as one edit (see `TextInput.insert`);
    /// false when the focused field takes no text.
    public mutating func paste(_ text: String) -> Bool {
        guard let field = focusedField, var input = inputs[field.id] else { return false }
        switch field.kind {
        case .text, .number: break
        default: return false
        }
        input.insert(text)
        if case .number = field.kind, input.characters.count > 6 { return true }
        inputs[field.id] = input
        changed(field)
        return true
    }
}
