import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
@testable import SwitchboardUI
import Testing

/// Snapshot → delete → `:snapshots` → r → Restore, against the sandbox, through the runner.
@Suite("Journal screens against the sandbox")
struct JournalRestoreSandboxTests {
    @Test("a deleted campaign's snapshot is listed and restored from the TUI: re-created under a new id, said in the status bar")
    func deleteThenRestore() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = 2
        configuration.preparingDelay = .milliseconds(10)
        let sandbox = try await SandboxServer.start(configuration)
        defer { Task { await sandbox.stop() } }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ui-restore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let log = AuditLog(url: root.appendingPathComponent("audit.jsonl"))
        let snapshots = SnapshotStore(directory: root.appendingPathComponent("snapshots"))
        var options = ClientOptions()
        options.journal = WriteJournal.files(log: log, snapshots: snapshots, report: { _ in })
        let credentials = sandbox.credentials
        let client = try CampaignClient(profile: APIProfile(
            name: "test", host: sandbox.baseURL, streamId: credentials.streamId, accountId: credentials.accountId,
            auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret))), options: options)
        let created = try await client.create(JournalReportTests.campaign())
        _ = try await client.delete(created.id!, type: .sms)

        var service = CampaignService.live(client)
        service.journal = .live(auditLog: log, snapshots: snapshots, client: client)
        let runner = EffectRunner(service: service)
        var state = CancellationTests.state()
        func run(_ effects: [Effect]) async {
            for effect in effects where effect == .loadSnapshots || effect == .loadAudit || effect.isJournalWork {
                let answers = Locked<[Action]>([])
                await runner.run(effect) { action in answers.withLock { $0.append(action) } }
                for action in answers.withLock({ $0 }) { _ = AppUpdate.reduce(&state, action) }
            }
        }
        await run(JournalScreenTests.palette(&state, "snapshots"))
        let listed = try #require(state.snapshots.snapshots.first)
        #expect(listed.snapshot.campaignId == created.id && listed.snapshot.reason == "delete")
        await run(JournalScreenTests.palette(&state, "audit"))
        #expect(state.audit.entries.first?.operation == "delete")
        await run(JournalScreenTests.palette(&state, "snapshots"))
        await run(UpdateTests.press(&state, .character("r")))
        let dialog = try #require(state.dialog)
        #expect(dialog.focus == 0)
        await run(UpdateTests.press(&state, .tab, .enter))
        let notice = try #require(state.notice)
        #expect(notice.hasPrefix("restored “UI journal”: re-created as cd-"), "\(notice)")
        #expect(!notice.contains("re-created as \(created.id!)"))
        #expect(state.snapshots.snapshots.count >= 1)
    }
}

extension Effect {
    /// The restore's effects (the runner answers them from the journal and the client).
    var isJournalWork: Bool {
        switch self {
        case .planRestore, .restore: return true
        default: return false
        }
    }
}
