import CampaignModel
import Foundation
import TerminalKit
import Testing
@testable import SwitchboardUI

/// The profile's compliance rules in the editor: marked grid cells, warnings under the field and
/// in the save review; nothing at all without rules.
@Suite("Compliance marks in the editor")
struct ComplianceMarksTests {
    static let pacific: ComplianceLint = {
        var allowed = WeekSchedule()
        for day in Weekday.allCases { allowed.add(TimeWindow(start: 8 * 60, end: 21 * 60)!, on: day) }
        return ComplianceLint(rules: [ComplianceRule(id: "us-federal", name: "TCPA", region: "United States",
                                                     zones: ["America/Los_Angeles"], allowed: allowed, channel: .both,
                                                     citation: "47 CFR 64.1200(c)(1)")])
    }()

    /// A voice campaign calling Monday 8 AM–9 PM Eastern, open in the editor on a large screen.
    static func state(compliance: ComplianceLint?) throws -> AppState {
        var state = UpdateTests.loaded(3, size: Size(width: 160, height: 60))
        var campaign = UpdateTests.campaign(3)
        campaign.dialingStrategy = DialingStrategy(callingHours: CallingHours(
            frequency: .weekly, timezone: "America/New_York", days: [CallingDay(day: "MO", start: "8:00 AM", end: "9:00 PM")]))
        state.compliance = compliance
        state.editor = CampaignEditor(mode: .edit, base: campaign, variant: try #require(campaign.variant), draftKey: "k")
        state.stack.append(.editor)
        return state
    }

    @Test("8–11 AM Eastern (5–8 AM Pacific) cells are marked, later ones are not; the finding is a warning")
    func marks() throws {
        let state = try Self.state(compliance: Self.pacific)
        let editor = try #require(state.editor)
        let minutes = editor.grid.cellMinutes
        let marks = ComplianceMarks.marks(editor, state: state)
        #expect(marks.issues.map(\.message) == [
            "compliance: MO 8:00 AM ET is 5:00 AM in America/Los_Angeles: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))",
        ])
        #expect(marks.issues.allSatisfy { !$0.isBlocking })
        let monday = Weekday.monday.rawValue * 10_000
        #expect(marks.cells.contains(monday + 8 * 60 / minutes))
        #expect(marks.cells.contains(monday + (11 * 60 - minutes) / minutes))
        #expect(!marks.cells.contains(monday + 11 * 60 / minutes))
        #expect(marks.cells.count == 3 * 60 / minutes)
        #expect(!editor.validation.warnings.contains { $0.message.contains("compliance") }, "the editor's own validation is untouched")
    }

    @Test("the save review lists the findings as warnings and keeps Save")
    func review() throws {
        var state = try Self.state(compliance: Self.pacific)
        state.dialog = Dialog(.reviewSave(changes: [], days: []))
        let screen = AppView.render(state, size: state.size).lines.joined(separator: "\n")
        #expect(screen.contains("Compliance (1; warnings only, the save goes ahead):"), "\(screen)")
        #expect(screen.contains("⚠ compliance: MO 8:00 AM ET is 5:00 AM in"))
        #expect(state.dialog?.buttons.contains("Save") == true)
    }

    @Test("without rules there are no marks and no compliance text")
    func off() throws {
        var state = try Self.state(compliance: nil)
        let editor = try #require(state.editor)
        #expect(ComplianceMarks.marks(editor, state: state).cells.isEmpty)
        state.dialog = Dialog(.reviewSave(changes: [], days: []))
        #expect(!AppView.render(state, size: state.size).lines.joined().contains("ompliance"))
    }
}

extension ComplianceMarksTests {
    @Test("a window outside a rule in several zones is one line naming them; past four windows the rest are counted, not listed")
    func summarized() throws {
        var allowed = WeekSchedule()
        for day in Weekday.allCases { allowed.add(TimeWindow(start: 8 * 60, end: 21 * 60)!, on: day) }
        let zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"]
        let lint = ComplianceLint(rules: [ComplianceRule(id: "us-federal", name: "TCPA", region: "United States", zones: zones,
                                                         allowed: allowed, channel: .both, citation: "47 CFR 64.1200(c)(1)")])
        var state = try Self.state(compliance: lint)
        // 7 AM–8 PM in Singapore, six days: before 8 AM or after 9 PM in every US zone.
        let days = ["MO", "TU", "WE", "TH", "FR", "SA"].map { CallingDay(day: $0, start: "7:00 AM", end: "8:00 PM") }
        var campaign = try #require(state.editor?.base)
        campaign.dialingStrategy = DialingStrategy(callingHours: CallingHours(frequency: .weekly, timezone: "Asia/Singapore", days: days))
        state.editor = CampaignEditor(mode: .edit, base: campaign, variant: try #require(campaign.variant), draftKey: "k")
        let lines = ComplianceMarks.marks(try #require(state.editor), state: state).issues.map(\.message)
        #expect(lines.count == ComplianceMarks.shownWindows + 1, "\(lines)")
        #expect(lines[0].range(of: #"^compliance: (MO|TU|WE|TH|FR|SA) 7:00 AM–8:00 PM is outside TCPA 8 AM–9 PM \(47 CFR 64.1200\(c\)\(1\)\) in "#,
                                options: .regularExpression) != nil, "\(lines[0])")
        #expect(zones.allSatisfy(lines[0].contains))
        #expect(lines.last == "compliance: and 2 more windows outside a rule (`switchboard lint` lists each)")
    }
}
