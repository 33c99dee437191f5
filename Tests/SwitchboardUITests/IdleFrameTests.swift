import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// A headless terminal whose clock moves only while the loop waits for a key, by as long as the
/// loop would have waited. Once `duration` has passed it types `q`.
final class SimulatedTerminal: TerminalBackend {
    let screen: HeadlessBackend
    private(set) var now: Date
    let end: Date

    init(size: Size, start: Date, duration: TimeInterval) {
        screen = HeadlessBackend(size: size)
        now = start
        end = start.addingTimeInterval(duration)
    }

    var size: Size { screen.size }
    func draw(_ canvas: Canvas) { screen.draw(canvas) }
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard now < end else { return .key(.character("q")) }
        now = now.addingTimeInterval(Double(timeoutMilliseconds) / 1000)
        return nil
    }
    func forceRepaint() { screen.forceRepaint() }
    func shutdown() {}
    func suspend() {}
}

@Suite("No frame when nothing changed")
struct IdleFrameTests {
    /// Campaigns of both kinds; every other one has calling hours, open now (10:30 in New York).
    static func campaigns() -> [Campaign] {
        (0..<8).map { index in
            var campaign = UpdateTests.campaign(index)
            if index.isMultiple(of: 2) {
                campaign.dialingStrategy = DialingStrategy(callingHours: CallingHours(
                    frequency: .weekly, timezone: "America/New_York",
                    days: [CallingDay(day: "WE", start: "9:00 AM", end: "5:00 PM")]))
            }
            return campaign
        }
    }

    @Test("a headless run with no input for 10 s renders no frame after the first")
    func idleRun() async throws {
        let all = Self.campaigns()
        let service = CampaignService(
            list: { type, progress in
                let page = all.filter { $0.type == type }
                progress(page.count, page.count, page)
                return page.count
            },
            get: { id in try #require(all.first { $0.id == id }) })
        let start = UpdateTests.now
        let store = AppStore(state: AppState(connection: ConnectionInfo(profile: "test", host: "http://127.0.0.1:1"),
                                             supervisorZone: TimeZone(identifier: "UTC")!, now: start),
                             runner: EffectRunner(service: service))
        store.start()
        try await store.waitUntilIdle()
        #expect(store.state.list.rows.count == 8 && store.state.list.rows.filter { store.state.list.windows[$0.id]?.isOpen == true }.count == 4)
        let terminal = SimulatedTerminal(size: Size(width: 120, height: 40), start: start, duration: 10)
        TerminalLoop.run(store, on: terminal) { terminal.now }
        #expect(store.isFinished)
        #expect(store.state.now >= start.addingTimeInterval(9))  // the clock ticked every second
        #expect(terminal.screen.frameCount == 1)
        #expect(terminal.screen.lastFrame?.text.contains("Campaign 00007") == true)
    }

    @Test("an action that leaves the state as it was asks for no frame; one that changes it does")
    func unchangedStateAsksNoFrame() {
        let store = AppStore(state: UpdateTests.loaded(5), runner: nil)
        _ = store.render(size: Size(width: 120, height: 40))
        #expect(!store.needsFrame)
        store.send(.input(.key(.character("k"))))  // already at the top
        #expect(!store.needsFrame)
        store.send(.input(.key(.character("j"))))
        #expect(store.needsFrame)
        // A resize, even to the same size, is always followed by a frame.
        _ = store.render(size: Size(width: 120, height: 40))
        store.send(.input(.resize(Size(width: 120, height: 40))))
        #expect(store.needsFrame)
    }
}
