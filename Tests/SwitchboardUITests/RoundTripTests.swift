import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Issue 11 §1, acceptance: every campaign the docs' samples return, and every campaign the
/// sandbox seeds, opens in the form, takes a new description, and saves with every other value
/// exactly as the server gave it (message string, days, priority as a string).
@Suite("Round trip: what the server returns saves back unchanged", .serialized)
struct RoundTripTests {
    static let newDescription = "Edited by the round trip — 春 ✓"

    /// Every campaign object in the docs' sample responses (copied under CampaignModelTests),
    /// as raw JSON with the file it came from.
    static func sampleCampaigns() throws -> [(name: String, raw: JSONValue)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CampaignModelTests/Fixtures/responses")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var campaigns: [(String, JSONValue)] = []
        for file in files {
            let skip = ["start-", "stop-", "contact-list", "contact-details", "schedule", "status"]
            guard file.contains("campaign"), !skip.contains(where: file.contains) else { continue }
            let json = try JSONValue.parse(Data(contentsOf: folder.appendingPathComponent(file)))
            guard let data = json["data"] else { continue }
            if let results = data["results"]?.arrayValue {
                campaigns += results.enumerated().map { ("\(file) results[\($0.offset)]", $0.element) }
            } else if data.objectValue != nil {
                campaigns.append((file, data))
            }
        }
        return campaigns
    }

    /// Opens `campaign` in the form, replaces the description by typing, and checks the body an
    /// update would send against the server's own JSON (`raw`, when known).
    static func editDescription(_ campaign: Campaign, raw: JSONValue?, label: String) -> CampaignEditor? {
        guard let variant = campaign.variant else {
            Issue.record("\(label): no variant")
            return nil
        }
        var editor = CampaignEditor(mode: .edit, base: campaign, variant: variant, draftKey: "round-trip")
        editor.focus(on: .description)
        _ = editor.edit(.control("u"))
        for character in newDescription { _ = editor.edit(.character(character)) }
        #expect(editor.issues.isEmpty, "\(label): the save is refused: \(editor.issues)")
        #expect(CampaignDiff.changes(from: campaign, to: editor.campaign).map(\.path) == ["description"], "\(label)")

        let sent = CampaignRequestBody.body(for: editor.campaign, operation: .update)
        let original = CampaignRequestBody.body(for: campaign, operation: .update)
        let keys = Set((sent.objectValue?.keys ?? []) + (original.objectValue?.keys ?? [])).subtracting(["description"])
        for key in keys.sorted() {
            #expect(sent[key] == original[key], "\(label): \(key) changed: \(String(describing: original[key])) → \(String(describing: sent[key]))")
        }
        #expect(sent["description"]?.stringValue == newDescription)
        guard let raw else { return editor }
        if let message = raw["message"]?["message"] {
            #expect(sent["message"]?["message"] == message, "\(label): the message string must go back byte for byte")
        }
        if let days = raw["dialingStrategy"]?["callingHours"]?["days"] {
            #expect(sent["dialingStrategy"]?["callingHours"]?["days"] == days, "\(label): days verbatim")
        }
        if let priority = raw["priority"] {
            let text: String = priority.stringValue ?? priority.intValue.map { String($0) } ?? "?"
            #expect(sent["priority"] == JSONValue.string(text), "\(label): priority as a string")
        }
        return editor
    }

    @Test("every campaign in the docs' sample responses: change the description, the rest goes back as it came")
    func docsSamples() throws {
        let samples = try Self.sampleCampaigns()
        #expect(samples.count >= 30, "\(samples.count) sample campaigns")
        #expect(samples.contains { $0.raw["message"]?["message"]?.stringValue?.hasSuffix("%3D%3D") == true })
        for (label, raw) in samples {
            let campaign = try Campaign(json: raw)
            _ = Self.editDescription(campaign, raw: raw, label: label)
        }
    }

