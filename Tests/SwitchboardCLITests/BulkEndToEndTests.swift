import CampaignModel
import Foundation
import Testing

/// Issue 15's bulk actions in a real terminal against the sandbox; the server is checked
/// afterwards through the CLI.
@Suite("Bulk actions end to end", .serialized)
struct BulkEndToEndTests {
    static func ui(_ cli: CLI) throws -> TmuxSession {
        var environment = cli.environment
        environment["COLUMNS"] = nil
        environment["TERM"] = "xterm-256color"
        return try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) ui --refresh 0", width: 140, height: 40,
                               environment: environment)
    }

    @Test("bulk stop: every Active campaign marked with * through a filter, one confirmation, each stopped on the server")
    func bulkStop() async throws {
        try await withCLI(seed: 30) { cli in
            let campaigns = try await BulkCLITests.listed(cli)
            let active = campaigns.filter { BulkCLITests.field($0, "status") == "Active" }
            #expect(active.count >= 2)
            let activeVoice = active.contains { BulkCLITests.field($0, "campaignType").lowercased() == "voice" }
            let tmux = try Self.ui(cli)
            defer { tmux.close() }
            try await tmux.appears("\(campaigns.count) campaigns (")
            try tmux.send("/")
            try tmux.send("status:active", literal: true)
            try tmux.send("Enter")
            try await tmux.appears("row 1/\(active.count)")
            try tmux.send("*")
            try await tmux.appears("\(active.count) marked")
            try tmux.send("Escape")
            try await tmux.appears("row 1/\(campaigns.count)", "\(active.count) marked")
            try tmux.send("x")
            try await tmux.appears("Stop \(active.count) marked campaigns", "Stop these \(active.count) campaigns?", "[ Cancel ]")
            if activeVoice {
                try await tmux.appears("Stopping a voice campaign resets the campaign's data")
                try tmux.send("\(active.count)", literal: true)
            }
            try tmux.send("Tab")
            try tmux.send("Enter")
            try await tmux.appears("stopped \(active.count) of \(active.count)")
            try await tmux.disappears("marked ·", " marked")
            let after = try await BulkCLITests.listed(cli)
            let ids = Set(active.map { BulkCLITests.field($0, "_id") })
            #expect(after.filter { ids.contains(BulkCLITests.field($0, "_id")) }.allSatisfy { BulkCLITests.field($0, "status") == "Stopped" })
            #expect(tmux.isRunning)
        }
    }

    /// A campaign's calling hours as `campaign get -o json` shows them: (timezone, "MO 8:00 AM–9:00 PM" per entry).
    static func hours(_ cli: CLI, _ id: String) async throws -> (zone: String?, days: [String]) {
        let shown = try JSONValue.parse(Data(try await cli.run(["campaign", "get", id, "-o", "json"]).stdout.utf8))
        let hours = shown.objectValue?["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue
        let days = hours?["days"]?.arrayValue?.compactMap(\.objectValue).map {
            "\(BulkCLITests.field($0, "day")) \(BulkCLITests.field($0, "start"))–\(BulkCLITests.field($0, "end"))"
        } ?? []
        return (hours?["timezone"]?.stringValue, days)
    }

    @Test("bulk calling hours: two campaigns marked, H opens the grid once, a preset, Ctrl-S reviews both, each saved with its own timezone")
    func bulkCallingHours() async throws {
        try await withCLI(seed: 30) { cli in
            let everyDay = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].map { "\($0) 8:00 AM–9:00 PM" }
            var chosen: [(id: String, name: String, zone: String?)] = []
            for campaign in try await BulkCLITests.listed(cli) where chosen.count < 2 {
                guard BulkCLITests.field(campaign, "campaignType").lowercased() == "voice",
                      !["Active", "Paused"].contains(BulkCLITests.field(campaign, "status")) else { continue }
                let id = BulkCLITests.field(campaign, "_id")
                let hours = try await Self.hours(cli, id)
                if hours.days != everyDay { chosen.append((id, BulkCLITests.field(campaign, "name"), hours.zone)) }
            }
            #expect(chosen.count == 2)
            let tmux = try Self.ui(cli)
            defer { tmux.close() }
            try await tmux.appears("campaigns (")
            for (index, campaign) in chosen.enumerated() {
                try tmux.send("/")
                try tmux.send(campaign.name, literal: true)
                try tmux.send("Enter")
                try await tmux.appears("row 1/1")
                try tmux.send("Space")
                try await tmux.appears("\(index + 1) marked")
                try tmux.send("Escape")
                try await tmux.disappears("row 1/1")
            }
            try tmux.send("H")
            try await tmux.appears("calling hours for 2 marked campaigns: edit")
            try tmux.send("2")
            try tmux.send("C-s")
            let asked = try await tmux.shows("the review, or the choice between local times and moments") { screen in
                screen.contains("Bulk edit — review") || screen.contains("[ Same moments ]")
            }
            if asked.contains("[ Same moments ]") {
                // The two campaigns' timezones differ: the same local times in each.
                try tmux.send("Tab")
                try tmux.send("Enter")
            }
            try await tmux.appears("Bulk edit — review", "2 of 2 campaigns change", "Each campaign keeps its own timezone", chosen[0].name, chosen[1].name)
            try tmux.send("Tab")
            try tmux.send("Enter")
            try await tmux.appears("saved 2 of 2")
            for campaign in chosen {
                let hours = try await Self.hours(cli, campaign.id)
                #expect(hours.days == everyDay)
                #expect(hours.zone == campaign.zone, "the campaign keeps its own timezone")
            }
            #expect(tmux.isRunning)
        }
    }
}
