import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Issue 13, item 3: the detail keeps every section and label on its row whatever the campaign,
/// so moving the preview between campaigns rewrites values, not the pane.
@Suite("A stable detail layout")
struct StableDetailTests {
    /// What stays put: section titles and field labels, by row (a value's row reads "").
    static func skeleton(_ lines: [TextLine]) -> [String] {
        lines.map { line in
            guard let (text, tone) = line.spans.first else { return "" }
            switch tone {
            case .section: return text
            case .label where line.spans.count > 1 && text.hasPrefix("  ") && text.count <= 6: return "day"
            case .label: return text
            default: return ""
            }
        }
    }

    /// The rows up to the unknown fields' section (whose length is the server's to decide), with
    /// what may differ by design blanked: the type section's labels (SMS "format…", voice "dialing
    /// mode…") and the inside of the calling-hours block (a grid, or a note when there are none).
    static func stablePart(_ campaign: Campaign, full: Bool) -> [String] {
        var state = UpdateTests.loaded(1)
        if full { state.list.setDetail(campaign, now: state.now) }
        let lines = DetailText.lines(for: campaign, state: state, width: 70)
        var skeleton = Self.skeleton(lines)
        let end = skeleton.firstIndex(of: "── Other fields") ?? skeleton.count
        skeleton = Array(skeleton[..<end])
        if let type = skeleton.firstIndex(where: { $0 == "── Voice" || $0 == "── Message" }) {
            for row in type..<min(skeleton.count, type + 6) { skeleton[row] = "type section" }
        }
        if let hours = skeleton.firstIndex(of: "── Calling hours") {
            for row in (hours + 3)..<min(skeleton.count, hours + CallingHoursText.height) { skeleton[row] = "hours" }
        }
        return skeleton
    }

    @Test("Every docs sample — SMS simple, template, advanced, voice of each mode — a summary and a campaign without hours: every section and label on the same row")
    func oneSkeleton() throws {
        let samples = try RoundTripTests.sampleCampaigns().map { try Campaign(json: $0.raw) }
        #expect(samples.count > 6)
        #expect(Set(samples.map(\.type)).count == 2)
        var summary = try #require(samples.first)
        summary.dialingStrategy = nil
        summary.message = nil
        var withoutDays = try #require(samples.last)
        withoutDays.dialingStrategy?.callingHours?.days = []
        let reference = Self.stablePart(try #require(samples.first), full: true)
        #expect(reference.contains("── Calling hours") && reference.contains("── Record") && reference.contains("type section"))
        for (index, campaign) in samples.enumerated() {
            #expect(Self.stablePart(campaign, full: true) == reference, "sample \(index) \(campaign.name)")
        }
        #expect(Self.stablePart(summary, full: false) == reference)
        #expect(Self.stablePart(withoutDays, full: true) == reference)
    }
}
