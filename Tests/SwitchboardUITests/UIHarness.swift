import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import SwitchboardUI
import TerminalKit

/// The app headless against an in-process sandbox: keys go through the same update as in the
/// terminal, and every step waits until background work has settled (never sleep-and-hope).
final class UIHarness: @unchecked Sendable {
    /// A fixed moment (Wed 3 Dec 2025, 15:30 UTC) so that calling windows read the same every run.
    static let now = Date(timeIntervalSince1970: 1_764_775_800)
    static let supervisorZone = TimeZone(identifier: "Europe/London")!

    let sandbox: RunningSandbox
    let store: AppStore
    var size: Size

    init(sandbox: RunningSandbox, size: Size) throws {
        self.sandbox = sandbox
        self.size = size
        let credentials = sandbox.credentials
        let profile = APIProfile(name: "sandbox", host: sandbox.baseURL, streamId: credentials.streamId,
                                 accountId: credentials.accountId,
                                 auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
        let client = try CampaignClient(profile: profile)
        let state = AppState(connection: ConnectionInfo(profile: "demo", host: "http://127.0.0.1:8710"),
                             supervisorZone: Self.supervisorZone, now: Self.now)
        store = AppStore(state: state, runner: EffectRunner(client: client))
        store.send(.input(.resize(size)))
    }

    var state: AppState { store.state }

    /// Loads the campaigns as the app does at start, and waits for the details on screen.
    func start() async throws {
        store.start()
        try await settle()
    }

    func settle() async throws { try await store.waitUntilIdle() }

    /// Sends keys one by one, settling after each.
    func press(_ keys: Key...) async throws {
        for key in keys {
            store.send(.input(.key(key)))
            try await settle()
        }
    }

    /// Types text into whatever has the keyboard.
    func type(_ text: String) async throws {
        for character in text {
            store.send(.input(.key(.character(character))))
            try await settle()
        }
    }

    func resize(_ width: Int, _ height: Int) async throws {
        size = Size(width: width, height: height)
        store.send(.input(.resize(size)))
        try await settle()
    }

    var canvas: Canvas { store.render(size: size) }
    /// The screen as text, trailing blanks removed.
    var screen: String { canvas.text }
}

/// Runs `body` with the app on a fresh sandbox seeded with `seed` campaigns.
func withApp<T>(seed: Int = 30, size: Size = Size(width: 120, height: 40),
                _ body: (UIHarness) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.seedCampaigns = seed
    configuration.preparingDelay = .milliseconds(50)
    let sandbox = try await SandboxServer.start(configuration)
    do {
        let harness = try UIHarness(sandbox: sandbox, size: size)
        let result = try await body(harness)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}
