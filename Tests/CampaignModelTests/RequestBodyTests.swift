import Foundation
import Testing
@testable import CampaignModel

@Suite("Request bodies are written exactly as the docs show them")
struct RequestBodyTests {
    static let campaignRequests = Fixtures.names("requests").filter { $0.contains("campaign") && !$0.hasPrefix("get-all") && !$0.contains("schedule") }

    @Test("a documented request body is reproduced key for key, in order", arguments: campaignRequests)
    func reproducesDocumentedBody(_ name: String) throws {
        let documented = try Fixtures.json("requests", name)
        let campaign = try Campaign(json: documented)
        let operation: CampaignRequestBody.Operation = name.contains("update") ? .update : .create
        let written = CampaignRequestBody.body(for: campaign, operation: operation)
        #expect(written.serialized() == documented.serialized())
    }

    @Test("requests are built from responses: server-only fields are left out")
    func responseToUpdateBody() throws {
        let campaign = try Fixtures.campaignResponse("get-voice-campaign-by-id-v2")
        let body = try #require(CampaignRequestBody.body(for: campaign, operation: .update).objectValue)
        for key in ["_id", "id", "lname", "status", "createdAt", "updatedAt", "experienceFlow", "isFiltersEnabled"] {
            #expect(body[key] == nil, "\(key) must not be sent")
        }
        #expect(body["priority"] == "5")
        #expect(body["dncLists"] == ["name": "DNC CL Dec 4"])
        #expect(body["dialingStrategy"]?.objectValue?["useSystemMappings"] == nil)
        #expect(body["enableMachineDetect"] == nil, "the sample response has none")
        #expect(body["experienceFlowName"] == nil, "responses give the flow's id, not its name")
        #expect(body["campaignType"] == "voice")
    }

    @Test("priority is written as a string whatever it was read as")
    func priorityAsString() throws {
        var campaign = try Fixtures.request("create-voice-campaign-preview-v2")
        campaign.priority = 3
        let body = CampaignRequestBody.body(for: campaign, operation: .create).objectValue
        #expect(body?["priority"] == .string("3"))
    }

    @Test("times are written canonically, tolerated forms are read")
    func canonicalTimes() throws {
        var campaign = try Fixtures.request("create-voice-campaign-progressive-v2")
        campaign.dialingStrategy?.callingHours?.days = [CallingDay(day: "mo", start: "09:05 am", end: "6:00PM")]
        let body = CampaignRequestBody.body(for: campaign, operation: .create)
        let day = body.objectValue?["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue?["days"]?.arrayValue?.first
        #expect(day == ["day": "MO", "start": "9:05 AM", "end": "6:00 PM"])
    }

    @Test("the SMS message is base64 on the wire and plain text in the model")
    func smsMessageEncoding() throws {
        var campaign = try Fixtures.request("create-sms-campaign-without-template-v2")
        campaign.message = SMSMessage(text: "Your table for 2 is ready — reply YES ✅")
        let body = CampaignRequestBody.body(for: campaign, operation: .create)
        let encoded = try #require(body.objectValue?["message"]?.objectValue?["message"]?.stringValue)
        #expect(String(data: Data(base64Encoded: encoded)!, encoding: .utf8) == "Your table for 2 is ready — reply YES ✅")
        let reread = try Campaign(json: body)
        #expect(reread.message?.text == "Your table for 2 is ready — reply YES ✅")
    }

    @Test("SMS requests never carry voice-only strategy fields")
    func smsHasNoVoiceFields() throws {
        var campaign = try Fixtures.request("seed-create-sms-campaign-advanced")
        campaign.dialingStrategy?.maxRingTime = 30
        let strategy = CampaignRequestBody.body(for: campaign, operation: .create).objectValue?["dialingStrategy"]?.objectValue
        #expect(strategy?["maxRingTime"] == nil)
        #expect(strategy?.keys == ["callerId", "callingHours"])
    }

    @Test("the list request reads paging given as \"\" and writes the documented shape")
    func listRequest() throws {
        let request = try CampaignListRequest(json: [
            "limit": "", "skip": "20", "page": 2, "type": "voice",
            "sortBy": ["name": "asc"], "filters": ["priority": ["5", 4], "status": ["Ready"]],
        ])
        #expect(request.limit == nil && request.skip == 20 && request.page == 2)
        #expect(request.priorities == [5, 4])
        #expect(request.sortBy.first?.field == .name)
        let bad = #expect(throws: ValidationFailure.self) {
            try CampaignListRequest(json: ["type": "fax", "skip": -1, "sortBy": ["colour": "asc"], "startDate": "yesterday"])
        }
        #expect(Set(bad?.issues.map(\.path) ?? []) == ["type", "skip", "sortBy.colour", "startDate"])
        let written = CampaignListRequest(limit: 50, skip: 0, page: 1, type: .sms, statuses: [.ready, .stopped], priorities: [5])
        #expect(written.json.serialized() == #"{"limit":50,"skip":0,"page":1,"type":"sms","sortBy":{"createdAt":"desc"},"filters":{"status":["Ready","Stopped"],"priority":[5]}}"#)
    }

    @Test("the recurring schedule body round-trips and rejects bad input with paths")
    func recurringSchedule() throws {
        let weekly = RecurringSchedule(startDateTime: "2026-01-27 18:29:00", endDateTime: "2026-02-27 18:29:00",
                                       recurrence: .weekly(everyNWeeks: 2, days: [.monday, .friday]))
        #expect(try RecurringSchedule(json: weekly.json) == weekly)
        let failure = #expect(throws: ValidationFailure.self) {
            try RecurringSchedule(json: ["startDateTime": "2026-02-30 10:00:00", "endDateTime": "2026-01-01 10:00:00",
                                         "recurrenceObject": ["recurType": "Weekly", "weeklyDetails": ["onceEveryNweeks": 0, "whichDays": ["Funday"]]]])
        }
        #expect(Set(failure?.issues.map(\.path) ?? []) == [
            "startDateTime", "recurrenceObject.weeklyDetails.onceEveryNweeks", "recurrenceObject.weeklyDetails.whichDays",
        ])
    }
}
