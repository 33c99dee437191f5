import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// The form's model alone: what it builds, what it reports, what it keeps.
@Suite("Campaign form")
struct CampaignEditorTests {
    /// A voice preview campaign as the server would send it, with hand-written times.
    static func preview() -> Campaign {
        var campaign = Campaign(type: .voice, name: "Renewals", contactLists: ["VIP Concierge"])
        campaign.id = "cd-1"
        campaign.updatedAt = "2025-12-01T10:00:00.000Z"
        campaign.status = .ready
        campaign.priority = 2
        campaign.dialingMode = .preview
        campaign.queueName = "Retention Desk"
        campaign.maxSkips = 4
        var strategy = DialingStrategy(callerId: "+14155550123", dialingOrder: .fifo, maxAttemptsPerRecord: 3,
                                       defaultRetryPeriod: 60, maxRingTime: 30)
        strategy.callingHours = CallingHours(frequency: .weekly, timezone: "America/New_York", days: [
            CallingDay(day: "MO", start: "09:10 AM", end: "05:20 PM"),
            CallingDay(day: "TU", start: "9:00 AM", end: "6:00 PM"),
        ])
        campaign.dialingStrategy = strategy
        campaign.extras = JSONObject([("customerTag", .string("kept"))])
        return campaign
    }

    static func editor(_ campaign: Campaign = preview()) -> CampaignEditor {
        CampaignEditor(mode: .edit, base: campaign, variant: campaign.variant!, draftKey: "test-cd-1")
    }

    static func type(_ text: String, into editor: inout CampaignEditor) {
        for character in text { _ = editor.edit(.character(character)) }
    }

    @Test("an untouched form builds the campaign it was opened on, exactly")
    func untouched() {
        let editor = Self.editor()
        #expect(editor.campaign == Self.preview())
        #expect(!editor.isDirty)
        #expect(editor.issues.isEmpty)
    }

    @Test("changing one field changes only that field in what an update sends")
    func oneField() {
        var editor = Self.editor()
        editor.focus(on: .ringTime)
        _ = editor.edit(.control("u"))
        Self.type("45", into: &editor)
        #expect(editor.isDirty)
        let changes = CampaignDiff.changes(from: Self.preview(), to: editor.campaign)
        #expect(changes.map(\.path) == ["dialingStrategy.maxRingTime"])
        #expect(changes.first?.new == "45")
    }

    @Test("a day the grid did not touch keeps its times exactly as the server wrote them")
    func losslessDays() {
        var editor = Self.editor()
        editor.grid.move(days: 1, cells: 36)  // TU 6:00 PM
        editor.grid.toggle()
        editor.gridChanged()
        let days = editor.campaign.dialingStrategy!.callingHours!.days
        #expect(days.map { "\($0.day) \($0.start)–\($0.end)" } == ["MO 09:10 AM–05:20 PM", "TU 9:00 AM–6:15 PM"])
        let changes = CampaignDiff.changes(from: Self.preview(), to: editor.campaign)
        #expect(changes.map(\.path) == ["dialingStrategy.callingHours.days[1].end"])
    }

    @Test("number fields take digits only and report their range next to the field")
    func numbers() {
        var editor = Self.editor()
        editor.focus(on: .maxAttempts)
        _ = editor.edit(.control("u"))
        Self.type("2x00", into: &editor)
        #expect(editor.text(.maxAttempts) == "200")
        #expect(editor.focusedField?.rangeText == "1–100 per record")
        let owned = editor.issuesByField.byField
        #expect(owned[.maxAttempts]?.first?.message == "Max attempts per record must be between 1 and 100; it is 200.")
        #expect(owned.count == 1)
    }

    @Test("each problem shows beside its own field; the server's problems too, until the field changes")
    func issuesByField() {
        var editor = Self.editor()
        editor.focus(on: .callerId)
        _ = editor.edit(.control("u"))
        Self.type("555", into: &editor)
        editor.focus(on: .queue)
        _ = editor.edit(.control("u"))
        var owned = editor.issuesByField.byField
        #expect(owned[.callerId] == nil, "E.164 strictness is a warning, not a refusal")
        #expect(editor.warningsByField.byField[.callerId]?.first?.message.contains("E.164") == true)
        #expect(owned[.queue]?.first?.message.contains("agent queue") == true)
        editor.serverIssues = [ValidationIssue(path: "contactLists[0]", message: "There is no contact list named VIP Concierge.")]
        owned = editor.issuesByField.byField
        #expect(owned[.contactLists]?.map(\.message) == ["There is no contact list named VIP Concierge."])
        editor.setContactLists(["Survey Panel — NPS"])
        #expect(editor.issuesByField.byField[.contactLists] == nil)
    }

