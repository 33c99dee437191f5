import CampaignAPI
import Foundation
import Synchronization

/// The journal every command's client carries: the audit log and snapshots in the state
/// directory, snapshot limits from config.yaml. Journal failures go to `reporter`: stderr for
/// the command line; the terminal UI points it at its status bar.
enum JournalSetup {
    static let reporter = JournalReporter()

    static func journal(configPath: URL = ProfileLoader.defaultConfigPath(), secrets: [Secret] = []) -> WriteJournal {
        WriteJournal.files(log: AuditLog.standard(), snapshots: snapshotStore(configPath: configPath), secrets: secrets,
                           report: { reporter.report($0) })
    }

    static func snapshotStore(configPath: URL = ProfileLoader.defaultConfigPath()) -> SnapshotStore {
        SnapshotStore.standard(settings: SnapshotSettings.read(configPath: configPath))
    }
}

/// Where journal failures are told; a warning on stderr unless redirected.
final class JournalReporter: Sendable {
    private let target = Mutex<(@Sendable (String) -> Void)?>(nil)

    func redirect(_ destination: @escaping @Sendable (String) -> Void) { target.withLock { $0 = destination } }

    func report(_ message: String) {
        if let destination = target.withLock({ $0 }) { return destination(message) }
        ErrorOutput.write(["warning: \(message)"])
    }
}
