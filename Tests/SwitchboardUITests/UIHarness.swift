import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import SwitchboardUI
import TerminalKit
import Testing

/// The app headless against an in-process sandbox: keys go through the same update as in the
/// terminal, and every step waits until background work has settled (never sleep-and-hope).
final class UIHarness: @unchecked Sendable {
    /// A fixed moment (Wed 3 Dec 2025, 15:30 UTC) so that calling windows read the same every run.
    static let now = Date(timeIntervalSince1970: 1_764_775_800)
    static let supervisorZone = TimeZone(identifier: "Europe/London")!

    let sandbox: RunningSandbox
    let store: AppStore
    /// A client of its own, to check through the API what the app did.
    let client: CampaignClient
    var size: Size

    init(sandbox: RunningSandbox, size: Size, drafts: DraftStore? = nil, readOnly: Bool = false) throws {
        self.sandbox = sandbox
        self.size = size
        let credentials = sandbox.credentials
        let profile = APIProfile(name: "sandbox", host: sandbox.baseURL, streamId: credentials.streamId,
                                 accountId: credentials.accountId,
                                 auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
        client = try CampaignClient(profile: profile)
        let state = AppState(connection: ConnectionInfo(profile: "demo", host: "http://127.0.0.1:8710"),
                             supervisorZone: Self.supervisorZone, now: Self.now, readOnly: readOnly)
        store = AppStore(state: state, runner: EffectRunner(client: try CampaignClient(profile: profile), drafts: drafts))
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
func withApp<T>(seed: Int = 30, size: Size = Size(width: 120, height: 40), drafts: DraftStore? = nil, readOnly: Bool = false,
                configure: (inout SandboxConfiguration) -> Void = { _ in },
                _ body: (UIHarness) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.seedCampaigns = seed
    configuration.preparingDelay = .milliseconds(50)
    configure(&configuration)
    let sandbox = try await SandboxServer.start(configuration)
    do {
        let harness = try UIHarness(sandbox: sandbox, size: size, drafts: drafts, readOnly: readOnly)
        let result = try await body(harness)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

extension UIHarness {
    /// Selects the campaign whose name contains `text`, through the filter.
    func select(_ text: String) async throws {
        try await press(.character("/"))
        try await type(text)
        try await press(.enter)
    }

    /// Moves the form's focus to `field`.
    func focus(_ field: FieldID) async throws {
        for _ in 0..<40 where state.editor?.focusedField?.id != field { try await press(.tab) }
        #expect(state.editor?.focusedField?.id == field)
    }

    /// In the open form: types `text` as the description and asks to save; the changes the review
    /// dialog lists, or nil (recorded as an issue) when no review opened.
    func reviewDescription(_ text: String) async throws -> [FieldChange]? {
        try await focus(.description)
        try await replace(with: text)
        try await press(.control("s"))
        guard case .reviewSave(let changes, _)? = state.dialog?.kind else {
            Issue.record("no review dialog: \(screen)")
            return nil
        }
        return changes
    }

    /// Clears the focused text field and types `text`.
    func replace(with text: String) async throws {
        try await press(.control("u"))
        try await type(text)
    }

    /// A campaign through the API, by a part of its name.
    func fetch(named text: String) async throws -> Campaign? {
        var all = try await client.listAll(CampaignListRequest(type: .sms))
        all += try await client.listAll(CampaignListRequest(type: .voice))
        guard let id = all.first(where: { $0.name.contains(text) })?.id else { return nil }
        return try await client.get(id)
    }
}

/// A fresh, empty drafts directory.
func temporaryDrafts() -> DraftStore {
    DraftStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("drafts-\(UUID().uuidString)"))
}