    @Test("every kind of new campaign, filled in, is valid and has its documented shape", arguments: CampaignVariant.allCases)
    func create(_ variant: CampaignVariant) {
        var editor = CampaignEditor.creating(variant, timezone: "Europe/London", draftKey: "new")
        #expect(!editor.issues.isEmpty)
        editor.focus(on: .name)
        Self.type("Spring 春 \(variant.rawValue)", into: &editor)
        editor.setContactLists(["VIP Concierge"])
        editor.focus(on: .callerId)
        Self.type("+442071234567", into: &editor)
        for field in editor.fields {
            switch field.id {
            case .message: editor.focus(on: .message); Self.type("Hello 👋", into: &editor)
            case .templateName: editor.focus(on: .templateName); Self.type("renewal_v2", into: &editor)
            case .experienceFlow: editor.focus(on: .experienceFlow); Self.type("SMS Support Flow", into: &editor)
            case .queue: editor.focus(on: .queue); Self.type("Default Queue", into: &editor)
            default: break
            }
        }
        #expect(editor.issues == [])
        let campaign = editor.campaign
        #expect(campaign.variant == variant)
        #expect(campaign.dialingStrategy?.callingHours?.days.count == 5)
        let body = CampaignRequestBody.body(for: campaign, operation: .create).objectValue!
        #expect(body["name"]?.stringValue == "Spring 春 \(variant.rawValue)")
        #expect(body["priority"]?.stringValue == "3")
        switch variant {
        case .smsSimple, .smsTemplate:
            #expect(campaign.message?.text == "Hello 👋")
            #expect(body["message"]?.objectValue?["message"]?.stringValue == Data("Hello 👋".utf8).base64EncodedString())
        case .voicePreview:
            #expect(body["maxSkips"]?.intValue == 3 && body["queue_name"]?.stringValue == "Default Queue")
        case .voiceAgentless:
            #expect(body["enableMachineDetect"]?.stringValue == "no")
        default: break
        }
    }

    @Test("switching the kind of a new campaign keeps what was typed")
    func switchKind() {
        var editor = CampaignEditor.creating(.smsSimple, timezone: "UTC", draftKey: "new")
        editor.focus(on: .name)
        Self.type("Keep me", into: &editor)
        editor.focus(on: .kind)
        editor.cycle(1)
        #expect(editor.variant == .smsTemplate)
        #expect(editor.fields.contains { $0.id == .templateName })
        #expect(editor.text(.name) == "Keep me")
        editor.set(.kind, to: CampaignVariant.voiceProgressive.rawValue)
        #expect(editor.fields.contains { $0.id == .queue } && !editor.fields.contains { $0.id == .message })
        #expect(editor.campaign.type == .voice)
    }

    @Test("a draft written to disk restores the same form, and unreadable drafts are reported, not lost")
    func drafts() throws {
        var editor = Self.editor()
        editor.focus(on: .name)
        _ = editor.edit(.control("u"))
        Self.type("Renewals 2026 春", into: &editor)
        editor.grid.apply(.everyDayEightToNine)
        let draft = CampaignDraft(key: editor.draftKey, profile: "demo", mode: .edit, variant: editor.variant,
                                  savedAt: Date(timeIntervalSince1970: 1_764_775_800), base: editor.base, working: editor.campaign)
        let store = temporaryDrafts()
        try store.save(draft)
        try Data("{not json".utf8).write(to: store.directory.appendingPathComponent("broken.json"))
        let loaded = store.load(profile: "demo")
        #expect(loaded.drafts == [draft])
        #expect(loaded.problems.count == 1 && loaded.problems[0].contains("broken.json"))
        #expect(store.load(profile: "other").drafts.isEmpty)
        let restored = loaded.drafts[0].editor
        #expect(restored.text(.name) == "Renewals 2026 春")
        #expect(restored.campaign == editor.campaign)
        #expect(restored.isDirty)
        #expect(restored.base == Self.preview())
        let attributes = try FileManager.default.attributesOfItem(atPath: store.directory.appendingPathComponent("test-cd-1.json").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        store.remove(key: draft.key)
        #expect(store.load(profile: "demo").drafts.isEmpty)
    }

    @Test("drafts live in the XDG state directory")
    func draftDirectory() {
        #expect(DraftStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]).path
                == "/x/state/switchboard/drafts")
        #expect(DraftStore.defaultDirectory(environment: ["HOME": "/home/a"]).path == "/home/a/.local/state/switchboard/drafts")
    }
}
