import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// A bulk stop against the sandbox: every Active campaign marked with `*` through a filter, plus
/// one that is not running, which the server refuses (409) — a partial failure.
@Suite("Bulk actions against the sandbox")
struct BulkSandboxTests {
    @Test("bulk stop: the running ones stop, the one not running fails with the server's message and stays marked")
    func bulkStopPartialFailure() async throws {
        try await withApp(seed: 30) { app in
            try await app.start()
            try await app.select("status:active")
            let active = app.state.list.visible.map { app.state.list.rows[$0].id }
            #expect(active.count >= 2, "the seed has running campaigns")
            try await app.press(.character("*"))
            try await app.press(.escape)  // the filter goes; the marks stay
            #expect(app.state.bulk.marked == Set(active))
            try await app.press(.character("g"))
            for _ in 0..<40 where [.active, .paused].contains(app.state.list.selectedCampaign?.status) {
                try await app.press(.character("j"))
            }
            let idle = try #require(app.state.list.selectedCampaign)
            #expect(![.active, .paused].contains(idle.status))
            try await app.press(.character(" "))
            try await app.press(.character("x"))
            let dialog = try #require(app.state.dialog)
            #expect(dialog.buttons == ["Cancel", "Stop \(active.count + 1)"])
            if let count = dialog.nameToType { try await app.type(count) }
            try await app.press(.tab, .enter)
            try await app.settle()
            let state = app.state
            #expect(state.bulk.run == nil)
            #expect(state.bulk.marked == [idle.id!], "only the failure stays marked")
            guard case .failed(let message)? = state.bulk.results[idle.id!] else {
                Issue.record("no failure for \(idle.name): \(String(describing: state.bulk.results[idle.id!]))")
                return
            }
            #expect(message.contains("not running"))
            #expect(state.notice?.hasPrefix("stopped \(active.count) of \(active.count + 1) · 1 failed") == true)
            for id in active {
                #expect(try await app.client.get(id).status != .active, "\(id) is stopped on the server")
            }
            #expect(app.screen.contains("✗ "))
        }
    }

    @Test("bulk calling hours: H opens one marked campaign's grid; Ctrl-S reviews every marked campaign's days array; each saved, timezones kept")
    func bulkCallingHours() async throws {
        try await withApp(seed: 30) { app in
            try await app.start()
            try await app.select("type:voice")
            // Two idle voice campaigns (a running one cannot be edited).
            var marked: [Campaign] = []
            for _ in 0..<40 where marked.count < 2 {
                if let campaign = app.state.list.selectedCampaign, ![.active, .paused].contains(campaign.status) {
                    marked.append(campaign)
                    try await app.press(.character(" "))
                } else {
                    try await app.press(.character("j"))
                }
            }
            #expect(marked.count == 2)
            let zones = try await marked.asyncMap { try await app.client.get($0.id!).dialingStrategy?.callingHours?.timezone }
            try await app.press(.character("H"))
            #expect(app.state.editor?.showsGrid == true, "the grid opens at once")
            #expect(app.state.bulk.hoursFor?.count == 2)
            try await app.press(.character("3"), .character("1"))  // clear all, then weekdays 9–18
            try await app.press(.control("s"))
            if case .bulkHoursMode? = app.state.dialog?.kind {
                // Some marked campaign is in another timezone than the grid's: same local times.
                #expect(app.state.dialog?.buttons == ["Cancel", "Same local times", "Same moments"] && app.state.dialog?.focus == 0)
                try await app.press(.tab, .enter)
            }
            guard case .bulkReview(.callingHours(let days), let lines)? = app.state.dialog?.kind else {
                Issue.record("no bulk review: \(app.screen)")
                return
            }
            #expect(app.state.editor == nil && app.state.dialog?.focus == 0)
            #expect(days.map(\.day) == ["MO", "TU", "WE", "TH", "FR"])
            #expect(Set(lines.map(\.campaign.id)) == Set(marked.map(\.id!)))
            let review = DialogText.body(app.state.dialog!, state: app.state, width: 200).map(\.0).joined(separator: "\n")
            for campaign in marked { #expect(review.contains(campaign.name)) }
            #expect(review.contains(#"{"day":"MO","start":"9:00 AM","end":"6:00 PM"}"#))
            try await app.press(.tab, .enter)
            try await app.settle()
            #expect(app.state.bulk.run == nil && app.state.bulk.marked.isEmpty, "\(app.state.bulk.results)")
            for (campaign, zone) in zip(marked, zones) {
                let hours = try await app.client.get(campaign.id!).dialingStrategy?.callingHours
                #expect(hours?.days == days)
                #expect(hours?.timezone == zone, "the campaign keeps its own timezone")
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
