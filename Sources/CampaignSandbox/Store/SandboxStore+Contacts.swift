import CampaignModel
import Foundation
import GRDB

/// A contact list's contacts and uses as the store keeps them: how many it generates (never
/// stored one by one), the contacts added through the API (stored, after the generated ones),
/// and which campaigns name it.
struct ContactListContents: Sendable {
    var list: ContactList
    /// Contacts made on demand (positions 0..<generatedCount).
    var generatedCount: Int
    /// Added contacts already visible (positions generatedCount..<total).
    var importedCount: Int
    /// The campaigns that name the list (as a contact list or DNC list), at most `useLimit`.
    var campaignsInUse: [(id: String, name: String)]
    /// How many campaigns name it in all.
    var useCount: Int

    var total: Int { generatedCount + importedCount }

    var generator: GeneratedContacts {
        GeneratedContacts(listId: list.id ?? list.name, count: generatedCount,
                          createdAt: list.createdAt.flatMap(ISOTimestamp.parse) ?? SeedData.epoch)
    }

    /// The list as the API shows it: its current count, and whether (and by whom) it is used.
    var decorated: ContactList {
        var list = list
        list.totalRecordCount = total
        list.isListInUse = useCount > 0
        list.extras["campaignInUse"] = .array(campaignsInUse.map { ["name": .string($0.name), "id": .string($0.id)] })
        return list
    }
}

/// A contact added through the API, as stored.
struct StoredContact: Sendable, Equatable {
    var id: String
    var phoneNumber: String
    var createdAt: String
}

extension SandboxStore {
    /// At most this many campaigns are named in a list's `campaignInUse`.
    static let useLimit = 50

