import CampaignAPI
import CampaignModel
import Foundation
import SwitchboardUI
import TerminalKit

/// Opens the terminal UI on a client, runs it until the user quits, and gives the terminal back.
enum TUILauncher {
    static func run(client: CampaignClient, connection: ConnectionInfo, refreshSeconds: Int, boardRefreshSeconds: Int = 5,
                    readOnly: Bool, compliance: ComplianceLint? = nil, journal: JournalAccess? = nil) throws {
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend()
        } catch let error as TerminalError {
            throw CommandFailure(error.description, "For scripts, use the command line: switchboard campaign list --help")
        }
        defer { backend.shutdown() }
        var state = AppState(connection: connection, supervisorZone: .current, now: Date(),
                             refreshInterval: refreshSeconds > 0 ? TimeInterval(refreshSeconds) : nil, readOnly: readOnly)
        state.boardRefreshInterval = boardRefreshSeconds > 0 ? TimeInterval(boardRefreshSeconds) : nil
        state.compliance = compliance
        let keys = KeymapLoader.load()
        state.keymap = keys.keymap
        if let first = keys.problems.first {
            // Said at start, where the supervisor looks; `switchboard keys` lists them all.
            state.lastError = first + (keys.problems.count > 1 ? " (+\(keys.problems.count - 1) more: switchboard keys)" : "")
        }
        // Drafts are kept and offered back only when the app may write.
        let drafts = readOnly ? nil : DraftStore(directory: DraftStore.defaultDirectory())
        // `:audit` and `:snapshots` read the journal the client writes; the demo keeps none.
        var service = CampaignService.live(client)
        service.journal = journal
        let store = AppStore(state: state, runner: EffectRunner(service: service, drafts: drafts))
        // Journal failures (audit log, snapshots) go to the status bar: stderr belongs to ncurses now.
        JournalSetup.reporter.redirect { [store] message in store.post(.draftFailed(message)) }
        store.start()
        if let drafts {
            let found = drafts.load(profile: connection.profile)
            if !found.drafts.isEmpty { store.send(.draftsFound(found.drafts)) }
            if let problem = found.problems.first { store.send(.draftFailed(problem)) }
        }
        TerminalLoop.run(store, on: backend)
    }
}

