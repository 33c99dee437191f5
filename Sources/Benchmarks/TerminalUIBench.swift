import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import SwitchboardUI
import TerminalKit

/// The terminal UI's numbers: keystroke → frame, bytes sent for a selection move, and start-up.
enum TerminalUIBench {
    static func percentiles(_ samples: [Double]) -> (p50: Double, p99: Double) {
        let sorted = samples.sorted()
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    }

    /// `count` made-up campaigns, a third of them voice, with calling hours on every tenth.
    static func campaigns(_ count: Int) -> [Campaign] {
        let statuses: [CampaignStatus] = [.ready, .active, .paused, .stopped, .completed]
        let hours = CallingHours(frequency: .weekly, timezone: "America/New_York",
                                 days: ["MO", "TU", "WE", "TH", "FR"].map { CallingDay(day: $0, start: "9:00 AM", end: "6:00 PM") })
        return (0..<count).map { index in
            var campaign = Campaign(type: index % 3 == 0 ? .voice : .sms, name: "Bench campaign \(index) — Ünïcode 日本",
                                    contactLists: ["List \(index % 40)"])
            campaign.id = "cd-bench-\(index)"
            campaign.status = statuses[index % statuses.count]
            campaign.priority = index % 5 + 1
            campaign.updatedAt = ISOTimestamp.format(Date(timeIntervalSince1970: 1_764_000_000 + Double(index) * 37))
            if campaign.type == .voice { campaign.dialingMode = .progressive } else { campaign.format = .simple }
            if index % 10 == 0 { campaign.dialingStrategy = DialingStrategy(callingHours: hours) }
            return campaign
        }
    }

    static func loadedState(_ count: Int, size: Size) -> AppState {
        var state = AppState(connection: ConnectionInfo(profile: "bench", host: "http://127.0.0.1"), now: Date())
        _ = AppUpdate.reduce(&state, .input(.resize(size)))
        _ = AppUpdate.startLoad(&state)
        let all = campaigns(count)
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: all, loaded: all.count, total: all.count))
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 1, .success(all.count)))
        return state
    }

    /// Keystroke → frame: update plus a full render, headless, with 100,000 campaigns.
    static func keystrokeToFrame() {
        let size = Size(width: 200, height: 60)
        let building = ContinuousClock.now
        var state = loadedState(100_000, size: size)
        print("TUI: 100,000 campaigns loaded into the state in \(ContinuousClock.now - building)")
        let keys: [Key] = Array(repeating: .character("j"), count: 1_500) + [.pageDown, .pageDown, .character("G")]
            + Array(repeating: .character("k"), count: 1_500) + [.character("g")]
        var samples: [Double] = []
        for _ in 0..<2 {
            for key in keys {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = AppUpdate.reduce(&state, .input(.key(key)))
                let canvas = AppView.render(state, size: size)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                precondition(canvas.width == size.width)
            }
        }
        let (p50, p99) = percentiles(samples)
        print(String(format: "keystroke → frame, 100,000 campaigns, 200×60 headless: p50 %.3f ms   p99 %.3f ms   (%d keys; goal p99 < 2 ms)",
                     p50, p99, samples.count))
    }

    /// Bytes ncurses sends when the selection moves one row at 120×40.
    static func bytesPerMove() throws {
        let size = Size(width: 120, height: 40)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var state = loadedState(5_000, size: size)
        let backend = try NcursesBackend(terminalType: "xterm-256color", outputPath: path, size: size, environment: [:])
        func written() -> Int { ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0 }
        backend.draw(AppView.render(state, size: size))
        let first = written()
        func moves() -> (p50: Double, p99: Double) {
            var bytes: [Double] = []
            for _ in 0..<20 {
                let before = written()
                _ = AppUpdate.reduce(&state, .input(.key(.character("j"))))
                backend.draw(AppView.render(state, size: size))
                bytes.append(Double(written() - before))
            }
            return percentiles(bytes)
        }
        let withPreview = moves()
        _ = AppUpdate.reduce(&state, .input(.key(.character("p"))))
        backend.draw(AppView.render(state, size: size))
        let listOnly = moves()
        backend.shutdown()
        print(String(format: "bytes to the terminal at 120×40 (xterm-256color): first frame %d; one-row move: list + preview p50 %.0f max %.0f, list alone (p) p50 %.0f max %.0f (goal ≤ 250)",
                     first, withPreview.p50, withPreview.p99, listOnly.p50, listOnly.p99))
    }

    /// Start → first frame → first page of campaigns on screen, against a loopback sandbox.
    static func startUp() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = 10_000
        let sandbox = try await SandboxServer.start(configuration)
        let credentials = configuration.credentials
        for run in 1...3 {
            let started = ContinuousClock.now
            let profile = APIProfile(name: "bench", host: sandbox.baseURL, streamId: credentials.streamId,
                                     accountId: credentials.accountId,
                                     auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
            let store = AppStore(state: AppState(connection: ConnectionInfo(profile: "bench", host: sandbox.baseURL.absoluteString)),
                                 runner: EffectRunner(client: try CampaignClient(profile: profile)))
            let size = Size(width: 120, height: 40)
            store.handle(.resize(size))
            _ = store.render(size: size)
            let firstFrame = ContinuousClock.now - started
            store.start()
            while store.state.list.rows.isEmpty {
                store.drain()
                try await Task.sleep(for: .milliseconds(1))
            }
            let screen = store.render(size: size)
            let firstPage = ContinuousClock.now - started
            precondition(screen.text.contains("TYPE"))
            try await store.waitUntilIdle(timeout: .seconds(60))
            let everything = ContinuousClock.now - started
            print("start → first frame \(firstFrame), → first page on screen \(firstPage), → all 10,000 and visible details \(everything) (run \(run))")
        }
        await sandbox.stop()
    }

    static func run() async throws {
        keystrokeToFrame()
        ListScaleBench.run()
        try bytesPerMove()
        try await startUp()
        try FormBench.run()
    }
}