    static func registerContactMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-contacts") { db in
            try db.execute(sql: """
                CREATE TABLE contact (listId TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL,
                    phoneNumber TEXT NOT NULL, createdAt TEXT NOT NULL, visibleAt REAL NOT NULL,
                    PRIMARY KEY (listId, position));
                CREATE INDEX contact_phone ON contact (listId, phoneNumber);
                CREATE TABLE listUse (campaignId TEXT NOT NULL, lname TEXT NOT NULL, campaignName TEXT NOT NULL,
                    PRIMARY KEY (campaignId, lname));
                CREATE INDEX listUse_lname ON listUse (lname, campaignName);
                CREATE TABLE campaignRun (campaignId TEXT PRIMARY KEY, runKey TEXT NOT NULL, segmentStart REAL NOT NULL,
                    openOffset REAL NOT NULL, frozenAt REAL, completesAt REAL);
                ALTER TABLE contactList ADD COLUMN generatedCount INTEGER NOT NULL DEFAULT 0;
                """)
            // A data file from before: its lists generate what they said they held, and its
            // campaigns' uses are indexed.
            for row in try Row.fetchAll(db, sql: "SELECT id, json FROM contactList") {
                let list = try ContactList(json: JSONValue.parse(row["json"] as String))
                try db.execute(sql: "UPDATE contactList SET generatedCount = ? WHERE id = ?",
                               arguments: [list.totalRecordCount ?? 0, row["id"] as String])
            }
            for json in try String.fetchAll(db, sql: "SELECT json FROM campaign") {
                try writeListUse(Campaign(json: JSONValue.parse(json)), db, replacing: false)
            }
        }
        // Which added contacts are visible yet, found without reading them all.
        migrator.registerMigration("v3-contact-visibility") { db in
            try db.execute(sql: "CREATE INDEX contact_visible ON contact (listId, visibleAt, position)")
        }
    }

    /// Records which lists a campaign names (its contact lists and DNC list).
    static func writeListUse(_ campaign: Campaign, _ db: Database, replacing: Bool = true) throws {
        guard let id = campaign.id else { return }
        if replacing { try db.cachedStatement(sql: "DELETE FROM listUse WHERE campaignId = ?").execute(arguments: [id]) }
        var names = Set(campaign.contactLists.map { $0.lowercased() })
        if let dnc = campaign.dncList?.name { names.insert(dnc.lowercased()) }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO listUse (campaignId, lname, campaignName) VALUES (?, ?, ?)")
        for name in names where !name.isEmpty { try insert.execute(arguments: [id, name, campaign.name]) }
    }

    static func deleteCampaignExtras(id: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM listUse WHERE campaignId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM campaignRun WHERE campaignId = ?", arguments: [id])
    }

    /// Sets how many contacts a list generates (seeding, tests).
    func setGeneratedCount(listId: String, _ count: Int) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE contactList SET generatedCount = ? WHERE id = ?", arguments: [count, listId])
        }
    }

    // MARK: Reading lists with their contents

    /// Every list with its counts and uses; `visibleAt` is the real time now. Each list's uses
    /// come from the index on the list's name (a window over every use is far slower at 100,000
    /// campaigns).
    func contactListContents(visibleAt now: Date = Date()) throws -> [ContactListContents] {
        try database.read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM contactList ORDER BY createdAt DESC, id")
            return try ids.compactMap { try Self.contents(id: $0, named: nil, visibleAt: now, db) }
        }
    }

    /// One list with its counts and (unless `withUses` is false) its uses, by id or by name.
    func contactListContents(id: String? = nil, named name: String? = nil, visibleAt now: Date = Date(),
                             withUses: Bool = true) throws -> ContactListContents? {
        try database.read { db in try Self.contents(id: id, named: name, visibleAt: now, withUses: withUses, db) }
    }

    static func contents(id: String?, named name: String?, visibleAt now: Date, withUses: Bool = true,
                         _ db: Database) throws -> ContactListContents? {
        let row: Row?
        if let id {
            row = try Row.fetchOne(db, sql: "SELECT json, generatedCount FROM contactList WHERE id = ?", arguments: [id])
        } else {
            row = try Row.fetchOne(db, sql: "SELECT json, generatedCount FROM contactList WHERE lname = ?",
                                   arguments: [(name ?? "").lowercased()])
        }
        guard let row else { return nil }
        let list = try ContactList(json: JSONValue.parse(row["json"] as String))
        let lname = list.name.lowercased()
        let imported = try visibleImportedCount(listId: list.id ?? "", generatedCount: row["generatedCount"], now: now, db)
        guard withUses else {
            return ContactListContents(list: list, generatedCount: row["generatedCount"], importedCount: imported,
                                       campaignsInUse: [], useCount: 0)
        }
        let useCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM listUse WHERE lname = ?", arguments: [lname]) ?? 0
        let uses = try Row.fetchAll(db, sql: "SELECT campaignId, campaignName FROM listUse WHERE lname = ? ORDER BY campaignName, campaignId LIMIT ?",
                                    arguments: [lname, useLimit]).map { (id: $0["campaignId"] as String, name: $0["campaignName"] as String) }
        return ContactListContents(list: list, generatedCount: row["generatedCount"], importedCount: imported,
                                   campaignsInUse: uses, useCount: useCount)
    }

    /// How many added contacts of a list are visible by `now`. Added contacts take the positions
    /// after the generated ones in the order they came, and each batch shows after the import
    /// delay, so the visible ones are a prefix by position: it ends at the first one still hidden,
    /// or after the last. Two index look-ups, whatever the list's size (a count of the visible
    /// rows read every row: 100,000 contacts made each contacts page cost tens of milliseconds).
    static func visibleImportedCount(listId: String, generatedCount: Int, now: Date, _ db: Database) throws -> Int {
        let firstHidden = try Int.fetchOne(db, sql: """
            SELECT position FROM contact WHERE listId = ? AND visibleAt > ? ORDER BY visibleAt, position LIMIT 1
            """, arguments: [listId, now.timeIntervalSince1970])
        let end = try firstHidden ?? Int.fetchOne(db, sql: "SELECT MAX(position) + 1 FROM contact WHERE listId = ?", arguments: [listId])
        return max(0, (end ?? generatedCount) - generatedCount)
    }

    /// Added contacts of a list at positions `generatedCount + offset` onwards, visible by `now`,
    /// read by position range through the primary key (an OFFSET walked every row before it).
    func importedContacts(listId: String, generatedCount: Int, offset: Int, limit: Int,
                          visibleAt now: Date = Date()) throws -> [StoredContact] {
        guard limit > 0 else { return [] }
        let first = generatedCount + max(0, offset)
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, phoneNumber, createdAt FROM contact WHERE listId = ? AND position >= ? AND position < ? AND visibleAt <= ?
                ORDER BY position
                """, arguments: [listId, first, first + limit, now.timeIntervalSince1970]).map {
                StoredContact(id: $0["id"], phoneNumber: $0["phoneNumber"], createdAt: $0["createdAt"])
            }
        }
    }

    // MARK: Changing lists

    /// Adds contacts to a list by its name, visible from `visibleAt`; without `allowDuplicates`
    /// a number the list holds already (or twice in the batch) is skipped. Returns how many were
    /// added, or nil when there is no such list.
    func addContacts(listName: String, phoneNumbers: [String], createdAt: String, visibleAt: Date) throws -> Int? {
        let added = try database.write { db -> Int? in
            guard let contents = try Self.contents(id: nil, named: listName, visibleAt: .distantFuture, withUses: false, db),
                  let listId = contents.list.id else { return nil }
            let generator = contents.generator
            let allowDuplicates = contents.list.allowDuplicates ?? false
            var position = contents.total
            var seen: Set<String> = []
            let exists = try db.cachedStatement(sql: "SELECT 1 FROM contact WHERE listId = ? AND phoneNumber = ? LIMIT 1")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO contact (listId, position, id, phoneNumber, createdAt, visibleAt) VALUES (?, ?, ?, ?, ?, ?)
                """)
            var count = 0
            for number in phoneNumbers {
                if !allowDuplicates {
                    guard seen.insert(number).inserted, generator.position(ofPhoneNumber: number) == nil,
                          try Row.fetchOne(exists, arguments: [listId, number]) == nil else { continue }
                }
                try insert.execute(arguments: [listId, position, "cc-" + UUID().uuidString.lowercased(), number, createdAt,
                                               visibleAt.timeIntervalSince1970])
                position += 1
                count += 1
            }
            return count
        }
        return added
    }

    /// Writes a list's record, keeping its generated count; a rename is carried into the
    /// campaigns that name it (their contact lists and DNC list). False when another list has
    /// the new name.
    func updateContactList(_ list: ContactList, renamedFrom oldName: String) throws -> Bool {
        var changed: [String] = []
        let saved = try database.write { db -> Bool in
            let lname = list.name.lowercased()
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM contactList WHERE lname = ? AND id IS NOT ?)",
                                          arguments: [lname, list.id]) ?? false
            if taken { return false }
            try db.execute(sql: "UPDATE contactList SET lname = ?, json = ? WHERE id = ?",
                           arguments: [lname, list.json.serialized(), list.id])
            guard oldName != list.name else { return true }
            let ids = try String.fetchAll(db, sql: "SELECT campaignId FROM listUse WHERE lname = ?", arguments: [oldName.lowercased()])
            for id in ids {
                guard let json = try String.fetchOne(db, sql: "SELECT json FROM campaign WHERE id = ?", arguments: [id]) else { continue }
                var campaign = try Campaign(json: JSONValue.parse(json))
                campaign.contactLists = campaign.contactLists.map { $0.lowercased() == oldName.lowercased() ? list.name : $0 }
                if campaign.dncList?.name?.lowercased() == oldName.lowercased() { campaign.dncList?.name = list.name }
                try db.execute(sql: "UPDATE campaign SET json = ? WHERE id = ?", arguments: [campaign.resourceJSON.serialized(), id])
                try Self.writeListUse(campaign, db)
                changed.append(id)
            }
            return true
        }
        if !changed.isEmpty { reads.invalidate(changed) }
        return saved
    }

    /// Deletes a list and its added contacts.
    func deleteContactList(id: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM contact WHERE listId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM contactList WHERE id = ?", arguments: [id])
        }
    }
}

extension SandboxStore {
    /// The campaigns that name a list (as a contact list or DNC list).
    func campaignIds(usingList name: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT campaignId FROM listUse WHERE lname = ?", arguments: [name.lowercased()])
        }
    }
}
