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
}
