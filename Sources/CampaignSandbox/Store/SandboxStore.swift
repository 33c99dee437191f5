import CampaignModel
import Foundation
import GRDB
import Synchronization

/// A campaign as the sandbox keeps it: the resource, plus when a voice campaign that is
/// Preparing becomes Ready, plus its recurring schedule if one is enabled.
struct StoredCampaign: Sendable {
    var campaign: Campaign
    var readyAt: Date?
    var recurrence: JSONValue?
}

/// The sandbox's storage: SQLite through GRDB, in a file (`--data`) or in memory. Campaigns are
/// kept as their resource JSON beside the columns that listing filters and sorts on.
final class SandboxStore: Sendable {
    let database: any DatabaseWriter
    /// Serialized single-campaign reads, dropped whenever the campaign is written.
    let reads: CampaignReadCache
    /// The earliest time a Preparing campaign turns Ready, so that reads only write when due.
    private let nextReady = Mutex<Date?>(nil)

    init(path: String?, cachesReads: Bool = true) throws {
        reads = CampaignReadCache(enabled: cachesReads)
        if let path {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            database = try DatabasePool(path: path, configuration: configuration)
        } else {
            database = try DatabaseQueue()
        }
        try Self.migrator.migrate(database)
        let pending = try database.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(readyAt) FROM campaign WHERE status = 'Preparing'")
        }
        nextReady.withLock { $0 = pending.map(Date.init(timeIntervalSince1970:)) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "campaign") { table in
                table.primaryKey("id", .text)
                table.column("type", .text).notNull()
                table.column("lname", .text).notNull()
                table.column("status", .text).notNull()
                table.column("priority", .integer)
                table.column("dialingMode", .text)
                table.column("createdAt", .text).notNull()
                table.column("updatedAt", .text).notNull()
                table.column("readyAt", .double)
                table.column("recurrence", .text)
                table.column("json", .text).notNull()
            }
            try createCampaignIndexes(db)
            try db.create(table: "contactList") { table in
                table.primaryKey("id", .text)
                table.column("lname", .text).notNull().unique()
                table.column("createdAt", .text).notNull()
                table.column("json", .text).notNull()
            }
            try db.create(table: "experienceFlow") { table in
                table.primaryKey("id", .text)
                table.column("lname", .text).notNull().unique()
                table.column("name", .text).notNull()
            }
        }
        registerContactMigrations(&migrator)
        return migrator
    }

    /// The indexes listing sorts and filters by (and name lookups use).
    static let campaignIndexes: [(name: String, columns: [String])] = [
        ("campaign_type_created", ["type", "createdAt", "id"]),
        ("campaign_type_updated", ["type", "updatedAt", "id"]),
        ("campaign_type_lname", ["type", "lname", "id"]),
        ("campaign_lname", ["lname"]),
    ]

    static func createCampaignIndexes(_ db: Database) throws {
        for index in campaignIndexes { try db.create(index: index.name, on: "campaign", columns: index.columns) }
    }

    /// Closes the database; later calls fail.
    func close() throws {
        if let pool = database as? DatabasePool { try pool.close() }
        if let queue = database as? DatabaseQueue { try queue.close() }
    }

    // MARK: Campaigns

    func campaign(id: String) throws -> StoredCampaign? {
        try promoteDueCampaigns()
        return try database.read { db in
            try Row.fetchOne(db, sql: "SELECT json, readyAt, recurrence FROM campaign WHERE id = ?", arguments: [id])
                .map(Self.stored)
        }
    }

    func campaign(named name: String) throws -> StoredCampaign? {
        try promoteDueCampaigns()
        return try database.read { db in
            try Row.fetchOne(db, sql: "SELECT json, readyAt, recurrence FROM campaign WHERE lname = ? ORDER BY createdAt LIMIT 1",
                             arguments: [name.lowercased()]).map(Self.stored)
        }
    }

    /// Inserts or replaces campaigns in one transaction.
    func save(_ campaigns: [StoredCampaign]) throws {
        try database.write { db in
            for stored in campaigns { try Self.write(stored, db) }
        }
        reads.invalidate(campaigns.compactMap(\.campaign.id))
        noteReadyTimes(campaigns)
    }

    /// Saves a campaign unless another one (not `id`) has its name, ignoring case. The check and
    /// the write are one transaction, so two creates with one name cannot both succeed.
    /// Returns false, writing nothing, when the name is taken.
    func saveIfNameFree(_ stored: StoredCampaign, except id: String? = nil) throws -> Bool {
        let saved = try database.write { db -> Bool in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM campaign WHERE lname = ? AND id IS NOT ?)",
                                          arguments: [stored.campaign.name.lowercased(), id]) ?? false
            if taken { return false }
            try Self.write(stored, db)
            return true
        }
        if saved {
            reads.invalidate(stored.campaign.id.map { [$0] } ?? [])
            noteReadyTimes([stored])
        }
        return saved
    }

    /// Writes the seed's campaigns in one transaction through one prepared statement, `batch` at
    /// a time (made just before they are written, so that they are never all in memory, and
    /// serialized in parallel); `progress` hears how many are written, and the total, at the start
    /// and after every batch.
    func seed(_ seed: SeedData, batch: Int = 2_000, progress: (@Sendable (Int, Int) -> Void)? = nil) throws {
        try database.write { db in
            // Into an empty table, indexes built once at the end cost less than kept up row by row.
            for index in Self.campaignIndexes { try db.drop(index: index.name) }
            try db.execute(sql: "DROP INDEX IF EXISTS listUse_lname")
            let statement = try db.cachedStatement(sql: Self.insertCampaignSQL)
            var campaigns = seed.campaignSequence
            var written = 0
            progress?(0, seed.campaignCount)
            while written < seed.campaignCount {
                var chunk: [StoredCampaign] = []
                chunk.reserveCapacity(batch)
                while chunk.count < batch, let stored = campaigns.next() { chunk.append(stored) }
                if chunk.isEmpty { break }
                for (stored, json) in zip(chunk, Self.serializedInParallel(chunk)) {
                    try statement.execute(arguments: Self.arguments(stored, json: json))
                    try Self.writeListUse(stored.campaign, db, replacing: false)
                }
                written += chunk.count
                progress?(written, seed.campaignCount)
            }
            try Self.createCampaignIndexes(db)
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS listUse_lname ON listUse (lname, campaignName)")
        }
        reads.invalidate(nil)
    }

    private static let insertCampaignSQL = """
        INSERT OR REPLACE INTO campaign
        (id, type, lname, status, priority, dialingMode, createdAt, updatedAt, readyAt, recurrence, json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private static func write(_ stored: StoredCampaign, _ db: Database) throws {
        try db.cachedStatement(sql: insertCampaignSQL)
            .execute(arguments: arguments(stored, json: stored.campaign.resourceJSON.serialized()))
        try writeListUse(stored.campaign, db)
    }

    /// Each campaign's resource JSON, serialized on every core (the costly part of seeding).
    private static func serializedInParallel(_ campaigns: [StoredCampaign]) -> [String] {
        let slices = min(campaigns.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        guard slices > 1 else { return campaigns.map { $0.campaign.resourceJSON.serialized() } }
        let results = Mutex<[[String]]>(Array(repeating: [], count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (campaigns.count * slice / slices)..<(campaigns.count * (slice + 1) / slices)
            let texts = campaigns[range].map { $0.campaign.resourceJSON.serialized() }
            results.withLock { $0[slice] = texts }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    private static func arguments(_ stored: StoredCampaign, json: String) -> StatementArguments {
        let campaign = stored.campaign
        return [
                campaign.id, campaign.type?.rawValue ?? "", campaign.name.lowercased(),
                campaign.status?.rawValue ?? "", campaign.priority, campaign.dialingMode?.rawValue,
                campaign.createdAt ?? "", campaign.updatedAt ?? "", stored.readyAt?.timeIntervalSince1970,
                stored.recurrence?.serialized(), json,
            ]
    }

    private func noteReadyTimes(_ campaigns: [StoredCampaign]) {
        let earliest = campaigns.compactMap { $0.campaign.status == .preparing ? $0.readyAt : nil }.min()
        if let earliest { nextReady.withLock { $0 = min($0 ?? earliest, earliest) } }
    }

    func delete(id: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM campaign WHERE id = ?", arguments: [id])
            try Self.deleteCampaignExtras(id: id, db)
        }
        reads.invalidate([id])
    }

    /// One page of campaigns and the total that match, for `getAllCampaignDetails`: each
    /// campaign as `render` writes it (its list summary), from the read cache when held there.
    func list(_ request: CampaignListRequest, skip: Int, limit: Int,
              render: (Campaign) -> String) throws -> (items: [String], total: Int) {
        try promoteDueCampaigns()
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let type = request.type {
            conditions.append("type = ?")
            arguments.append(type.rawValue)
        }
        func inList(_ column: String, _ values: [(any DatabaseValueConvertible)?]) {
            guard !values.isEmpty else { return }
            conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))")
            arguments += values
        }
        inList("status", request.statuses.map(\.rawValue))
        inList("priority", request.priorities)
        inList("dialingMode", request.dialingModes.map(\.rawValue))
        if let start = request.startDate.flatMap(ISOTimestamp.parse) {
            conditions.append("createdAt >= ?")
            arguments.append(ISOTimestamp.format(start))
        }
        if let end = request.endDate.flatMap(ISOTimestamp.parse) {
            conditions.append("createdAt <= ?")
            arguments.append(ISOTimestamp.format(end))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = (request.sortBy.map { sort in
            let column = sort.field == .name ? "lname" : sort.field.rawValue
            return "\(column) \(sort.order == .asc ? "ASC" : "DESC")"
        } + ["id ASC"]).joined(separator: ", ")
        let filterArguments = StatementArguments(arguments)
        let generation = reads.generation
        // In the read: ids, the total, and the stored JSON of those not cached; the work on
        // the JSON happens after it, so that other requests can use the database meanwhile.
        let (ids, held, stored, total) = try database.read { db -> ([String], [String: String], [String: String], Int) in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign \(whereClause)", arguments: filterArguments) ?? 0
            let ids = try String.fetchAll(db, sql: "SELECT id FROM campaign \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?",
                                          arguments: filterArguments + [limit, skip])
            let held = reads.texts(.listItem, ids: ids)
            let missing = ids.filter { held[$0] == nil }
            var stored: [String: String] = [:]
            if !missing.isEmpty {
                let marks = Array(repeating: "?", count: missing.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT id, json FROM campaign WHERE id IN (\(marks))",
                                            arguments: StatementArguments(missing)) {
                    stored[row["id"]] = row["json"]
                }
            }
            return (ids, held, stored, total)
        }
        var rendered: [String: String] = [:]
        for (id, json) in stored { rendered[id] = try render(Campaign(json: JSONValue.parse(json))) }
        reads.store(.listItem, rendered, readAt: generation)
        return (ids.compactMap { held[$0] ?? rendered[$0] }, total)
    }

    func campaignCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign") ?? 0 }
    }

    /// Voice campaigns are Preparing for a moment after creation; this turns those that are
    /// due into Ready. It writes only when one is due.
    func promoteDueCampaigns() throws {
        let now = Date()
        guard let due = nextReady.withLock({ $0 }), due <= now else { return }
        let promoted = try database.write { db -> Double? in
            let rows = try Row.fetchAll(db, sql: "SELECT json, readyAt, recurrence FROM campaign WHERE status = 'Preparing' AND readyAt <= ?",
                                        arguments: [now.timeIntervalSince1970])
            for row in rows {
                var stored = try Self.stored(row)
                stored.campaign.status = .ready
                try db.execute(sql: "UPDATE campaign SET status = 'Ready', json = ? WHERE id = ?",
                               arguments: [stored.campaign.resourceJSON.serialized(), stored.campaign.id])
            }
            return try Double.fetchOne(db, sql: "SELECT MIN(readyAt) FROM campaign WHERE status = 'Preparing'")
        }
        reads.invalidate(nil)
        nextReady.withLock { $0 = promoted.map(Date.init(timeIntervalSince1970:)) }
    }

    private static func stored(_ row: Row) throws -> StoredCampaign {
        let json: String = row["json"]
        let recurrence: String? = row["recurrence"]
        let readyAt: Double? = row["readyAt"]
        return StoredCampaign(
            campaign: try Campaign(json: JSONValue.parse(json)),
            readyAt: readyAt.map(Date.init(timeIntervalSince1970:)),
            recurrence: try recurrence.map { try JSONValue.parse($0) })
    }

    // MARK: Contact lists and experience flows

    func contactLists() throws -> [ContactList] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT json FROM contactList ORDER BY createdAt DESC, id")
                .map { try ContactList(json: JSONValue.parse($0)) }
        }
    }

    func contactList(id: String) throws -> ContactList? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM contactList WHERE id = ?", arguments: [id])
                .map { try ContactList(json: JSONValue.parse($0)) }
        }
    }

    func contactList(named name: String) throws -> ContactList? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM contactList WHERE lname = ?", arguments: [name.lowercased()])
                .map { try ContactList(json: JSONValue.parse($0)) }
        }
    }

    func save(_ lists: [ContactList]) throws {
        try database.write { db in
            for list in lists {
                // An upsert, so that the list's generated count stays.
                try db.execute(sql: """
                    INSERT INTO contactList (id, lname, createdAt, json) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET lname = excluded.lname, createdAt = excluded.createdAt, json = excluded.json
                    """,
                               arguments: [list.id, list.name.lowercased(), list.createdAt ?? "", list.json.serialized()])
            }
        }
    }

    func experienceFlowId(named name: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM experienceFlow WHERE lname = ?", arguments: [name.lowercased()])
        }
    }

    func saveExperienceFlows(_ flows: [(id: String, name: String)]) throws {
        try database.write { db in
            for flow in flows {
                try db.execute(sql: "INSERT OR REPLACE INTO experienceFlow (id, lname, name) VALUES (?, ?, ?)",
                               arguments: [flow.id, flow.name.lowercased(), flow.name])
            }
        }
    }

    func isEmpty() throws -> Bool {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM experienceFlow") ?? 0 } == 0
    }
}
