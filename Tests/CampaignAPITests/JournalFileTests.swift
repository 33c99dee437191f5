import CampaignAPI
import CampaignModel
import Foundation
import Testing

/// A fresh directory under the temporary directory.
func journalTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func fileMode(_ url: URL) -> Int {
    var info = stat()
    return stat(url.path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
}

func auditEntry(_ operation: String = "update", name: String = "Spring Sale", at time: Date = Date()) -> AuditEntry {
    var entry = AuditEntry(time: time, profile: "prod", host: "https://platform.kore.ai", operation: operation, succeeded: true,
                           durationMs: 12)
    entry.campaignId = "cd-1"
    entry.campaignName = name
    entry.status = 200
    entry.changes = [AuditChange(field: "priority", before: "\"3\"", after: "\"5\"")]
    return entry
}

@Suite("Audit log and snapshot files")
struct JournalFileTests {
    @Test("an entry is one line of JSON that reads back the same; the file is 0600 in a 0700 directory")
    func entryRoundTripAndModes() throws {
        let root = try journalTemporaryDirectory()
        let log = AuditLog(url: root.appendingPathComponent("state/switchboard/audit.jsonl"))
        var entry = auditEntry(name: "line\nbreak")
        entry.time = Date(timeIntervalSince1970: 1_790_000_000.25)
        try log.append(entry)
        try log.append(auditEntry("delete"))
        let text = try String(contentsOf: log.url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        let read = log.entries()
        #expect(read.problems.isEmpty)
        #expect(read.entries.first == entry)
        #expect(read.entries.map(\.operation) == ["update", "delete"])
        #expect(fileMode(log.url) == 0o600)
        #expect(fileMode(log.url.deletingLastPathComponent()) == 0o700)
    }

    @Test("an existing log with a loose mode is narrowed to 0600")
    func looseModeNarrowed() throws {
        let root = try journalTemporaryDirectory()
        let log = AuditLog(url: root.appendingPathComponent("audit.jsonl"))
        FileManager.default.createFile(atPath: log.url.path, contents: nil, attributes: [.posixPermissions: 0o644])
        try log.append(auditEntry())
        #expect(fileMode(log.url) == 0o600)
    }

    @Test("past the size limit the log rotates: audit.jsonl → audit.1.jsonl …, a few kept, no line lost or split")
    func rotation() throws {
        let root = try journalTemporaryDirectory()
        let log = AuditLog(url: root.appendingPathComponent("audit.jsonl"), maxBytes: 2_000, keepRotated: 3)
        let lineBytes = auditEntry().json.serialized().utf8.count + 1
        for index in 0..<40 { try log.append(auditEntry(name: "Campaign \(index)")) }
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(names == ["audit.1.jsonl", "audit.2.jsonl", "audit.3.jsonl", "audit.jsonl"])
        for name in names {
            let url = root.appendingPathComponent(name)
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            #expect(size <= 2_000)
            #expect(fileMode(url) == 0o600)
        }
        let read = log.entries()
        #expect(read.problems.isEmpty)
        // The newest lines are all there, in order; the oldest went with the file dropped.
        let kept = read.entries.map { $0.campaignName ?? "" }
        #expect(kept.last == "Campaign 39")
        #expect(kept == (40 - kept.count..<40).map { "Campaign \($0)" })
        #expect(kept.count >= 3 * (2_000 / lineBytes))
    }

    @Test("many tasks appending at once produce whole lines, each once")
    func concurrentAppends() async throws {
        let root = try journalTemporaryDirectory()
        let log = AuditLog(url: root.appendingPathComponent("audit.jsonl"))
        let filler = String(repeating: "x", count: 6_000)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for index in 0..<25 { try? log.append(auditEntry(name: "\(task)-\(index)-\(filler)")) }
                }
            }
        }
        let read = log.entries()
        #expect(read.problems.isEmpty)
        #expect(read.entries.count == 400)
        #expect(Set(read.entries.compactMap { $0.campaignName?.split(separator: "-").prefix(2).joined(separator: "-") }).count == 400)
    }

    @Test("an unwritable place is an error that names the file, never a crash")
    func unwritable() throws {
        let root = try journalTemporaryDirectory()
        let blocker = root.appendingPathComponent("state")
        FileManager.default.createFile(atPath: blocker.path, contents: Data("not a directory".utf8))
        let log = AuditLog(url: blocker.appendingPathComponent("audit.jsonl"))
        #expect(throws: (any Error).self) { try log.append(auditEntry()) }
        let store = SnapshotStore(directory: blocker.appendingPathComponent("snapshots"))
        #expect(throws: (any Error).self) { try store.write(snapshot(id: "cd-1", at: Date())) }
    }

    func snapshot(id: String, at date: Date, padding: Int = 0) -> CampaignSnapshot {
        CampaignSnapshot(takenAt: date, profile: "prod/eu", host: "https://platform.kore.ai", reason: "delete", campaignId: id,
                         campaignName: "Spring", record: ["_id": .string(id), "name": "Spring",
                                                          "description": .string(String(repeating: "d", count: padding))])
    }

    @Test("snapshots: 0600 files in a 0700 directory, named by time, profile and id so that names sort by time")
    func snapshotNamesAndModes() throws {
        let root = try journalTemporaryDirectory()
        let store = SnapshotStore(directory: root.appendingPathComponent("snapshots"))
        let early = Date(timeIntervalSince1970: 1_790_000_000.5)
        let second = try store.write(snapshot(id: "cd-b", at: early.addingTimeInterval(3600)), now: early.addingTimeInterval(3600))
        let first = try store.write(snapshot(id: "cd-a", at: early), now: early.addingTimeInterval(3600))
        let twin = try store.write(snapshot(id: "cd-a", at: early), now: early.addingTimeInterval(3600))
        #expect(first == "20260921T141320.500Z_prod-eu_cd-a.json")
        #expect(twin == "20260921T141320.500Z_prod-eu_cd-a~2.json")
        #expect(second.hasPrefix("20260921T151320.500Z_"))
        let listed = store.list()
        #expect(listed.problems.isEmpty)
        #expect(listed.snapshots.map(\.name) == [first, twin, second])
        #expect(listed.snapshots[0].snapshot == snapshot(id: "cd-a", at: early))
        #expect(fileMode(store.directory) == 0o700)
        for name in [first, twin, second] { #expect(fileMode(store.directory.appendingPathComponent(name)) == 0o600) }
        #expect(try store.load("20260921T1513").name == second)
        #expect(try store.load(first).snapshot.campaignId == "cd-a")
        #expect(throws: JournalError.self) { try store.load("20260921T1413") }
    }

    @Test("snapshots older than keepDays are pruned when one is written")
    func pruneByAge() throws {
        let root = try journalTemporaryDirectory()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let store = SnapshotStore(directory: root.appendingPathComponent("snapshots"), keepDays: 30)
        let old = try store.write(snapshot(id: "cd-old", at: now.addingTimeInterval(-31 * 86_400)), now: now.addingTimeInterval(-31 * 86_400))
        let recent = try store.write(snapshot(id: "cd-recent", at: now.addingTimeInterval(-29 * 86_400)), now: now.addingTimeInterval(-29 * 86_400))
        #expect(store.list().snapshots.map(\.name) == [old, recent])
        let fresh = try store.write(snapshot(id: "cd-new", at: now), now: now)
        #expect(store.list().snapshots.map(\.name) == [recent, fresh])
    }

    @Test("past maxBytes the oldest snapshots go first, never the one just written")
    func pruneBySize() throws {
        let root = try journalTemporaryDirectory()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var store = SnapshotStore(directory: root.appendingPathComponent("snapshots"), keepDays: 30, maxBytes: 1_000_000)
        var names: [String] = []
        for index in 0..<5 {
            let at = now.addingTimeInterval(Double(index))
            names.append(try store.write(snapshot(id: "cd-\(index)", at: at, padding: 3_000), now: at))
        }
        let each = store.list().snapshots[0].bytes
        store.maxBytes = each * 3 + each / 2
        let last = try store.write(snapshot(id: "cd-5", at: now.addingTimeInterval(5), padding: 3_000), now: now.addingTimeInterval(5))
        #expect(store.list().snapshots.map(\.name) == [names[3], names[4], last])
        store.maxBytes = 10
        let huge = try store.write(snapshot(id: "cd-6", at: now.addingTimeInterval(6), padding: 3_000), now: now.addingTimeInterval(6))
        #expect(store.list().snapshots.map(\.name) == [huge])
    }

    @Test("snapshots.keepDays and snapshots.maxMegabytes come from config.yaml; bad values keep the defaults")
    func settingsFromConfig() throws {
        let root = try journalTemporaryDirectory()
        let config = root.appendingPathComponent("config.yaml")
        try "snapshots:\n  keepDays: 7\n  maxMegabytes: 50\nprofiles: {}\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(SnapshotSettings.read(configPath: config) == SnapshotSettings(keepDays: 7, maxMegabytes: 50))
        try "snapshots:\n  keepDays: -1\n  maxMegabytes: lots\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(SnapshotSettings.read(configPath: config) == SnapshotSettings())
        #expect(SnapshotSettings.read(configPath: root.appendingPathComponent("missing.yaml")) == SnapshotSettings(keepDays: 30, maxMegabytes: 200))
        let store = SnapshotStore.standard(environment: ["XDG_STATE_HOME": root.path, "HOME": "/nonexistent"],
                                           settings: SnapshotSettings(keepDays: 7, maxMegabytes: 50))
        #expect(store.directory.path == root.appendingPathComponent("switchboard/snapshots").path)
        #expect(store.keepDays == 7 && store.maxBytes == 50 * 1024 * 1024)
        #expect(AuditLog.standard(environment: ["HOME": "/home/sup"]).url.path == "/home/sup/.local/state/switchboard/audit.jsonl")
        #expect(AuditLog.standard(environment: ["HOME": "/home/sup", "XDG_STATE_HOME": "relative"]).url.path
            == "/home/sup/.local/state/switchboard/audit.jsonl")
    }
}
