import Foundation
import Testing
@testable import CampaignModel

@Suite("Every documented sample decodes")
struct FixtureDecodingTests {
    @Test("all sample responses are present")
    func allResponsesPresent() {
        #expect(Fixtures.names("responses").count == 37)
        #expect(Fixtures.names("requests").count == 21)
    }

    @Test("each sample response decodes", arguments: Fixtures.names("responses"))
    func response(_ name: String) throws {
        let envelope = try Fixtures.response(name)
        let expectedType: CampaignType? = name.contains("voice") ? .voice : (name.contains("sms") ? .sms : nil)
        switch name {
        case _ where name.hasPrefix("start-") || name.hasPrefix("stop-"):
            let result = try TriggerResult(json: Fixtures.json("responses", name))
            #expect(result.status == (name.hasPrefix("start-") ? .active : .stopped))
            #expect(result.updatedAt.flatMap(ISOTimestamp.parse) != nil)
        case _ where name.contains("schedule"):
            #expect(envelope.status == "success")
            #expect(envelope.id?.hasPrefix("cd-") == true)
        case "get-campaign-status-v2":
            let info = try CampaignStatusInfo(json: #require(envelope.data))
            #expect(info.status == .ready)
            #expect(info.id.hasPrefix("cd-"))
        case "get-all-contact-details-voice-campaigns-v2":
            let page = try CampaignContactsPage(json: #require(envelope.data))
            #expect(page.results.count == 3)
            #expect(page.totalResults == 4, "the sample's own count, kept as sent")
            #expect(page.results.map(\.outcome) == [.inProgress, .connected, .connected])
        case "get-all-contacts-of-a-contactlist-v2":
            let page = try ContactListContactsPage(json: #require(envelope.data))
            #expect(page.results.count == 3 && page.hasMore == false && page.skip == 0 && page.limit == 50)
            #expect(page.results.allSatisfy { $0.id?.hasPrefix("cc-") == true && $0.createdAt != nil })
        case "update-contact-list-v2":
            let reply = try ContactListUpdateReply(json: #require(envelope.data))
            #expect(reply.contactListId?.hasPrefix("cl-") == true)
            #expect(reply.body["name"] == "Renewal Due - May/June 2025")
        case "delete-contact-list-details-v2":
            let list = try ContactList(json: #require(envelope.data))
            #expect(list.id?.hasPrefix("cl-") == true && list.isListInUse == false && list.allowDuplicates == true)
            #expect(list.extras["campaignInUse"] == [])
        case "add-contacts-to-contact-list":
            #expect(envelope.status == nil)
            #expect(envelope.message == "Adding contacts to public list is in progress")
        case "get-all-contact-lists-v2":
            let lists = try #require(envelope.data?.arrayValue).map { try ContactList(json: $0) }
            #expect(lists.count == 6)
            #expect(lists.allSatisfy { $0.id?.hasPrefix("cl-") == true && !$0.name.isEmpty })
        case "create-contact-list-v2", "get-contact-list-details-v2":
            let list = try ContactList(json: #require(envelope.data))
            #expect(list.id?.hasPrefix("cl-") == true)
            #expect(list.listType == "call")
            #expect(list.extras["mapping"]?.objectValue?["phoneNumber"] == "phoneNumber")
        case _ where name.hasPrefix("get-all-"):
            let page = try CampaignPage(json: #require(envelope.data))
            #expect(!page.results.isEmpty)
            #expect(page.totalResults.map { $0 >= page.results.count } == true)
            #expect(page.results.allSatisfy { $0.type == expectedType && $0.id?.hasPrefix("cd-") == true })
        default:
            let campaign = try envelope.campaign()
            #expect(campaign.type == expectedType)
            #expect(campaign.id?.hasPrefix("cd-") == true)
            #expect(campaign.priority == 5)
            #expect(!campaign.name.isEmpty && campaign.lname == campaign.name.lowercased())
            #expect(campaign.dialingStrategy?.callingHours?.timezone == "Asia/Kolkata")
            #expect(campaign.dialingStrategy?.callingHours?.days.count == 5)
            #expect(campaign.variant != nil)
        }
    }

    @Test("each sample request decodes", arguments: Fixtures.names("requests"))
    func request(_ name: String) throws {
        let json = try Fixtures.json("requests", name)
        switch name {
        case "create-contact-list-v2":
            #expect(json.objectValue?["source"] == "passiveApi")
        case "get-all-contact-details-voice-campaigns-v2":
            let request = CampaignContactsRequest(json: json)
            #expect(request == CampaignContactsRequest(page: 1, limit: 100) && request.problem == nil)
            #expect(request.json == json)
        case "update-contact-list-v2":
            let update = ContactListUpdate(json: json)
            #expect(update.name == "Renewal Due - May/June 2025" && update.description == nil && update.problems.isEmpty)
            #expect(update.json == json)
        case "add-contacts-to-contact-list":
            let request = try AddContactsRequest(json: json)
            #expect(request.contactListName == "Renewal Due - July 2025" && request.phoneNumbers == ["9122333445566"])
            #expect(request.json == json)
        case _ where name.hasPrefix("enable-"):
            let schedule = try RecurringSchedule(json: json)
            #expect(schedule.json == json)
        case _ where name.hasPrefix("get-all-"):
            let request = try CampaignListRequest(json: json)
            #expect(request.type == (name.contains("voice") ? .voice : .sms))
            #expect(request.json == json)
        default:
            let campaign = try Campaign(json: json)
            #expect(campaign.type == (name.contains("voice") ? .voice : .sms))
            #expect(campaign.extras.isEmpty, "unexpected unknown fields: \(campaign.extras.keys)")
        }
    }

    @Test("responses carry the documented details")
    func details() throws {
        let template = try Fixtures.campaignResponse("create-sms-campaign-using-template-v2")
        #expect(template.variant == .smsTemplate)
        #expect(template.message?.templateName == "Welcome")
        #expect(template.message?.templateId?.hasPrefix("cmt-") == true)

        let simple = try Fixtures.campaignResponse("create-sms-campaign-without-template-v2")
        #expect(simple.variant == .smsSimple)
        #expect(simple.message?.text == nil, "the sample's base64 is masked")
        #expect(simple.message?.encoded.hasPrefix("TWVzc2FnZSBmb3Ig") == true)

        let agentless = try Fixtures.campaignResponse("create-voice-campaign-agentless-v2")
        #expect(agentless.id == "cd-9e14b72-88cc-4544-9a98-7aee9b7xxxxx", "read from `id`, not `_id`")
        #expect(agentless.machineDetection == .off, "boolean false in responses")
        #expect(agentless.status == .preparing)
        #expect(agentless.dncList == DNCListRef(id: "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", name: "DNC CL Dec 4"))
        #expect(agentless.dialingStrategy?.useSystemMappings == false)
        #expect(agentless.dialingStrategy?.maxRingTime == 30)

        let preview = try Fixtures.campaignResponse("create-voice-campaign-preview-v2")
        #expect(preview.variant == .voicePreview)
        #expect(preview.maxSkips == 1)

        let voicePage = try CampaignPage(json: #require(Fixtures.response("get-all-voice-campaigns").data))
        #expect(voicePage.hasMore == true && voicePage.totalPages == 2 && voicePage.totalResults == 15)
        #expect(voicePage.results.first?.effectiveQueue == "Default Queue")

        let smsPage = try CampaignPage(json: #require(Fixtures.response("get-all-campaigns-v2-sms").data))
        #expect(smsPage.results.count == 7)
        #expect(smsPage.results[0].serverFields["totalMessagesSent"] == 0)

        let v1Delete = try Fixtures.campaignResponse("seed-delete-sms-campaign-v1")
        #expect(v1Delete.format == .advanced)
        #expect(v1Delete.dialingStrategy?.callerId == "+91987654321")
    }
}
