import CampaignModel
import Foundation
import TerminalKit

/// The create/edit form: one text input per field, the contact lists, the calling-hours grid,
/// and what the rules say of the campaign they make (see `CampaignEditor+Campaign.swift`).
/// The verdict is kept, and worked out again only when something it depends on changes: a
/// text, the kind, the lists, the calling hours, the server's issues or the base, never a
/// cursor or focus move.
public struct CampaignEditor: Equatable, Sendable {
    public enum Mode: String, Codable, Sendable { case create, edit }

    public let mode: Mode
    /// The campaign the form started from: as fetched (edit) or the defaults (create).
    public private(set) var base: Campaign { didSet { revalidate() } }
    public private(set) var variant: CampaignVariant { didSet { if variant != oldValue { revalidate() } } }
    /// The fields' texts; a changed text revalidates, a moved text cursor does not.
    public private(set) var inputs: [FieldID: TextInput] { didSet { if Self.textsDiffer(inputs, oldValue) { revalidate() } } }
    public private(set) var contactLists: [String] { didSet { if contactLists != oldValue { revalidate() } } }
    /// The calling-hours grid; a change of its hours (not of its cursor) revalidates.
    public var grid: GridEditor { didSet { if grid.hoursDiffer(from: oldValue) { revalidate() } } }
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
    public var serverIssues: [ValidationIssue] = [] { didSet { if serverIssues != oldValue { revalidate() } } }
    /// Editing, saving (no edits taken) or failed (with the reason).
    public var phase: SavePhase = .editing
    /// True while a save is on its way.
    public var saving: Bool { phase == .saving }
    /// The last save's failure, shown above the fields; cleared (back to editing) by a change.
    public var failure: String? {
        get { if case .failed(let reason) = phase { return reason } else { return nil } }
        set { phase = newValue.map { .failed($0) } ?? (phase == .saving ? .saving : .editing) }
    }
    /// The rules' verdict on the campaign as it stands, then what the server said (which blocks
    /// until its field changes). Editing, a blocking rule stops the save only on a field the user
    /// changed; on an untouched field it is a warning, whatever the server holds there.
    public private(set) var validation = ValidationReport()
    /// The blocking issues of each field, and those no field owns.
    public private(set) var issuesByField = FieldIssues()
    /// The warnings of each field, and those no field owns.
    public private(set) var warningsByField = FieldIssues()
    /// True when the form differs from where it started.
    public private(set) var isDirty = false
    /// How many times the verdict was worked out (tests count it); not part of the editor's value.
    private(set) var revalidations = UncomparedCount()
    // Where the form started, for the mapping and `isDirty`.
    let initialTexts: [FieldID: String]
    let initialLists: [String]
    let initialHours: CallingHours
    let initialVariant: CampaignVariant

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
        revalidate()
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
        grid.recordChange(from: before)
        if let field = fields.first(where: { $0.id == .timezone }) { changed(field) }
    }

    /// A change made in the grid: clears what the server said about the hours.
    public mutating func gridChanged() {
        if let field = fields.first(where: { $0.id == .callingHours }) { changed(field) }
    }

    public mutating func setContactLists(_ names: [String]) {
        contactLists = names
        if let field = fields.first(where: { $0.id == .contactLists }) { changed(field) }
    }

    /// Drops the server's issues about a field the user just changed.
    mutating func changed(_ field: FormField) {
        failure = nil
        serverIssues.removeAll { issue in field.paths.contains { Self.path(issue.path, isUnder: $0) } }
    }

    /// Takes the server's newer version as the base after a conflict: the fields the user changed
    /// stay as typed, every other field now comes from `campaign`.
    public mutating func rebase(on campaign: Campaign) {
        base = campaign
    }

    // MARK: Validation

    /// The problems that stop a save: the blocking rules on changed fields and the server's.
    public var issues: [ValidationIssue] { validation.blocking }

    /// What is said but never refused: Switchboard's beliefs, and problems of untouched fields.
    public var warnings: [ValidationIssue] { validation.warnings }

    /// Works out the verdict, the issues by field and `isDirty` again, from the fields as they are.
    private mutating func revalidate() {
        revalidations.value += 1
        validation = freshValidation()
        issuesByField = grouped(validation.blocking)
        warningsByField = grouped(validation.warnings)
        isDirty = freshIsDirty()
    }

    /// Whether the form differs from where it started, worked out now, as `isDirty` holds it.
    func freshIsDirty() -> Bool {
        variant != initialVariant || contactLists != initialLists || callingHours != initialHours
            || FieldID.allCases.contains { text($0) != (initialTexts[$0] ?? "") }
    }

    /// The verdict worked out now, as `validation` holds it.
    func freshValidation() -> ValidationReport {
        var report = CampaignValidator.review(campaign, comparedTo: mode == .edit ? base : nil)
        report.blocking += serverIssues
        return report
    }

    /// `issues` by the field that owns each (the longest matching path wins), and the rest.
    func grouped(_ issues: [ValidationIssue]) -> FieldIssues {
        let fields = fields
        var grouped = FieldIssues()
        for issue in issues {
            var best: (FieldID, Int)?
            for field in fields {
                for path in field.paths where Self.path(issue.path, isUnder: path) {
                    if path.count > (best?.1 ?? -1) { best = (field.id, path.count) }
                }
            }
            if let (id, _) = best { grouped.byField[id, default: []].append(issue) } else { grouped.general.append(issue) }
        }
        return grouped
    }

    static func textsDiffer(_ one: [FieldID: TextInput], _ other: [FieldID: TextInput]) -> Bool {
        one.count != other.count || one.contains { other[$0.key]?.text != $0.value.text }
    }

    /// "contactLists[0]" and "message.message" lie under "contactLists" and "message".
    static func path(_ path: String, isUnder prefix: String) -> Bool {
        ValidationIssue.path(path, isUnder: prefix)
    }
}

/// Validation issues by the form field that owns them, and those no field owns.
public struct FieldIssues: Equatable, Sendable {
    public var byField: [FieldID: [ValidationIssue]] = [:]
    public var general: [ValidationIssue] = []
}

/// A count that two editors never differ by: kept for tests, outside the editor's value.
struct UncomparedCount: Equatable, Sendable {
    var value = 0
    static func == (_: Self, _: Self) -> Bool { true }
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
