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
}
