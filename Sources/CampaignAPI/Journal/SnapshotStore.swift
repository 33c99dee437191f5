import CampaignModel
import Foundation

/// A campaign's full record as the server gave it, kept before a change.
public struct CampaignSnapshot: Equatable, Sendable {
    public var takenAt: Date
    public var profile: String
    public var host: String
    /// The write about to happen: "delete", "stop", "update", ….
    public var reason: String
    public var campaignId: String
    public var campaignName: String
    /// The record exactly as fetched (the `data` of the GET).
    public var record: JSONValue

    public init(takenAt: Date, profile: String, host: String, reason: String, campaignId: String, campaignName: String,
                record: JSONValue) {
        self.takenAt = takenAt
        self.profile = profile
        self.host = host
        self.reason = reason
        self.campaignId = campaignId
        self.campaignName = campaignName
        self.record = record
    }

    /// The file's content: `{"snapshot": {…about it…}, "campaign": {…the record…}}`.
    public var json: JSONValue {
        ["snapshot": .object(JSONObject([("takenAt", .string(AuditTime.format(takenAt))), ("profile", .string(profile)),
                                         ("host", .string(host)), ("reason", .string(reason)),
                                         ("campaignId", .string(campaignId)), ("campaignName", .string(campaignName))])),
         "campaign": record]
    }

    public init(json: JSONValue) throws {
        guard let about = json.objectValue?["snapshot"]?.objectValue, let record = json.objectValue?["campaign"],
              record.objectValue != nil, let takenAt = about["takenAt"]?.stringValue.flatMap(AuditTime.parse) else {
            throw JournalError("not a campaign snapshot (it needs \"snapshot\" with takenAt and \"campaign\")")
        }
        self.init(takenAt: takenAt, profile: about["profile"]?.stringValue ?? "", host: about["host"]?.stringValue ?? "",
                  reason: about["reason"]?.stringValue ?? "", campaignId: about["campaignId"]?.stringValue ?? "",
                  campaignName: about["campaignName"]?.stringValue ?? "", record: record)
    }
}

/// A snapshot on disk: its file name and what it holds.
public struct StoredSnapshot: Equatable, Sendable {
    public let name: String
    public let bytes: Int
    public let snapshot: CampaignSnapshot
}

/// Snapshots on disk: one JSON file each (0600) in a 0700 directory, named
/// `20261202T083015.123Z_<profile>_<id>.json`, so that names sort by time. Writing one prunes
/// those older than `keepDays` and then the oldest until the total is at most `maxBytes`.
public struct SnapshotStore: Sendable {
    public let directory: URL
    public var keepDays: Int
    public var maxBytes: Int

    public static let defaultKeepDays = 30
    public static let defaultMaxMegabytes = 200

    public init(directory: URL, keepDays: Int = defaultKeepDays, maxBytes: Int = defaultMaxMegabytes * 1024 * 1024) {
        self.directory = directory
        self.keepDays = keepDays
        self.maxBytes = maxBytes
    }

