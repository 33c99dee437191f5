import CampaignModel
import Foundation
import GRDB

/// One run of a campaign as the dialer needs it. Times are on the simulated clock.
struct CampaignRun: Sendable, Equatable {
    /// What the outcomes are drawn from: a new run draws new ones, a resumed run keeps its key.
    var runKey: String
    /// When the current stretch of dialing began.
    var segmentStart: Date
    /// Calling time (seconds) spent before `segmentStart` (a paused run that resumed).
    var openOffset: Double
    /// Set while the run is paused or an SMS campaign is stopped: progress stays as it was then.
    var frozenAt: Date?
    /// When every contact will have a final outcome; nil if never (calling never opens).
    var completesAt: Date?
}

extension SandboxStore {
    func run(campaignId: String) throws -> CampaignRun? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM campaignRun WHERE campaignId = ?", arguments: [campaignId]).map { row in
                CampaignRun(runKey: row["runKey"], segmentStart: Date(timeIntervalSince1970: row["segmentStart"]),
                            openOffset: row["openOffset"],
                            frozenAt: (row["frozenAt"] as Double?).map(Date.init(timeIntervalSince1970:)),
                            completesAt: (row["completesAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    func saveRun(_ run: CampaignRun, campaignId: String) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO campaignRun (campaignId, runKey, segmentStart, openOffset, frozenAt, completesAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [campaignId, run.runKey, run.segmentStart.timeIntervalSince1970, run.openOffset,
                                 run.frozenAt?.timeIntervalSince1970, run.completesAt?.timeIntervalSince1970])
        }
    }

    func deleteRun(campaignId: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM campaignRun WHERE campaignId = ?", arguments: [campaignId])
        }
    }

    /// The earliest completion among running campaigns (seconds since 1970, simulated).
    func nextCompletion() throws -> Double? {
        try database.read { db in
            try Double.fetchOne(db, sql: """
                SELECT MIN(r.completesAt) FROM campaignRun r JOIN campaign c ON c.id = r.campaignId
                WHERE c.status = 'Active' AND r.frozenAt IS NULL AND r.completesAt IS NOT NULL
                """)
        }
    }

    /// Turns running campaigns whose every contact is final by `now` into Completed; returns their ids.
    func completeDueRuns(now: Date, updatedAt: String) throws -> [String] {
        let ids = try database.write { db -> [String] in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.json FROM campaignRun r JOIN campaign c ON c.id = r.campaignId
                WHERE c.status = 'Active' AND r.frozenAt IS NULL AND r.completesAt <= ?
                """, arguments: [now.timeIntervalSince1970])
            for row in rows {
                var campaign = try Campaign(json: JSONValue.parse(row["json"] as String))
                campaign.status = .completed
                campaign.updatedAt = updatedAt
                campaign.serverFields["campaignInstanceUpdatedAt"] = .string(updatedAt)
                try db.execute(sql: "UPDATE campaign SET status = 'Completed', updatedAt = ?, json = ? WHERE id = ?",
                               arguments: [updatedAt, campaign.resourceJSON.serialized(), row["id"] as String])
            }
            return rows.map { $0["id"] }
        }
        if !ids.isEmpty { reads.invalidate(ids) }
        return ids
    }

    /// Active campaigns that have no run recorded yet (seeded ones), a batch at a time.
    func activeCampaignsWithoutRun(limit: Int) throws -> [StoredCampaign] {
        try database.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.json FROM campaign c LEFT JOIN campaignRun r ON r.campaignId = c.id
                WHERE c.status = 'Active' AND r.campaignId IS NULL LIMIT ?
                """, arguments: [limit]).map { StoredCampaign(campaign: try Campaign(json: JSONValue.parse($0))) }
        }
    }
}
