import CampaignAPI
import Foundation
import SwitchboardUI
import TerminalKit

/// Opens the terminal UI on a client, runs it until the user quits, and gives the terminal back.
enum TUILauncher {
    static func run(client: CampaignClient, connection: ConnectionInfo, refreshSeconds: Int) throws {
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend()
        } catch let error as TerminalError {
            throw CommandFailure(error.description, "For scripts, use the command line: switchboard campaign list --help")
        }
        defer { backend.shutdown() }
        let state = AppState(connection: connection, supervisorZone: .current, now: Date(),
                             refreshInterval: refreshSeconds > 0 ? TimeInterval(refreshSeconds) : nil)
        let store = AppStore(state: state, runner: EffectRunner(client: client))
        store.start()
        TerminalLoop.run(store, on: backend)
    }
}

