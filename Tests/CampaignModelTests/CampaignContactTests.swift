import Testing
@testable import CampaignModel

@Suite("Campaign contacts, outcomes and tallies")
struct CampaignContactTests {
    @Test("the docs' contacts page and contact-list page round trip unchanged")
    func roundTrips() throws {
        let contacts = try #require(Fixtures.response("get-all-contact-details-voice-campaigns-v2").data)
        #expect(try CampaignContactsPage(json: contacts).json == contacts)
        let listContacts = try #require(Fixtures.response("get-all-contacts-of-a-contactlist-v2").data)
        #expect(try ContactListContactsPage(json: listContacts).json == listContacts)
        let reply = try #require(Fixtures.response("update-contact-list-v2").data)
        #expect(try ContactListUpdateReply(json: reply).json == reply)
        let deleted = try #require(Fixtures.response("delete-contact-list-details-v2").data)
        #expect(try ContactList(json: deleted).json == deleted)
    }

    @Test("unknown fields and odd values are kept or read tolerantly")
    func tolerance() throws {
        let json: JSONValue = [
            "phoneNumber": 919876543210, "dialerOutcome": nil, "numberOfAttemptsSoFar": "3",
            "agentDispositionCodes": "Callback", "callDuration": 42,
        ]
        let contact = try CampaignContact(json: json)
        #expect(contact.phoneNumber == "919876543210")
        #expect(contact.outcome == .inProgress && !contact.isFinal)
        #expect(contact.numberOfAttemptsSoFar == 3)
        #expect(contact.agentDispositionCodes == ["Callback"])
        #expect(contact.extras["callDuration"] == 42)
        #expect(contact.json.objectValue?["callDuration"] == 42)
        #expect(throws: WireFormatError.self) { try CampaignContact(json: "x") }
        #expect(throws: WireFormatError.self) { try CampaignContactsPage(json: ["results": [1]]) }
        let page = try CampaignContactsPage(json: ["results": [], "page": "2", "totalPages": "", "nextCursor": "c"])
        #expect(page.page == 2 && page.totalPages == nil && page.extras["nextCursor"] == "c")
        #expect(page.json.objectValue?["totalPages"] == "", "an unreadable value goes back as it came")
    }

    @Test("dialer outcomes classify ignoring case, underscores and spaces",
          arguments: [
              ("", ContactOutcome.inProgress), ("  ", .inProgress), ("completed", .connected), ("Completed", .connected),
              ("delivered", .connected), ("noAnswer", .noAnswer), ("no_answer", .noAnswer), ("NO ANSWER", .noAnswer),
              ("busy", .busy), ("BUSY", .busy), ("failed", .failed), ("Failed", .failed),
              ("voicemail", .other("voicemail")),
          ])
    func classification(_ raw: String, _ expected: ContactOutcome) {
        #expect(ContactOutcome(dialerOutcome: raw) == expected)
        #expect(CampaignContact(phoneNumber: "1", dialerOutcome: raw).isFinal == (expected != .inProgress))
    }

    @Test("a tally counts each outcome and sums attempts")
    func tally() {
        let contacts = [
            CampaignContact(phoneNumber: "1", dialerOutcome: "completed", numberOfAttemptsSoFar: 1),
            CampaignContact(phoneNumber: "2", dialerOutcome: "completed", numberOfAttemptsSoFar: 2),
            CampaignContact(phoneNumber: "3", dialerOutcome: "noAnswer", numberOfAttemptsSoFar: 3),
            CampaignContact(phoneNumber: "4", dialerOutcome: "busy", numberOfAttemptsSoFar: 1),
            CampaignContact(phoneNumber: "5", dialerOutcome: "failed", numberOfAttemptsSoFar: 1),
            CampaignContact(phoneNumber: "6", dialerOutcome: "", numberOfAttemptsSoFar: 0),
            CampaignContact(phoneNumber: "7", dialerOutcome: "voicemail", numberOfAttemptsSoFar: 2),
        ]
        let tally = OutcomeTally(contacts)
        #expect(tally.connected == 2 && tally.noAnswer == 1 && tally.busy == 1 && tally.failed == 1)
        #expect(tally.inProgress == 1 && tally.other == 1 && tally.total == 7 && tally.attempts == 10)
        #expect(tally.finalCount == 6)
        #expect(tally.connectedPercent == 2.0 * 100 / 6)
        #expect(OutcomeTally().connectedPercent == nil, "no final outcome yet: no percentage")
        #expect(OutcomeTally([contacts[5]]).connectedPercent == nil)
    }

    @Test("adding tallies of any split equals the tally of the whole", arguments: 0...7)
    func tallySplit(_ split: Int) {
        let outcomes = ["completed", "", "busy", "noAnswer", "failed", "completed", "x"]
        let contacts = outcomes.enumerated().map {
            CampaignContact(phoneNumber: "\($0.offset)", dialerOutcome: $0.element, numberOfAttemptsSoFar: $0.offset)
        }
        let whole = OutcomeTally(contacts)
        let cut = min(split, contacts.count)
        #expect(OutcomeTally(contacts[..<cut]) + OutcomeTally(contacts[cut...]) == whole)
        #expect(whole + OutcomeTally() == whole)
        #expect(whole.connected + whole.noAnswer + whole.busy + whole.failed + whole.inProgress + whole.other == whole.total)
    }

    @Test("request bodies: paging limits, update problems, add-contacts entries")
    func requests() throws {
        #expect(CampaignContactsRequest(page: 0, limit: 10).problem != nil)
        #expect(CampaignContactsRequest(page: 1, limit: 101).problem != nil)
        #expect(CampaignContactsRequest(json: [:]) == CampaignContactsRequest(page: 1, limit: 100))
        #expect(ContactListUpdate().isEmpty && ContactListUpdate().json == [:])
        #expect(ContactListUpdate(allowDuplicates: false).json == ["allowDuplicates": false])
        #expect(ContactListUpdate(name: String(repeating: "n", count: 49)).problems.count == 1)
        #expect(ContactListUpdate(name: " ", description: String(repeating: "d", count: 257)).problems.count == 2)
        let list = ContactListUpdate(name: "B", allowDuplicates: true).applied(to: ContactList(id: "cl-1", name: "A", description: "d"))
        #expect(list.name == "B" && list.description == "d" && list.allowDuplicates == true)
        let add = AddContactsRequest(contactListName: "L", phoneNumbers: ["+15550001", "15550002"])
        #expect(try AddContactsRequest(json: add.json) == add)
        #expect(throws: WireFormatError.self) { try AddContactsRequest(json: ["contact_list_name": "L", "data": [["x": 1]]]) }
        #expect(throws: WireFormatError.self) { try AddContactsRequest(json: ["data": []]) }
    }

    @Test("a list in use names its campaigns")
    func inUse() throws {
        var list = ContactList(id: "cl-1", name: "L")
        #expect(!list.isInUse && list.campaignsInUse.isEmpty)
        list = try ContactList(json: ["_id": "cl-1", "name": "L", "isListInUse": true,
                                      "campaignInUse": ["cd-1", ["name": "Renewals", "_id": "cd-2"], ["_id": "cd-3"], ""]])
        #expect(list.isInUse)
        #expect(list.campaignsInUse == ["cd-1", "Renewals", "cd-3"])
    }
}
