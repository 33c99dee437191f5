import CampaignModel
import Foundation
import Synchronization

/// The profile's compliance rules applied to the calling hours being edited: warnings under the
/// calling-hours field and in the grid, and the grid cells that break a rule. Warnings only: they
/// never stop a save. Worked out once per distinct grid, rules and day (a frame redraws often).
enum ComplianceMarks {
    struct Key: Equatable {
        let schedule: WeekSchedule
        let timezone: String
        let type: String
        let cellMinutes: Int
        let lint: ComplianceLint
        let day: Int
    }

    struct Marks {
        var issues: [ValidationIssue] = []
        /// `day.rawValue * 10_000 + cell` of each open cell seen outside a rule somewhere.
        var cells: Set<Int> = []
    }

    private static let cache = Mutex<(key: Key, marks: Marks)?>(nil)

    /// The marks for the editor's grid; none without rules or with an unknown zone.
    static func marks(_ editor: CampaignEditor, state: AppState) -> Marks {
        guard let lint = state.compliance, let zone = IANAZones.zone(editor.grid.timezone) else { return Marks() }
        let grid = editor.grid
        let key = Key(schedule: grid.schedule, timezone: grid.timezone, type: editor.variant.type.rawValue,
                      cellMinutes: grid.cellMinutes, lint: lint, day: Int(state.now.timeIntervalSince1970 / 86_400))
        if let cached = cache.withLock({ $0 }), cached.key == key { return cached.marks }
        let marks = compute(grid.schedule, zone: zone, type: editor.variant.type, cellMinutes: grid.cellMinutes, lint: lint,
                            now: state.now)
        cache.withLock { $0 = (key, marks) }
        return marks
    }

    /// Most windows shown under the field and in the review; `switchboard lint` lists them all.
    static let shownWindows = 4

    /// One line per window and rule, naming every recipient zone it breaks the rule in (a US
    /// rule covers seven zones: a line each filled the form), at most `shownWindows` of them.
    static func summary(_ findings: [ComplianceFinding]) -> [String] {
        var groups: [(key: String, findings: [ComplianceFinding])] = []
        for finding in findings {
            let key = "\(finding.ruleId)|\(finding.day.rawValue)|\(finding.window.start)|\(finding.window.end)"
            if let index = groups.firstIndex(where: { $0.key == key }) { groups[index].findings.append(finding) } else {
                groups.append((key, [finding]))
            }
        }
        var lines = groups.prefix(shownWindows).map { group -> String in
            let first = group.findings[0]
            guard group.findings.count > 1, let outside = first.message.range(of: ": outside ") else { return first.description }
            let zones = group.findings.map(\.zone).joined(separator: ", ")
            let always = group.findings.allSatisfy(\.everyWeek)
            return "\(first.day.code) \(first.window) is outside \(first.message[outside.upperBound...]) in \(zones)"
                + (always ? "" : " (some weeks of the year)")
        }
        if groups.count > shownWindows {
            lines.append("and \(groups.count - shownWindows) more windows outside a rule (`switchboard lint` lists each)")
        }
        return lines
    }

    static func compute(_ schedule: WeekSchedule, zone: TimeZone, type: CampaignType, cellMinutes: Int, lint: ComplianceLint,
                        now: Date) -> Marks {
        var marks = Marks()
        let findings = lint.findings(for: schedule, in: zone, type: type, referenceDate: now)
        marks.issues = summary(findings).map { .warning(path: "dialingStrategy.callingHours", message: "compliance: " + $0) }
        // Only the cells of a window that broke a rule are looked at, each on its own.
        var windows: [(Weekday, TimeWindow)] = []
        for finding in findings where !windows.contains(where: { $0.0 == finding.day && $0.1 == finding.window }) {
            windows.append((finding.day, finding.window))
        }
        for (day, window) in windows {
            for cell in (window.start / cellMinutes)...((window.end - 1) / cellMinutes) {
                let span = WeekSchedule.cellWindow(cell, cellMinutes: cellMinutes)
                guard let part = TimeWindow(start: max(span.start, window.start), end: min(span.end, window.end)) else { continue }
                var one = WeekSchedule()
                one.add(part, on: day)
                if !lint.findings(for: one, in: zone, type: type, referenceDate: now).isEmpty {
                    marks.cells.insert(day.rawValue * 10_000 + cell)
                }
            }
        }
        return marks
    }
}
