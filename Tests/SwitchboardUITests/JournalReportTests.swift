import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import SwitchboardUI
import Testing

@Suite("Journal failures in the terminal UI")
struct JournalReportTests {
    @Test("a journal that cannot write reports through the store to the status bar, and the delete is made")
    func journalFailureReachesStatusBar() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = 3
        configuration.preparingDelay = .milliseconds(10)
        let sandbox = try await SandboxServer.start(configuration)
        defer { Task { await sandbox.stop() } }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ui-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let blocked = root.appendingPathComponent("state")
        _ = FileManager.default.createFile(atPath: blocked.path, contents: Data("not a directory".utf8))

        let store = AppStore(state: CancellationTests.state(), runner: nil)
        var options = ClientOptions()
        options.journal = WriteJournal.files(log: AuditLog(url: blocked.appendingPathComponent("audit.jsonl")),
                                             snapshots: SnapshotStore(directory: blocked.appendingPathComponent("snapshots")),
                                             report: { [store] message in store.post(.draftFailed(message)) })
        let credentials = sandbox.credentials
        let client = try CampaignClient(profile: APIProfile(
            name: "ui", host: sandbox.baseURL, streamId: credentials.streamId, accountId: credentials.accountId,
            auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret))), options: options)
        let created = try await client.create(Self.campaign())
        try await CampaignService.live(client).delete(created.id!, .sms)
        await #expect(throws: APIError.self) { try await client.get(created.id!) }
        store.drain()
        let shown = try #require(store.state.lastError)
        #expect(shown.hasPrefix("audit log not written: cannot create the directory \(blocked.path): Not a directory"), "\(shown)")
        #expect(shown.contains(blocked.path))
    }

    static func campaign() -> Campaign {
        var campaign = Campaign(type: .sms, name: "UI journal", contactLists: ["CL Only 2020 Dec 4"])
        campaign.priority = 3
        campaign.format = .simple
        campaign.message = SMSMessage(text: "Hello")
        campaign.dialingStrategy = DialingStrategy(
            callerId: "+14155550123",
            callingHours: CallingHours(frequency: .weekly, timezone: "America/New_York", days: WeekSchedule.weekdaysNineToSix.days))
        return campaign
    }
}
