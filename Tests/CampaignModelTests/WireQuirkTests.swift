import Foundation
import Testing
@testable import CampaignModel

@Suite("Reading is tolerant of the documented quirks; nothing is lost")
struct WireQuirkTests {
    static let minimal: JSONValue = ["_id": "cd-1", "name": "Quirks", "dialingMode": "Preview"]

    func decode(_ pairs: [(String, JSONValue)]) throws -> Campaign {
        var object = Self.minimal.objectValue!
        for (key, value) in pairs { object[key] = value }
        return try Campaign(json: .object(object))
    }

    @Test("priority as \"5\" or 5")
    func priority() throws {
        #expect(try decode([("priority", "5")]).priority == 5)
        #expect(try decode([("priority", 5)]).priority == 5)
        let odd = try decode([("priority", "high")])
        #expect(odd.priority == nil)
        #expect(odd.extras["priority"] == "high", "an unreadable value is kept, not dropped")
        #expect(odd.resourceJSON.objectValue?["priority"] == "high")
    }

    @Test("_id or id")
    func identifiers() throws {
        #expect(try Campaign(json: ["_id": "cd-a", "name": "x"]).id == "cd-a")
        #expect(try Campaign(json: ["id": "cd-b", "name": "x"]).id == "cd-b")
    }

    @Test("enableMachineDetect as a string or a boolean")
    func machineDetect() throws {
        #expect(try decode([("enableMachineDetect", "no")]).machineDetection == .off)
        #expect(try decode([("enableMachineDetect", "disconnect")]).machineDetection == .disconnect)
        #expect(try decode([("enableMachineDetect", false)]).machineDetection == .off)
        let on = try decode([("enableMachineDetect", true)])
        #expect(on.machineDetection == .enabled)
        #expect(on.machineDetection?.requestValue == "detect")
    }

    @Test("dncLists with or without id")
    func dncLists() throws {
        #expect(try decode([("dncLists", ["name": "DNC"])]).dncList == DNCListRef(name: "DNC"))
        #expect(try decode([("dncLists", ["id": "cl-1", "name": "DNC"])]).dncList == DNCListRef(id: "cl-1", name: "DNC"))
    }

    @Test("paging numbers given as \"\"")
    func pagingStrings() throws {
        let page = try CampaignPage(json: ["results": [], "skip": "", "limit": "", "hasMore": false, "totalPages": "", "totalResults": "0"])
        #expect(page.skip == nil && page.limit == nil && page.totalPages == nil)
        #expect(page.totalResults == 0)
        #expect(throws: WireFormatError.self) { try CampaignPage(json: ["skip": 0]) }
    }

    @Test("missing optional blocks")
    func missingBlocks() throws {
        let bare = try Campaign(json: ["name": "Bare"])
        #expect(bare.dialingStrategy == nil && bare.schedule == nil && bare.dncList == nil && bare.contactLists.isEmpty)
        #expect(bare.type == nil)
        #expect(try Campaign(json: ["name": "S", "format": "simple"]).type == .sms, "type inferred from format")
        #expect(try Campaign(json: ["name": "V", "connection": "Q"]).type == .voice, "type inferred from connection")
        #expect(throws: WireFormatError.self) { try Campaign(json: ["not", "an", "object"]) }
    }

    @Test("an unknown status is kept as it came")
    func unknownStatus() throws {
        let campaign = try decode([("status", "Throttled")])
        #expect(campaign.status?.rawValue == "Throttled")
        #expect(campaign.status?.isKnown == false)
        #expect(try decode([("status", "active")]).status == .active)
    }

    @Test("unknown fields at every level survive decode → encode and ride along on update")
    func unknownFieldsRoundTrip() throws {
        var json = try Fixtures.json("responses", "get-voice-campaign-by-id-v2").objectValue!["data"]!.objectValue!
        json["futureFlag"] = ["nested": [1, 2, 3]]
        var strategy = json["dialingStrategy"]!.objectValue!
        strategy["pacingRatio"] = 1.5
        var hours = strategy["callingHours"]!.objectValue!
        hours["holidays"] = ["2025-12-25"]
        var days = hours["days"]!.arrayValue!
        var monday = days[0].objectValue!
        monday["label"] = "morning shift"
        days[0] = .object(monday)
        hours["days"] = .array(days)
        strategy["callingHours"] = .object(hours)
        var caller = strategy["callerId"]!.objectValue!
        caller["label"] = "main line"
        strategy["callerId"] = .object(caller)
        json["dialingStrategy"] = .object(strategy)
        json["schedule"] = ["isSchedulingEnabled": false, "window": "night"]

        let campaign = try Campaign(json: .object(json))
        #expect(campaign.extras["futureFlag"] == ["nested": [1, 2, 3]])
        let reread = try Campaign(json: campaign.resourceJSON)
        #expect(reread == campaign)
        #expect(try JSONValue.parse(campaign.resourceJSON.serialized()) == campaign.resourceJSON)

        let update = try #require(CampaignRequestBody.body(for: campaign, operation: .update).objectValue)
        #expect(update["futureFlag"] == ["nested": [1, 2, 3]])
        let sentStrategy = update["dialingStrategy"]?.objectValue
        #expect(sentStrategy?["pacingRatio"] == 1.5)
        #expect(sentStrategy?["callerId"] == ["phoneNumber": "+148465xxxxx", "label": "main line"])
        #expect(sentStrategy?["callingHours"]?.objectValue?["holidays"] == ["2025-12-25"])
        #expect(sentStrategy?["callingHours"]?.objectValue?["days"]?.arrayValue?[0].objectValue?["label"] == "morning shift")
        #expect(update["schedule"] == ["isSchedulingEnabled": false, "window": "night"])
    }

    @Test("the Codable bridge reads and writes the same campaign")
    func codable() throws {
        let campaign = try Fixtures.campaignResponse("seed-update-voice-campaign")
        let data = try JSONEncoder().encode(campaign)
        #expect(try JSONDecoder().decode(Campaign.self, from: data) == campaign)
    }

    @Test("malformed JSON is an error with a position, never a crash")
    func malformed() throws {
        for text in ["{", "{\"a\":}", "[1,]", "\"open", "{\"a\":1} trailing", String(repeating: "[", count: 10_000), "nul", "-", "1e999"] {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        }
        #expect(try JSONValue.parse("  {\"é\": \"\\u00e9\\ud83d\\ude00\", \"n\": -1.5e2} ") == ["é": "é😀", "n": -150])
    }
}

extension WireQuirkTests {
    @Test("The documented server fields keep the server's order (not a Set's, which changes from run to run)")
    func serverFieldsKeepTheirOrder() throws {
        let order = ["direction", "totalCallsCompleted", "campaignInstanceUpdatedAt", "isFiltersEnabled", "isImported",
                     "campaignExecutionType", "totalMessagesSent"]
        let fields = order.map { "\"\($0)\": \"x\"" }.joined(separator: ", ")
        let campaign = try Campaign(json: JSONValue.parse(Data("{\"name\": \"n\", \(fields)}".utf8)))
        #expect(campaign.serverFields.keys == order)
        let written = campaign.resourceJSON.serialized(pretty: false)
        let positions = order.compactMap { written.range(of: "\"\($0)\"")?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }
}
