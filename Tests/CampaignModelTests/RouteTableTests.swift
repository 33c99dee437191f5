import Testing
@testable import CampaignModel

@Suite("The route table")
struct RouteTableTests {
    func operation(_ method: String, _ path: String, _ query: [String: String] = [:]) -> APIOperation? {
        if case .route(let route, _) = APIRouteTable.match(method: method, path: path, query: query) { return route.operation }
        return nil
    }

    @Test("every documented path reaches its operation")
    func documentedPaths() {
        let v2 = "/campaign/api/v2/public/st-1/campaign"
        #expect(operation("POST", "\(v2)/getAllCampaignDetails") == .listCampaigns)
        #expect(operation("POST", "/agentassist/api/v1/public/st-1/campaign/getAllCampaignDetails") == .listCampaigns)
        #expect(operation("GET", "\(v2)/cd-1") == .getCampaign)
        #expect(operation("POST", v2, ["campaignType": "sms"]) == .createCampaign)
        #expect(operation("POST", "/api/v2/public/st-1/campaign", ["campaignType": "sms"]) == .createCampaign)
        #expect(operation("PUT", "\(v2)/cd-1") == .updateCampaign)
        #expect(operation("DELETE", "\(v2)/cd-1") == .deleteCampaign)
        #expect(operation("DELETE", "/agentassist/api/v1/public/st-1/campaign/cd-1") == .deleteCampaign)
        #expect(operation("POST", "\(v2)/cd-1", ["trigger": "play"]) == .startCampaign)
        #expect(operation("POST", "/api/v2/public/st-1/campaign/trigger/cd-1", ["trigger": "play"]) == .startCampaign)
        #expect(operation("POST", "\(v2)//trigger/cd-1", ["trigger": "stop"]) == .stopCampaign)
        #expect(operation("POST", "/api/v2/public/st-1/campaign/trigger/cd-1", ["trigger": "STOP"]) == .stopCampaign)
        #expect(operation("POST", "\(v2)/cd-1/status", ["view": "status"]) == .campaignStatus)
        #expect(operation("POST", "\(v2)/cd-1/status") == .campaignStatus, "view=status is optional when reading")
        #expect(operation("POST", "\(v2)/contactList/getAllListDetails", ["type": "call"]) == .listContactLists)
        #expect(operation("GET", "\(v2)/contactList/cl-1") == .getContactList)
        #expect(operation("POST", "\(v2)/contactList/createContactList") == .createContactList)
        #expect(operation("POST", "\(v2)/schedule", ["enableSchedule": "true"]) == .enableSchedule)
        #expect(operation("POST", "\(v2)/schedule", ["enableSchedule": "false"]) == .disableSchedule)
        #expect(operation("POST", "\(v2)/cd-1/status", ["view": "contacts"]) == .campaignContacts)
        #expect(operation("POST", "\(v2)/cd-1/status", ["view": "Contacts"]) == .campaignContacts)
        #expect(operation("GET", "\(v2)/contactList/cl-1/getAllContacts", ["skip": "50"]) == .listContacts)
        #expect(operation("PUT", "\(v2)/contactList/cl-1") == .updateContactList)
        #expect(operation("DELETE", "\(v2)/contactList/cl-1") == .deleteContactList)
        #expect(operation("GET", "\(v2)/contactList/cl-1") == .getContactList)
        #expect(operation("POST", "/api/1.1/public/st-1/campaign/contactList/addContacts") == .addContacts)
    }

    @Test("contact-list contacts take skip and limit from the query; absent ones are left out")
    func listContactsQuery() {
        let route = APIRouteTable.preferred(.listContacts)
        let resolved = route.resolve(["streamId": "st-1", "contactListId": "cl-1", "accountId": "a", "skip": "100", "limit": "50"])
        #expect(resolved.path == "/campaign/api/v2/public/st-1/campaign/contactList/cl-1/getAllContacts")
        #expect(resolved.query.map { "\($0.0)=\($0.1)" } == ["accountId=a", "skip=100", "limit=50"])
        #expect(route.resolve(["contactListId": "cl-1"]).query.isEmpty)
        #expect(APIRouteTable.preferred(.campaignContacts).resolve(["campaignId": "cd-1"]).query.map(\.0) == ["view"])
    }

    @Test("parameters come from the path and the query, percent-decoded")
    func parameters() {
        let match = APIRouteTable.match(method: "POST", path: "/campaign/api/v2/public/st-9/campaign/schedule",
                                        query: ["enableSchedule": "true", "campaignName": "Agentless | Jan 9"])
        #expect(match == .route(APIRouteTable.routes[18], parameters: ["streamId": "st-9", "campaignName": "Agentless | Jan 9"]))
        if case .route(_, let parameters) = APIRouteTable.match(method: "GET", path: "/campaign/api/v2/public/st%201/campaign/cd-1", query: [:]) {
            #expect(parameters["streamId"] == "st 1")
        } else { Issue.record("no match") }
    }

    @Test("unknown paths are 404, known paths with the wrong method 405")
    func misses() {
        #expect(APIRouteTable.match(method: "GET", path: "/nothing", query: [:]) == .notFound)
        #expect(APIRouteTable.match(method: "PATCH", path: "/campaign/api/v2/public/st/campaign/cd-1", query: [:])
            == .methodNotAllowed(allowed: ["DELETE", "GET", "POST", "PUT"]))
        #expect(APIRouteTable.match(method: "POST", path: "/campaign/api/v2/public/st/campaign/cd-1", query: [:])
            == .methodNotAllowed(allowed: ["DELETE", "GET", "POST", "PUT"]), "POST there needs a trigger")
    }

    @Test("resolving a route percent-encodes values and leaves out absent query parameters")
    func resolve() {
        let route = APIRouteTable.preferred(.enableSchedule)
        let resolved = route.resolve(["streamId": "st/1", "campaignName": "A & B"])
        #expect(resolved.path == "/campaign/api/v2/public/st%2F1/campaign/schedule")
        #expect(resolved.query.map { "\($0.0)=\($0.1)" } == ["enableSchedule=true", "campaignName=A & B"])
        let start = APIRouteTable.preferred(.startCampaign).resolve(["streamId": "s", "campaignId": "cd-1"])
        #expect(start.path == "/campaign/api/v2/public/s/campaign/trigger/cd-1")
        #expect(start.query.map(\.0) == ["trigger"])
        #expect(Set(APIRouteTable.routes.map(\.operation)) == Set(APIOperation.allCases))
    }
}
