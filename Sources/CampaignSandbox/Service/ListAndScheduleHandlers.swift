import CampaignModel
import Foundation

/// Contact-list and recurring-schedule endpoints.
extension SandboxService {
    func listContactLists(type: String?) throws -> SandboxResponse {
        let lists = try store.contactListContents().map(\.decorated).filter { type == nil || $0.listType == type }
        return Self.envelope("", data: .array(lists.map(\.json)))
    }

    func getContactList(id: String) throws -> SandboxResponse {
        guard let contents = try store.contactListContents(id: id) else {
            throw SandboxError.notFound("No contact list with id \(id).")
        }
        return Self.envelope("", data: contents.decorated.json)
    }

    func createContactList(body: Data) throws -> SandboxResponse {
        guard let object = try parseBody(body).objectValue else { throw SandboxError.badRequest("The body must be a JSON object.") }
        let name = (object["name"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
        var issues: [ValidationIssue] = []
        if name.isEmpty { issues.append(ValidationIssue(path: "name", message: "Give the contact list a name.")) }
        if let source = object["source"]?.stringValue, source != "passiveApi" {
            issues.append(ValidationIssue(path: "source", message: "source must be passiveApi."))
        }
        if !issues.isEmpty { throw SandboxError.invalid(issues) }
        guard try store.contactList(named: name) == nil else {
            throw SandboxError.conflict("A contact list named \(name) already exists.")
        }
        let now = timestamp()
        let allowDuplicates = object["allowDuplicates"]?.boolValue ?? false
        var list = ContactList(id: "cl-" + UUID().uuidString.lowercased(), name: name,
                               description: object["description"]?.stringValue)
        list.totalRecordCount = 0
        list.status = "Ready"
        list.listType = "call"
        list.source = "passiveApi"
        list.isListInUse = false
        list.isGlobalDNC = false
        list.allowDuplicates = allowDuplicates
        list.createdAt = now
        list.updatedAt = now
        let extras: JSONValue = [
            "isActive": true, "createdBy": "u-sandbox", "updatedBy": "u-sandbox",
            "mapping": [
                "firstName": "firstName", "lastName": "lastName", "phoneNumber": "phoneNumber",
                "timeZone": "timeZone", "uniqueId": "uniqueId", "contactPriority": "contactPriority",
            ],
            "isDefault": false, "campaignInUse": [], "columns": [], "files": [],
            "apiConfigurations": ["dataSyncMode": allowDuplicates ? "allowDuplicates" : "skipDuplicates"],
        ]
        list.extras = extras.objectValue!
        try store.save([list])
        return Self.envelope("Contact list \(name) created successfully", data: list.json)
    }

    func schedule(name: String?, enable: Bool, body: Data) throws -> SandboxResponse {
        guard let name, !name.isEmpty else {
            throw SandboxError.invalid([ValidationIssue(path: "campaignName", message: "Add campaignName=… to the URL.")])
        }
        guard var stored = try store.campaign(named: name) else {
            throw SandboxError.notFound("No campaign named \(name).")
        }
        if enable {
            let recurring: RecurringSchedule
            do { recurring = try RecurringSchedule(json: parseBody(body)) } catch let failure as ValidationFailure {
                throw SandboxError.invalid(failure.issues)
            }
            if let end = RecurringSchedule.parseDateTime(recurring.endDateTime), end <= Date() {
                throw SandboxError.invalid([ValidationIssue(path: "endDateTime", message: "endDateTime must be in the future.")])
            }
            stored.recurrence = recurring.json
            stored.campaign.schedule = CampaignSchedule(isSchedulingEnabled: true, isRecurrenceEnabled: true)
            if stored.campaign.status != .active { stored.campaign.status = .scheduled }
        } else {
            stored.recurrence = nil
            stored.campaign.schedule = CampaignSchedule(isSchedulingEnabled: false, isRecurrenceEnabled: false)
            if stored.campaign.status == .scheduled { stored.campaign.status = .ready }
        }
        stored.campaign.updatedAt = timestamp(after: stored.campaign.updatedAt)
        try store.save([stored])
        let message = enable ? "Campaign \(stored.campaign.name) scheduled successfully"
                             : "Campaign \(stored.campaign.name) schedule has been disabled successfully"
        return SandboxResponse(body: APIEnvelope(status: "success", message: message, id: stored.campaign.id).json)
    }
}
