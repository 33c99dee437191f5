import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// What the list and the status bar say about loading: errors that a later success clears, a
/// list that is only partly loaded, and totals from the server too large to add up.
@Suite("Update: load status, partial lists, absurd totals")
struct LoadStatusTests {
    static func screen(_ state: AppState) -> String { AppView.render(state, size: state.size).text }

    @Test("a load that succeeds clears the earlier “cannot reach” from the status bar")
    func successClearsConnectivityError() {
        var state = UpdateTests.loaded(10)
        _ = AppUpdate.startLoad(&state)
        let unreachable = UIError("cannot reach http://127.0.0.1:1: connection refused", isConnectivity: true)
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: state.load.generation, .failure(ListLoadFailure([(.sms, unreachable)]))))
        #expect(Self.screen(state).contains("✖ SMS campaigns not loaded: cannot reach"))
        _ = AppUpdate.startLoad(&state)
        UpdateTests.deliver(&state, (0..<10).map { UpdateTests.campaign($0) }, generation: state.load.generation)
        #expect(state.lastError == nil)
        #expect(!Self.screen(state).contains("cannot reach"))
    }

    @Test("a detail that arrives again also clears a connectivity error, but not an unrelated one")
    func detailSuccessClearsOnlyConnectivity() {
        var state = UpdateTests.loaded(10)
        let id = state.list.rows[0].id
        _ = AppUpdate.reduce(&state, .detailLoaded(id: id, .failure(UIError("request timed out after 30 s", isConnectivity: true))))
        #expect(state.lastError != nil)
        _ = AppUpdate.reduce(&state, .detailLoaded(id: id, .success(UpdateTests.campaign(0))))
        #expect(state.lastError == nil)
        state.lastError = "not deleted: conflict"
        _ = AppUpdate.reduce(&state, .detailLoaded(id: id, .success(UpdateTests.campaign(0))))
        #expect(state.lastError == "not deleted: conflict")
    }

    @Test("a first load that failed half way says on the list that it is partial, and why")
    func partialFirstLoad() {
        var state = AppState(connection: ConnectionInfo(profile: "test", host: "http://127.0.0.1:1"),
                             supervisorZone: TimeZone(identifier: "UTC")!, now: UpdateTests.now)
        _ = AppUpdate.reduce(&state, .input(.resize(Size(width: 120, height: 40))))
        _ = AppUpdate.startLoad(&state)
        let sms = (0..<29).map { UpdateTests.campaign($0 * 3 + 1) }
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: sms, loaded: 29, total: 29))
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 1,
            .failure(ListLoadFailure([(.voice, UIError("server error 500: try again in a moment"))]))))
        #expect(state.load.isPartial)
        let text = Self.screen(state)
        #expect(text.contains("Partial list"), "\(text)")
        #expect(text.contains("voice campaigns not loaded"), "\(text)")
        #expect(!text.contains("29 campaigns (29 SMS, 0 voice)"), "\(text)")
        // Every loaded row is still reachable: the note takes a row of the list, and scrolling knows it.
        UpdateTests.press(&state, .character("G"))
        #expect(Self.screen(state).contains(sms.map(\.name).sorted().last!) || state.list.selected == 28)
        // A later complete load is no longer partial.
        _ = AppUpdate.startLoad(&state)
        UpdateTests.deliver(&state, sms, generation: state.load.generation)
        #expect(!state.load.isPartial)
        #expect(!Self.screen(state).contains("Partial list"))
    }

    @Test("totals as large as Int.max neither crash the sum of both types nor the progress text")
    func absurdTotals() {
        let sum = PageCount.sum([PageCount(loaded: 29, total: Int.max), PageCount(loaded: 3, total: Int.max)])
        #expect(sum.loaded == 32)
        #expect(sum.total == Int.max)
        var state = AppState(connection: ConnectionInfo(profile: "test", host: "http://127.0.0.1:1"),
                             supervisorZone: TimeZone(identifier: "UTC")!, now: UpdateTests.now)
        _ = AppUpdate.reduce(&state, .input(.resize(Size(width: 120, height: 40))))
        _ = AppUpdate.startLoad(&state)
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: [UpdateTests.campaign(1)],
                                                    loaded: Int.max, total: Int.max))
        #expect(Self.screen(state).contains("⟳ loading"))
    }
}
