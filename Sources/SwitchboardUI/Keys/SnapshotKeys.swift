import TerminalKit

/// What a key asks for on the snapshots screen and a snapshot's JSON.
public enum SnapshotCommand: Equatable, Sendable {
    case restore

    /// Whether the command changes something on the server (refused in `--readonly`).
    public var isMutating: Bool { true }
}

/// The snapshots screen's own keys; the rest (Enter, Esc, j/k, help) are the screens' keys.
/// `r` restores here (`:refresh` reads the snapshots again).
public enum SnapshotKeys {
    public static let table: [Binding<SnapshotCommand>] = [
        Binding("snapshots.restore", [.character("r")], "put the campaign back as the snapshot holds it (asks first)", .restore),
    ]
}
