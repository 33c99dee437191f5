import Foundation

/// The `:` commands.
public enum PaletteCommand: String, CaseIterable, Sendable {
    case sms, voice, all, campaigns, contactLists = "contact-lists", board, audit, snapshots, help, refresh, q, quit

    public var help: String {
        switch self {
        case .sms: return "SMS campaigns"
        case .voice: return "voice campaigns"
        case .all, .campaigns: return "all campaigns"
        case .contactLists: return "contact lists"
        case .board: return "the shift board: progress of running campaigns"
        case .audit: return "the audit log: every write attempt, newest first"
        case .snapshots: return "snapshots kept before writes (Enter shows one)"
        case .help: return "keys"
        case .refresh: return "reload from the server"
        case .q, .quit: return "quit"
        }
    }

    /// The commands starting with what was typed, for completion.
    public static func completions(_ typed: String) -> [PaletteCommand] {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.filter { text.isEmpty || $0.rawValue.hasPrefix(text) }
    }

    /// What was typed as a command: exact, or the only command it starts.
    public static func parse(_ typed: String) -> PaletteCommand? {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = PaletteCommand(rawValue: text) { return exact }
        let candidates = completions(text)
        return candidates.count == 1 && !text.isEmpty ? candidates[0] : nil
    }
}
