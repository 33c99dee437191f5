import Foundation
import Testing
@testable import CampaignModel

/// Issue 11 §1: what the server returns must save back unchanged. Only documented rules block,
/// only on fields that changed; messages and days go back byte for byte.
@Suite("The server is the authority")
struct ServerAuthorityTests {
    /// The shape the issue reports: WEEKLY with two windows on Monday, as the server holds it.
    static var splitWeekly: Campaign {
        var campaign = Valid.voice
        campaign.id = "cd-split"
        campaign.dialingStrategy?.callingHours?.days = [
            CallingDay(day: "MO", start: "9:00 AM", end: "12:30 PM"),
            CallingDay(day: "MO", start: "2:00 PM", end: "6:00 PM"),
            CallingDay(day: "TU", start: "9:00 AM", end: "6:00 PM"),
        ]
        return campaign
    }

    /// The simple SMS message of get-all-sms-campaigns.md: base64 with URL-encoded padding.
    static let platformMessage = "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%3D%3D"

    @Test("split windows on WEEKLY are a warning, never a refusal")
    func splitWeeklyWarns() throws {
        let issues = CampaignValidator.validate(Self.splitWeekly)
        #expect(issues.map(\.path) == ["dialingStrategy.callingHours.days"])
        #expect(issues.allSatisfy { $0.severity == .warning })
        #expect(!issues.contains { $0.message.contains("allows one window") })
        try CampaignValidator.check(Self.splitWeekly)
        #expect(CampaignValidator.review(Self.splitWeekly, comparedTo: nil).canSave)
    }

    @Test("a message with URL-encoded padding decodes for display and stays as the server wrote it")
    func percentEncodedMessage() throws {
        let message = SMSMessage(encoded: Self.platformMessage)
        #expect(message.text == "Message for your targeted customer")
        #expect(message.encoded == Self.platformMessage, "reading never rewrites the string")
        #expect(SMSMessage(encoded: "SGVsbG8sIGhvdyBtYXkgSSBhc3Npc3QgeW91Pw%3D%3D").text == "Hello, how may I assist you?")
        #expect(SMSMessage(encoded: "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%xxxxx").text == nil, "masked stays unreadable")

        var campaign = Valid.sms
        campaign.message = message
        #expect(CampaignValidator.validate(campaign).isEmpty, "\(CampaignValidator.validate(campaign))")
        let body = CampaignRequestBody.body(for: campaign, operation: .update)
        #expect(body.objectValue?["message"]?.objectValue?["message"]?.stringValue == Self.platformMessage)
    }

    @Test("every list sample's readable message decodes; none is refused for its padding")
    func fixtureMessagesDecode() throws {
        let page = try CampaignPage(json: #require(Fixtures.response("get-all-sms-campaigns").data))
        let encoded = page.results.compactMap(\.message).filter { $0.encoded.hasSuffix("%3D%3D") }
        #expect(encoded.count == 6)
        #expect(encoded.allSatisfy { $0.text?.isEmpty == false })
    }

    @Test("an update sends the days exactly as held; a create writes them canonically")
    func daysVerbatimOnUpdate() throws {
        var campaign = Valid.voice
        campaign.dialingStrategy?.callingHours?.days = [CallingDay(day: "MO", start: "09:10 AM", end: "05:20 PM")]
        func days(_ operation: CampaignRequestBody.Operation) -> JSONValue? {
            CampaignRequestBody.body(for: campaign, operation: operation)
                .objectValue?["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue?["days"]
        }
        #expect(days(.update) == [["day": "MO", "start": "09:10 AM", "end": "05:20 PM"]])
        #expect(days(.create) == [["day": "MO", "start": "9:10 AM", "end": "5:20 PM"]])
    }

    @Test("a field the user did not change never blocks, whatever it holds")
    func untouchedNeverBlocks() {
        var server = Valid.voice
        server.dialingStrategy?.maxRingTime = 500            // out of the documented range
        server.dialingStrategy?.callerId = "+148465xxxxx"    // masked
        var edited = server
        edited.description = "Only the description changed."
        let report = CampaignValidator.review(edited, comparedTo: server)
        #expect(report.blocking.isEmpty, "\(report.blocking)")
        #expect(report.warnings.map(\.path) == ["dialingStrategy.callerId.phoneNumber", "dialingStrategy.maxRingTime"])
        #expect(report.warnings.allSatisfy { $0.severity == .warning })

        // The same value typed by the user does block.
        var typed = Valid.voice
        typed.dialingStrategy?.maxRingTime = 500
        #expect(CampaignValidator.review(typed, comparedTo: Valid.voice).blocking.map(\.path) == ["dialingStrategy.maxRingTime"])
        // A new campaign has no server version: every documented rule blocks.
        #expect(CampaignValidator.review(server, comparedTo: nil).blocking.map(\.path) == ["dialingStrategy.maxRingTime"])
    }

    @Test("a change of kind re-checks every field, since it changes which are needed")
    func kindChangeRechecks() {
        var agentless = Valid.voice
        agentless.dialingMode = .agentless
        agentless.queueName = nil
        let report = CampaignValidator.review(agentless, comparedTo: Valid.voice)
        #expect(report.blocking.map(\.path) == ["experienceFlowName"])
    }

    @Test("paths touch when one lies under the other")
    func pathsTouch() {
        let issues = [ValidationIssue(path: "contactLists", message: "Choose at least one contact list."),
                      ValidationIssue(path: "dialingStrategy.callingHours.days[1].end", message: "The window must end after it starts.")]
        let byArray = CampaignValidator.review(issues, changedPaths: ["contactLists[0]", "dialingStrategy.callingHours.days"])
        #expect(byArray.blocking == issues)
        let elsewhere = CampaignValidator.review(issues, changedPaths: ["description"])
        #expect(elsewhere.blocking.isEmpty && elsewhere.warnings.count == 2)
    }
}
