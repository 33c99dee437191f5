import CampaignModel
import TerminalKit

/// The create/edit form: a row per field with its value, its range or hint, and its problems
/// underneath (✖ blocks the save, ⚠ is a warning only); the calling hours as a small week grid.
/// Scrolled so the focused field shows.
enum FormPane {
    static let labelWidth = 17

    /// One line of the form.
    enum Row {
        case field(Int)
        case issue(String)
        /// A warning under a field: said, never a refusal.
        case warning(String)
        case miniGrid(Weekday)
        case note(String, Style)
    }

    static func rows(_ editor: CampaignEditor, issues: FieldIssues, warnings: FieldIssues = FieldIssues(),
                     width: Int) -> [Row] {
        let (byField, general) = (issues.byField, issues.general)
        var rows: [Row] = []
        if editor.mode == .edit, editor.base.status == .active {
            rows.append(.note("⚠ Active: it is running now; the server may refuse changes until it is stopped.", Theme.warning))
        }
        if editor.saving { rows.append(.note("saving…", Theme.section)) }
        if let failure = editor.failure {
            for line in DisplayWidth.wrap("✖ " + failure, to: width - 2) { rows.append(.note(line, Theme.error)) }
        }
        for issue in general { rows.append(.issue("✖ " + issue.message)) }
        for issue in warnings.general { rows.append(.warning("⚠ " + issue.message)) }
        for (index, field) in editor.fields.enumerated() {
            rows.append(.field(index))
            for issue in byField[field.id] ?? [] {
                for (index, line) in DisplayWidth.wrap(issue.message, to: max(10, width - labelWidth - 6)).enumerated() {
                    rows.append(.issue(index == 0 ? "✖ " + line : "  " + line))
                }
            }
            for issue in warnings.byField[field.id] ?? [] {
                for (index, line) in DisplayWidth.wrap(issue.message, to: max(10, width - labelWidth - 6)).enumerated() {
                    rows.append(.warning(index == 0 ? "⚠ " + line : "  " + line))
                }
            }
            if field.id == .callingHours {
                if let locked = editor.gridLocked { rows.append(.note(locked, Theme.error)) }
                for day in Weekday.allCases { rows.append(.miniGrid(day)) }
            }
        }
        return rows
    }

    static func render(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        guard let editor = state.editor, rect.height >= 2 else { return }
        let (body, footer) = rect.splitBottom(1)
        let report = editor.validation
        let issues = editor.issuesByField
        // Compliance findings (the profile's rules) are warnings under the calling-hours field.
        var warnings = editor.warningsByField
        let compliance = ComplianceMarks.marks(editor, state: state).issues
        if !compliance.isEmpty { warnings.byField[.callingHours, default: []] += compliance }
        let rows = rows(editor, issues: issues, warnings: warnings, width: body.width)
        let focusRow = rows.firstIndex { if case .field(let index) = $0 { return index == editor.focus }; return false } ?? 0
        // Show the focused field with its problems below it.
        var last = focusRow
        while last + 1 < rows.count, rows[last + 1].isProblem { last += 1 }
        if editor.focusedField?.id == .callingHours { last = min(rows.count - 1, last + 7) }
        let top = max(0, min(focusRow, last - body.height + 1))
        for (offset, row) in rows.dropFirst(top).prefix(body.height).enumerated() {
            draw(row, editor: editor, owned: issues.byField, into: &canvas, x: body.x, y: body.y + offset, maxX: body.maxX)
        }
        footerLine(editor, problems: issues.byField.values.reduce(0) { $0 + $1.count } + issues.general.count,
                   warnings: report.warnings.count + compliance.count, keymap: state.keymap, into: &canvas, rect: footer)
    }

