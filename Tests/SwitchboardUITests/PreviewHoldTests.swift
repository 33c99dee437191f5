import CampaignModel
import Foundation
import TerminalKit
import Testing
@testable import SwitchboardUI

/// Issue 13, item 2: while navigation keys arrive less than 120 ms apart the list moves and the
/// preview stays; once they settle the preview shows the selection; a single key moves it at once.
@Suite("A preview that waits for the keys to settle")
struct PreviewHoldTests {
    typealias U = UpdateTests

    static func previewName(_ state: AppState) -> String? { state.previewCampaign?.name }

    @Test("One key: the preview follows at once; a burst: it holds until the wake, then shows the selection")
    func holdsDuringABurst() {
        var state = U.loaded(30)
        let first = state.list.selectedRow?.name
        let effects = U.press(&state, .character("j"))
        #expect(effects.contains(.wake(.keysSettled, after: PreviewHold.settleDelay)))
        let second = state.list.selectedRow?.name
        #expect(second != first && Self.previewName(state) == second)
        #expect(AppView.render(state, size: state.size).text.contains("│ " + second!))
        // Three more keys before the wake: the list moves, the preview stays on the second row.
        U.press(&state, .character("j"), .character("j"), .down)
        #expect(state.list.selected == 4)
        #expect(Self.previewName(state) == second)
        let held = AppView.render(state, size: state.size).text
        #expect(held.contains("│ " + second!) && !held.contains("│ " + state.list.selectedRow!.name))
        // The keys settle: the preview shows the selection.
        _ = AppUpdate.reduce(&state, .woke(.keysSettled))
        #expect(Self.previewName(state) == state.list.selectedRow?.name)
        #expect(AppView.render(state, size: state.size).text.contains("│ " + state.list.selectedRow!.name))
        // And the next single key moves the preview at once again.
        U.press(&state, .character("k"))
        #expect(Self.previewName(state) == state.list.selectedRow?.name)
    }

    @Test("Without the preview (p), or on a row that does not move, no wake is asked for")
    func noWakeWithoutAPreview() {
        var state = U.loaded(10)
        #expect(!U.press(&state, .character("k")).contains { if case .wake = $0 { return true } else { return false } })
        U.press(&state, .character("p"))
        #expect(!U.press(&state, .character("j")).contains { if case .wake = $0 { return true } else { return false } })
    }

    @Test("Through the store: a burst of keys is answered by one wake, after which the preview shows the selection")
    func storeRestartsTheWake() async throws {
        var state = U.loaded(30)
        state.showsPreview = true
        let store = AppStore(state: state, runner: EffectRunner(service: CampaignService(get: { id in
            var campaign = U.campaign(Int(id.dropFirst(3)) ?? 0)
            campaign.id = id
            return campaign
        })))
        for _ in 0..<6 { store.send(.input(.key(.character("j")))) }
        #expect(store.state.previewHold.heldID != nil)
        #expect(Self.previewName(store.state) != store.state.list.selectedRow?.name)
        try await store.waitUntilIdle()
        #expect(store.state.previewHold == PreviewHold())
        #expect(Self.previewName(store.state) == store.state.list.selectedRow?.name)
    }
}
