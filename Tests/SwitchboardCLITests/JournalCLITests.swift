import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Testing

/// `snapshot list|show`, `restore`, `audit`, and the journal behind every write command.
@Suite("Audit log, snapshots and restore from the command line", .serialized)
struct JournalCLITests {
    static func auditLines(_ cli: CLI) throws -> [JSONValue] {
        let text = try String(contentsOf: cli.home.appendingPathComponent(".local/state/switchboard/audit.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    static func json(_ result: CLIResult) throws -> JSONValue { try JSONValue.parse(result.stdout) }

    @Test("every write command appends a line; none holds the client secret or a JWT, signing with either")
    func everyCommandJournaledWithoutSecrets() async throws {
        try await withCLI { cli in
            let secret = cli.sandbox.credentials.clientSecret
            let jwt = try await makeToken(clientId: cli.sandbox.credentials.clientId, secret: secret)
            var withJWT = cli
            withJWT.extraEnvironment = ["KORE_JWT": jwt]
            let campaigns = try (Self.json(await cli.run(["campaign", "list", "--type", "sms", "-o", "json"])).arrayValue ?? [])
                .map { try Campaign(json: $0) }
            let ready = try #require(campaigns.first { $0.status == .ready })

            let simple = try #require(campaigns.first { $0.format == .simple })
            var campaign = try Campaign(json: Self.json(await cli.run(["campaign", "get", simple.id!, "-o", "json"])))
            campaign.id = nil
            campaign.name = "Journal CLI"
            let created = try await cli.run(["campaign", "apply", "-f", try cli.file("new.json", campaign.resourceJSON.serialized())])
            #expect(created.code == 0, "\(created.all)")
            let id = try #require(created.stdout.components(separatedBy: "created ").last?.split(separator: "\n").first.map(String.init))
            var edited = try Campaign(json: Self.json(await cli.run(["campaign", "get", id, "-o", "json"])))
            edited.description = "secret \(secret) and token \(jwt)"
            let update = try await withJWT.run(["campaign", "apply", "-f", try cli.file("edit.json", edited.resourceJSON.serialized())])
            #expect(update.code == 0, "\(update.all)")
            #expect(try await withJWT.run(["campaign", "start", ready.id!]).code == 0)
            #expect(try await cli.run(["campaign", "stop", ready.id!]).code == 0)
            #expect(try await cli.run(["campaign", "stop", ready.id!]).code == 1, "a refused stop is journaled too")
            #expect(try await withJWT.run(["campaign", "schedule", "enable", id, "--start", "2030-01-01 09:00:00",
                                           "--end", "2030-03-01 09:00:00", "--days", "Mon"]).code == 0)
            #expect(try await cli.run(["campaign", "schedule", "disable", id]).code == 0)
            #expect(try await withJWT.run(["campaign", "clone", id, "--name", "Journal CLI copy"]).code == 0)
            #expect(try await cli.run(["campaign", "delete", id, "--yes"]).code == 0)

            let list = try await ShiftCLITests.client(cli).createContactList(name: "Journal CLI list", description: nil, allowDuplicates: false)
            let listId = try #require(list.id)
            #expect(try await cli.run(["contact-list", "import", listId, try cli.file("n.csv", "+15550000001\n+15550000002\n")]).code == 0)
            #expect(try await withJWT.run(["contact-list", "update", listId, "--description", "token \(jwt)"]).code == 0)
            #expect(try await cli.run(["contact-list", "delete", listId, "--yes"]).code == 0)

            let lines = try Self.auditLines(cli)
            let operations = lines.compactMap { $0.objectValue?["operation"]?.stringValue }
            #expect(operations == ["create", "update", "start", "stop", "stop", "schedule-enable", "schedule-disable", "clone", "delete",
                                   "contact-list-import", "contact-list-update", "contact-list-delete"])
            #expect(lines[4].objectValue?["result"]?.stringValue == "failed" && lines[4].objectValue?["status"]?.intValue == 409)
            #expect(lines.allSatisfy { $0.objectValue?["profile"]?.stringValue == "environment" })
            let state = cli.home.appendingPathComponent(".local/state/switchboard")
            var text = try String(contentsOf: state.appendingPathComponent("audit.jsonl"), encoding: .utf8)
            #expect(!text.contains(secret) && !text.contains(jwt))
            #expect(text.range(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\."#, options: .regularExpression) == nil)
            #expect(text.contains("secret [redacted] and token [redacted"))
            // The audit command shows what the file holds, and nothing more.
            text = try await cli.run(["audit", "-o", "json"]).stdout + cli.run(["audit"]).stdout
            #expect(!text.contains(secret) && !text.contains(jwt))
            var info = stat()
            #expect(stat(state.appendingPathComponent("audit.jsonl").path, &info) == 0 && info.st_mode & 0o777 == 0o600)
            #expect(stat(state.appendingPathComponent("snapshots").path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        }
    }

    @Test("snapshot → delete → restore re-creates the campaign under a new id and says so; snapshot → edit → restore shows the diff and puts the values back")
    func snapshotsAndRestore() async throws {
        try await withCLI { cli in
            let campaigns = try (Self.json(await cli.run(["campaign", "list", "--type", "voice", "-o", "json"])).arrayValue ?? [])
                .map { try Campaign(json: $0) }
            let target = try #require(campaigns.first { $0.dialingMode == .progressive && $0.status != .active })
            let id = try #require(target.id)
            let original = try Campaign(json: Self.json(await cli.run(["campaign", "get", id, "-o", "json"])))

            var edited = original
            edited.priority = original.priority == 1 ? 2 : 1
            #expect(try await cli.run(["campaign", "apply", "-f", try cli.file("e.json", edited.resourceJSON.serialized())]).code == 0)
            let listed = try await cli.run(["snapshot", "list", "--campaign", id, "-o", "json"])
            let entries = try #require(Self.json(listed).arrayValue)
            #expect(entries.count == 1 && entries[0].objectValue?["reason"]?.stringValue == "update")
            let name = try #require(entries[0].objectValue?["snapshot"]?.stringValue)
            let table = try await cli.run(["snapshot", "list"])
            #expect(table.code == 0 && table.stdout.contains(name), "\(table.all)")
            let shown = try await cli.run(["snapshot", "show", String(name.prefix(18))])
            #expect(try shown.code == 0 && Self.json(shown).objectValue?["campaign"]?.objectValue?["_id"]?.stringValue == id, "\(shown.all)")

            let refused = try await cli.run(["restore", name])
            #expect(refused.code == 1 && refused.stderr.contains("--yes") && refused.stdout.contains("~ priority"), "\(refused.all)")
            let restored = try await cli.run(["restore", name, "--yes"])
            #expect(restored.code == 0 && restored.stdout.contains("Restored \(original.name) (\(id))"), "\(restored.all)")
            let back = try Campaign(json: Self.json(await cli.run(["campaign", "get", id, "-o", "json"])))
            #expect(CampaignDiff.changes(from: original, to: back).isEmpty)
            #expect(try await cli.run(["restore", name, "--yes"]).stdout.contains("nothing to restore"))

            #expect(try await cli.run(["campaign", "delete", id, "--yes"]).code == 0)
            let deleted = try #require(Self.json(await cli.run(["snapshot", "list", "--campaign", id, "-o", "json"])).arrayValue?.last)
            #expect(deleted.objectValue?["reason"]?.stringValue == "delete")
            let deletedName = try #require(deleted.objectValue?["snapshot"]?.stringValue)
            let recreated = try await cli.run(["restore", deletedName, "--yes"])
            #expect(recreated.code == 0, "\(recreated.all)")
            let newId = try #require(recreated.stdout.components(separatedBy: "re-created as ").last?.split(separator: " ").first.map(String.init))
            #expect(newId != id && newId.hasPrefix("cd-"))
            #expect(recreated.stdout.contains("(the platform gives a new id; the old id \(id) is gone)"))
            let again = try Campaign(json: Self.json(await cli.run(["campaign", "get", newId, "-o", "json"])))
            #expect(CampaignDiff.changes(from: original, to: again).isEmpty, "\(CampaignDiff.changes(from: original, to: again))")

            let audit = try #require(Self.json(await cli.run(["audit", "--campaign", id, "-o", "json"])).arrayValue)
            #expect(audit.compactMap { $0.objectValue?["operation"]?.stringValue } == ["update", "restore", "delete"])
            let restoreLine = try #require(Self.json(await cli.run(["audit", "--campaign", newId, "-o", "json"])).arrayValue?.first)
            #expect(restoreLine.objectValue?["operation"]?.stringValue == "restore")
            #expect(restoreLine.objectValue?["detail"]?.stringValue == "snapshot \(deletedName)")
            let missing = try await cli.run(["snapshot", "show", "nope"])
            #expect(missing.code == 1 && missing.stderr.contains("no snapshot named nope"))
        }
    }

    @Test("audit --since and --campaign filter; a bad duration is a usage error")
    func auditFilters() async throws {
        try await withCLI { cli in
            let state = cli.home.appendingPathComponent(".local/state/switchboard")
            let log = AuditLog(url: state.appendingPathComponent("audit.jsonl"))
            for (hoursAgo, id) in [(50.0, "cd-old"), (3.0, "cd-a"), (1.0, "cd-b"), (0.1, "cd-a")] {
                var entry = AuditEntry(time: Date().addingTimeInterval(-hoursAgo * 3600), profile: "prod", host: "https://h",
                                       operation: "stop", succeeded: true, durationMs: 5)
                entry.campaignId = id
                entry.campaignName = "Name of \(id)"
                try log.append(entry)
            }
            func ids(_ arguments: [String]) async throws -> [String] {
                try (Self.json(await cli.run(["audit", "-o", "json"] + arguments)).arrayValue ?? [])
                    .compactMap { $0.objectValue?["campaignId"]?.stringValue }
            }
            #expect(try await ids([]) == ["cd-old", "cd-a", "cd-b", "cd-a"])
            #expect(try await ids(["--since", "2h"]) == ["cd-b", "cd-a"])
            #expect(try await ids(["--since", "3d"]) == ["cd-old", "cd-a", "cd-b", "cd-a"])
            #expect(try await ids(["--since", "4h", "--campaign", "cd-a"]) == ["cd-a", "cd-a"])
            let table = try await cli.run(["audit", "--since", "90m"])
            #expect(table.code == 0 && table.stdout.contains("Name of cd-b (cd-b)") && !table.stdout.contains("cd-old"), "\(table.all)")
            #expect(try await cli.run(["audit", "--since", "2 hours"]).code == 2)
            let none = try await cli.run(["audit", "--campaign", "cd-none"])
            #expect(none.code == 0 && none.stdout.contains("No audit entries"))
        }
    }

    @Test("a journal that cannot be written warns on stderr and the write is made")
    func unwritableJournal() async throws {
        try await withCLI { cli in
            let blocked = cli.home.appendingPathComponent("blocked")
            _ = FileManager.default.createFile(atPath: blocked.path, contents: Data("a file, not a directory".utf8))
            var cli = cli
            cli.extraEnvironment = ["XDG_STATE_HOME": blocked.path]
            let campaigns = try (Self.json(await cli.run(["campaign", "list", "--type", "sms", "-o", "json"])).arrayValue ?? [])
                .map { try Campaign(json: $0) }
            let target = try #require(campaigns.first { $0.status != .active })
            let deleted = try await cli.run(["campaign", "delete", target.id!, "--yes"])
            #expect(deleted.code == 0 && deleted.stdout.contains("Deleted"), "\(deleted.all)")
            #expect(deleted.stderr.contains("warning: snapshot of") && deleted.stderr.contains("warning: audit log not written"),
                    "\(deleted.stderr)")
            #expect(try await cli.run(["campaign", "get", target.id!]).code == 1, "the delete went through")
        }
    }
}