    static func draw(_ row: Row, editor: CampaignEditor, owned: [FieldID: [ValidationIssue]], into canvas: inout Canvas,
                     x: Int, y: Int, maxX: Int) {
        let valueX = x + labelWidth + 2
        switch row {
        case .note(let text, let style):
            canvas.put(text, x: x + 1, y: y, style: style, maxX: maxX)
        case .issue(let text):
            canvas.put(text, x: valueX, y: y, style: Theme.error, maxX: maxX)
        case .warning(let text):
            canvas.put(text, x: valueX, y: y, style: Theme.warning, maxX: maxX)
        case .miniGrid(let day):
            let hourCells = maxX - valueX - 4 >= 48 ? 2 : 1
            let cellMinutes = 60 / hourCells
            var column = canvas.put(day.code + " ", x: valueX, y: y, style: Theme.dim)
            for coverage in editor.grid.schedule.row(day, cellMinutes: cellMinutes) {
                let (glyph, style) = Theme.coverage(coverage)
                column = canvas.put(glyph, x: column, y: y, style: style, maxX: maxX)
            }
        case .field(let index):
            let field = editor.fields[index]
            let focused = index == editor.focus
            let hasIssues = owned[field.id] != nil
            canvas.put(focused ? "▸" : " ", x: x, y: y, style: Theme.key)
            canvas.put(DisplayWidth.fit(field.label, to: labelWidth), x: x + 1, y: y,
                       style: focused ? Theme.label.reversed : (hasIssues ? Theme.error : Theme.label))
            let valueWidth = max(8, min(44, maxX - valueX - 26))
            var after = valueX + valueWidth
            switch field.kind {
            case .text, .number:
                let input = editor.inputs[field.id] ?? TextInput()
                input.render(into: &canvas, x: valueX, y: y, width: valueWidth, style: Theme.inputField, focused: focused)
            case .select(let options):
                let value = FormFieldText.display(field, in: editor)
                let text = "‹ " + value + " ›" + (focused ? "  " + options.joined(separator: " · ") : "")
                after = canvas.put(text, x: valueX, y: y, style: focused ? Theme.inputField : .plain, maxX: maxX)
            case .contactLists, .dncList, .timezone, .grid:
                let value = FormFieldText.display(field, in: editor)
                canvas.put(value.isEmpty ? "—" : value, x: valueX, y: y, width: valueWidth, style: focused ? Theme.inputField : .plain)
            }
            var note = field.rangeText ?? field.hint ?? ""
            if case .text(let maxLength?) = field.kind { note = "\(editor.text(field.id).count)/\(maxLength)" }
            if case .contactLists = field.kind { note = "Enter: choose" }
            if case .dncList = field.kind { note = "optional · Enter: choose" }
            if case .timezone = field.kind { note = "Enter: search" }
            if field.id == .experienceFlow, editor.text(.experienceFlow).isEmpty, let flow = editor.base.experienceFlowId {
                note = "keeps flow \(flow); type a name to change it"
            }
            if !note.isEmpty, after + 2 < maxX { canvas.put(note, x: after + 2, y: y, style: Theme.dim, maxX: maxX) }
        }
    }

    static func footerLine(_ editor: CampaignEditor, problems count: Int, warnings: Int = 0, keymap: Keymap = .standard,
                           into canvas: inout Canvas, rect: Rect) {
        var status = editor.phase == .saving ? "saving… waiting for the server"
            : count == 0 ? (editor.isDirty || editor.mode == .create ? "ready to save" : "no changes")
            : "\(count) problem\(count == 1 ? "" : "s")"
        if warnings > 0 { status += " · \(warnings) warning\(warnings == 1 ? "" : "s")" }
        let keys = keymap.footer(FormKeys.hints)
        canvas.fill(rect, style: Theme.inputLine)
        let end = canvas.put(" " + status + " ", x: rect.x, y: rect.y, style: count == 0 ? Theme.inputLine.bolded : Theme.statusError)
        canvas.put(" " + keys, x: end, y: rect.y, style: Theme.inputLine, maxX: rect.maxX)
    }
}

extension FormPane.Row {
    /// A line under a field that tells of a problem, blocking or not.
    var isProblem: Bool {
        switch self {
        case .issue, .warning: return true
        default: return false
        }
    }
}
