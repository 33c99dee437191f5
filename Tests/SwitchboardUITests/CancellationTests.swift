import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Superseded work is cancelled, not just ignored: the store cancels the task, the test service
/// sees the cancellation, and nothing is answered for it.
@Suite("Cancelling superseded work")
struct CancellationTests {
    static func campaigns(_ count: Int) -> [Campaign] { (0..<count).map { UpdateTests.campaign($0) } }

    /// Waits on the test service until the task is cancelled, then counts it.
    static func hang(counting cancelled: Locked<[String]>, _ name: String) async throws -> Never {
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            cancelled.withLock { $0.append(name) }
            throw error
        }
        throw CancellationError()
    }

    static func state() -> AppState {
        var state = AppState(connection: ConnectionInfo(profile: "test", host: "http://127.0.0.1:1"),
                             supervisorZone: TimeZone(identifier: "UTC")!, now: UpdateTests.now)
        _ = AppUpdate.reduce(&state, .input(.resize(Size(width: 120, height: 40))))
        return state
    }

    @Test("a newer load cancels the older one: its calls see the cancellation and it answers nothing")
    func supersededLoad() async throws {
        let all = Self.campaigns(12)
        let calls = Locked(0)
        let cancelled = Locked<[String]>([])
        let (started, starting) = AsyncStream.makeStream(of: Void.self)
        let service = CampaignService(
            list: { type, progress in
                let call = calls.withLock { $0 += 1; return $0 }
                if call <= 2 {  // the first load, SMS and voice, waits until it is cancelled
                    starting.yield()
                    try await Self.hang(counting: cancelled, "\(type)")
                }
                let page = all.filter { $0.type == type }
                progress(page.count, page.count, page)
                return page.count
            },
            get: { id in try #require(all.first { $0.id == id }) })
        let store = AppStore(state: Self.state(), runner: EffectRunner(service: service))
        store.start()
        for await _ in started.prefix(2) {}
        store.start()
        try await store.waitUntilIdle()
        #expect(cancelled.withLock { $0 }.sorted() == ["sms", "voice"])
        #expect(calls.withLock { $0 } == 4)
        #expect(store.state.load.generation == 2 && !store.state.load.isLoading)
        #expect(store.state.list.rows.count == 12)
        #expect(store.state.load.failure == nil && store.state.lastError == nil)
    }

    @Test("details of rows that scrolled away are cancelled: the fetches on the wire see it, none answers, the new rows load")
    func detailsScrolledAway() async throws {
        let all = Self.campaigns(200)
        let asked = Locked<[String]>([])
        let cancelled = Locked<[String]>([])
        let (started, starting) = AsyncStream.makeStream(of: Void.self)
        let service = CampaignService(
            list: { type, progress in
                // All in one answer, so that the rows on screen stay put while the load ends.
                let page = type == .sms ? all : []
                progress(page.count, page.count, page)
                return page.count
            },
            get: { id in
                asked.withLock { $0.append(id) }
                if id < "cd-00100" {  // the first screen's fetches wait until they are cancelled
                    starting.yield()
                    try await Self.hang(counting: cancelled, id)
                }
                return try #require(all.first { $0.id == id })
            })
        let store = AppStore(state: Self.state(), runner: EffectRunner(service: service))
        store.start()
        // The list arrives and asks for the rows on screen; six fetches run at a time.
        while store.state.load.isLoading || store.state.detailsInFlight.isEmpty {
            store.drain()
            await Task.yield()
        }
        let firstScreen = store.state.detailsInFlight
        #expect(firstScreen.count > 6)
        for await _ in started.prefix(6) {}
        #expect(asked.withLock { $0.count } == 6)
        store.send(.input(.key(.character("G"))))
        #expect(store.state.detailsInFlight.isDisjoint(with: firstScreen))
        try await store.waitUntilIdle()
        // The six on the wire, and any still waiting whose place freed up before its own
        // cancellation landed (cancelling many tasks is not one atomic step), saw the cancellation.
        let reachedServer = asked.withLock { $0 }.filter { firstScreen.contains($0) }
        #expect(reachedServer.count >= 6)
        #expect(cancelled.withLock { $0 }.sorted() == reachedServer.sorted())
        #expect(store.state.detailErrors.isEmpty && store.state.lastError == nil)
        #expect(store.state.detailsInFlight.isEmpty)
        let last = try #require(store.state.list.selectedRow?.id)
        #expect(last == "cd-00199" && store.state.list.hasCurrentDetail(last))
        #expect(firstScreen.allSatisfy { !store.state.list.hasCurrentDetail($0) })
    }

    @Test("the live service stops its HTTP exchange when its task is cancelled (a slow server does not hold it)")
    func liveCallStops() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = 3
        // Far longer than any cancel takes, even on a busy machine: an uncancelled call takes 12 s
        // (with 6 s, a full test run beside builds once took 5.5 s to come back from a cancel).
        configuration.latency = .seconds(12)
        let sandbox = try await SandboxServer.start(configuration)
        let credentials = sandbox.credentials
        let profile = APIProfile(name: "sandbox", host: sandbox.baseURL, streamId: credentials.streamId,
                                 accountId: credentials.accountId,
                                 auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
        let service = CampaignService.live(try CampaignClient(profile: profile))
        let started = ContinuousClock.now
        let call = Task { try await service.list(.sms) { _, _, _ in } }
        try await Task.sleep(for: .milliseconds(300))  // the request is on the wire, the server sits on it
        call.cancel()
        let result = await call.result
        let elapsed = ContinuousClock.now - started
        await sandbox.stop()
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(elapsed < .seconds(8), "cancelled after 0.3 s, it returned after \(elapsed)")
    }
}