    /// `snapshots/` in the state directory.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                settings: SnapshotSettings = SnapshotSettings()) -> SnapshotStore {
        SnapshotStore(directory: StateDirectory.switchboard(environment: environment).appendingPathComponent("snapshots", isDirectory: true),
                      keepDays: settings.keepDays, maxBytes: settings.maxMegabytes * 1024 * 1024)
    }

    /// Writes `snapshot` and prunes; answers the file name.
    @discardableResult
    public func write(_ snapshot: CampaignSnapshot, now: Date = Date()) throws -> String {
        try StateDirectory.prepare(directory)
        let data = Array((snapshot.json.serialized(pretty: true) + "\n").utf8)
        let stem = Self.stamp(snapshot.takenAt) + "_" + Self.safe(snapshot.profile) + "_" + Self.safe(snapshot.campaignId)
        var name = stem + ".json"
        var counter = 1
        while true {
            let path = directory.appendingPathComponent(name).path
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                guard errno == EEXIST, counter < 1000 else { throw JournalError.system("create", path) }
                counter += 1
                name = "\(stem)~\(counter).json"
                continue
            }
            let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == data.count else {
                unlink(path)
                throw JournalError("cannot write \(path): disk full or unwritable")
            }
            break
        }
        prune(now: now, keeping: name)
        return name
    }

    /// Removes snapshots older than `keepDays`, then the oldest while the total passes
    /// `maxBytes` (never `keeping`, the one just written). Answers the names removed.
    @discardableResult
    public func prune(now: Date = Date(), keeping: String? = nil) -> [String] {
        let cutoff = now.addingTimeInterval(-Double(keepDays) * 86_400)
        var files = fileNames().map { name -> (name: String, date: Date?, bytes: Int) in
            (name, Self.date(ofName: name), size(name))
        }
        var removed: [String] = []
        files.removeAll { file in
            guard file.name != keeping, let date = file.date, date < cutoff else { return false }
            if unlink(directory.appendingPathComponent(file.name).path) == 0 { removed.append(file.name) }
            return true
        }
        var total = files.reduce(0) { $0 + $1.bytes }
        for file in files where total > maxBytes && file.name != keeping {
            if unlink(directory.appendingPathComponent(file.name).path) == 0 { removed.append(file.name) }
            total -= file.bytes
        }
        return removed
    }

    /// Every snapshot, oldest first, and a line for each file that could not be read.
    public func list() -> (snapshots: [StoredSnapshot], problems: [String]) {
        var snapshots: [StoredSnapshot] = []
        var problems: [String] = []
        for name in fileNames() {
            do { snapshots.append(try load(name)) } catch { problems.append("\(name): \(error)") }
        }
        return (snapshots, problems)
    }

    /// The snapshot named `key`: a file name from `list` (with or without `.json`), a path, or
    /// the unique start of a name.
    public func load(_ key: String) throws -> StoredSnapshot {
        let url: URL
        if key.contains("/") {
            url = URL(fileURLWithPath: key)
        } else {
            let names = fileNames()
            let wanted = key.hasSuffix(".json") ? key : key + ".json"
            if names.contains(wanted) {
                url = directory.appendingPathComponent(wanted)
            } else {
                let matches = names.filter { $0.hasPrefix(key) }
                guard matches.count == 1 else {
                    throw JournalError(matches.isEmpty ? "no snapshot named \(key) in \(directory.path) (see: switchboard snapshot list)"
                        : "\(matches.count) snapshots start with \(key): give more of the name")
                }
                url = directory.appendingPathComponent(matches[0])
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw JournalError("cannot read \(url.path)") }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch { throw JournalError("\(url.lastPathComponent) is not JSON: \(error)") }
        return StoredSnapshot(name: url.lastPathComponent, bytes: data.count, snapshot: try CampaignSnapshot(json: json))
    }

    /// Snapshot file names, sorted (which is oldest first).
    func fileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && Self.date(ofName: $0) != nil }.sorted()
    }

    private func size(_ name: String) -> Int {
        var info = stat()
        return stat(directory.appendingPathComponent(name).path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// "20261202T083015.123Z", UTC.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let millis = min(999, (parts.nanosecond ?? 0) / 1_000_000)
        return String(format: "%04d%02d%02dT%02d%02d%02d.%03dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, millis)
    }

    /// The time at the start of a snapshot's file name.
    static func date(ofName name: String) -> Date? {
        let text = Array(name.utf8.prefix(20))
        guard text.count == 20, text[8] == UInt8(ascii: "T"), text[15] == UInt8(ascii: "."), text[19] == UInt8(ascii: "Z") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: text[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
              let minute = number(11..<13), let second = number(13..<15), let millis = number(16..<19) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components)?.addingTimeInterval(Double(millis) / 1000)
    }

    /// Letters, digits, `.` and `-` as they are; anything else becomes `-`.
    static func safe(_ text: String) -> String {
        let kept = text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "-") ? Character(scalar) : "-"
        }
        let result = String(kept.prefix(64))
        return result.isEmpty ? "-" : result
    }
}

/// `snapshots:` in config.yaml: `keepDays` (default 30) and `maxMegabytes` (default 200).
public struct SnapshotSettings: Equatable, Sendable {
    public var keepDays = SnapshotStore.defaultKeepDays
    public var maxMegabytes = SnapshotStore.defaultMaxMegabytes

    public init(keepDays: Int = SnapshotStore.defaultKeepDays, maxMegabytes: Int = SnapshotStore.defaultMaxMegabytes) {
        self.keepDays = keepDays
        self.maxMegabytes = maxMegabytes
    }

    /// Reads the `snapshots:` section of `config` (the parsed config file); values that are
    /// not positive whole numbers are problems and the default stays.
    public init(config: JSONValue?) {
        self.init()
        guard let section = config?.objectValue?["snapshots"]?.objectValue else { return }
        if let days = section["keepDays"]?.intValue, days > 0 { keepDays = days }
        if let megabytes = section["maxMegabytes"]?.intValue, megabytes > 0 { maxMegabytes = megabytes }
    }

    /// The settings in the config file at `path` (defaults when it is missing or unreadable).
    public static func read(configPath: URL) -> SnapshotSettings {
        guard let text = try? String(contentsOf: configPath, encoding: .utf8), let json = try? YAMLBridge.parse(text) else {
            return SnapshotSettings()
        }
        return SnapshotSettings(config: json)
    }
}
