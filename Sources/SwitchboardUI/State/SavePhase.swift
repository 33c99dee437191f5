/// Where the form's save stands. While `saving`, the form takes no edits: what is on screen is
/// exactly what is on its way to the server.
public enum SavePhase: Equatable, Sendable {
    /// The user edits; nothing is being sent.
    case editing
    /// A save is on its way; its answer decides what happens next.
    case saving
    /// The last save failed, for the reason given; the form is editable and Ctrl-S tries again.
    case failed(String)
}