    @Test("every seeded sandbox campaign: edit the description, save, and the server holds the same other values")
    func sandboxSeeds() async throws {
        try await withApp(seed: 60) { app in
            var summaries = try await app.client.listAll(CampaignListRequest(type: .sms))
            summaries += try await app.client.listAll(CampaignListRequest(type: .voice))
            #expect(summaries.count == 60)
            var splitWeekly = 0, urlPadded = 0
            for summary in summaries {
                let id = try #require(summary.id)
                var before = try await app.client.get(id)
                if before.status == .active, let type = before.type {
                    _ = try await app.client.stop(id, type: type)  // the sandbox locks running campaigns
                    before = try await app.client.get(id)
                }
                let hours = before.dialingStrategy?.callingHours
                if hours?.frequency == .weekly, let days = hours?.days, Set(days.map(\.day)).count < days.count { splitWeekly += 1 }
                if before.message?.encoded.hasSuffix("%3D") == true { urlPadded += 1 }
                guard let editor = Self.editDescription(before, raw: before.resourceJSON, label: before.name) else { continue }
                _ = try await app.client.update(editor.campaign)
                let after = try await app.client.get(id)
                #expect(CampaignDiff.changes(from: before, to: after).map(\.path) == ["description"], "\(before.name)")
                #expect(after.message?.encoded == before.message?.encoded, "\(before.name): message")
                #expect(after.dialingStrategy?.callingHours?.days == hours?.days, "\(before.name): days")
                #expect(after.description == Self.newDescription)
            }
            #expect(splitWeekly >= 2, "the seed holds split-window WEEKLY campaigns")
            #expect(urlPadded >= 2, "the seed holds messages with %3D padding")
        }
    }

    @Test("through the keys: a split-window WEEKLY campaign and a %3D%3D message each save after a description change")
    func throughTheKeys() async throws {
        try await withApp(seed: 60) { app in
            try await app.start()
            var split: Campaign?
            var padded: Campaign?
            for row in app.state.list.rows where split == nil || padded == nil {
                let campaign = try await app.client.get(row.id)
                guard campaign.status != .active else { continue }
                let days = campaign.dialingStrategy?.callingHours?.days ?? []
                if split == nil, campaign.dialingStrategy?.callingHours?.frequency == .weekly,
                   Set(days.map(\.day)).count < days.count {
                    split = campaign
                }
                if padded == nil, campaign.message?.encoded.hasSuffix("%3D") == true, campaign.variant == .smsSimple {
                    padded = campaign
                }
            }
            let splitCampaign = try #require(split, "the seed of 60 holds a split-window WEEKLY campaign")
            let paddedCampaign = try #require(padded, "the seed of 60 holds a simple SMS with %3D padding")
            try await Self.saveDescription(of: splitCampaign, app) {
                #expect(app.screen.contains("⚠ ") && !app.screen.contains("one window per day"), "\(app.screen)")
            }
            try await Self.saveDescription(of: paddedCampaign, app) {
                let shown = app.state.editor?.text(.message)
                #expect(shown == paddedCampaign.message?.text && shown?.isEmpty == false, "the message shows decoded")
                #expect(!app.screen.contains("not valid base64"), "\(app.screen)")
            }
        }
    }

    /// e on `campaign`, `check` the open form, a new description, Ctrl-S, Enter: the server then
    /// holds the new description and every other value as before.
    static func saveDescription(of before: Campaign, _ app: UIHarness, check: () -> Void) async throws {
        let id = try #require(before.id)
        try await app.press(.character("/"), .control("u"))  // a filter left by an earlier save goes
        try await app.type(before.name)
        try await app.press(.enter, .character("e"))
        #expect(app.state.editor?.base.id == id)
        check()
        guard let changes = try await app.reviewDescription("Saved as the server holds it") else { return }
        #expect(changes.map(\.path) == ["description"])
        try await app.press(.enter)
        #expect(app.state.editor == nil, "\(app.screen)")
        let after = try await app.client.get(id)
        #expect(CampaignDiff.changes(from: before, to: after).map(\.path) == ["description"])
        #expect(after.message?.encoded == before.message?.encoded)
        #expect(after.dialingStrategy?.callingHours?.days == before.dialingStrategy?.callingHours?.days)
    }
}

extension JSONValue {
    /// A member of an object, nil for anything else.
    fileprivate subscript(key: String) -> JSONValue? { objectValue?[key] }
}
