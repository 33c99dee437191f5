import CampaignAPI
import Foundation

/// Drafts on disk: one JSON file per form in `$XDG_STATE_HOME/switchboard/drafts` (by default
/// `~/.local/state/switchboard/drafts`), readable by the user alone, written atomically.
public struct DraftStore: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The XDG state directory's `switchboard/drafts` (where the journal keeps its files too).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        StateDirectory.switchboard(environment: environment).appendingPathComponent("drafts", isDirectory: true)
    }

    private func file(_ key: String) -> URL { directory.appendingPathComponent(key + ".json") }

    public func save(_ draft: CampaignDraft) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(draft)
        let temporary = directory.appendingPathComponent(".\(draft.key).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary.path, file(draft.key).path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The drafts of `profile`, newest first, and a line for every file that could not be read
    /// (such files are left where they are).
    public func load(profile: String) -> (drafts: [CampaignDraft], problems: [String]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var drafts: [CampaignDraft] = []
        var problems: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            do {
                let draft = try decoder.decode(CampaignDraft.self, from: Data(contentsOf: url))
                if draft.profile == profile { drafts.append(draft) }
            } catch {
                problems.append("cannot read the draft \(url.path): \(error.localizedDescription)")
            }
        }
        return (drafts.sorted { $0.savedAt > $1.savedAt }, problems)
    }

    /// Removes a draft; a draft already gone is fine.
    public func remove(key: String) {
        try? FileManager.default.removeItem(at: file(key))
    }
}
