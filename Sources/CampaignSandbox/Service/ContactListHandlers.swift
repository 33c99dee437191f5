import CampaignModel
import Foundation

/// The contacts of a contact list, and changing or deleting a list.
///
/// Judgement calls where the docs are silent (README): `getAllContacts` pages with `skip` and
/// `limit` query items (default 0 and 50, limit at most 1,000); a list named by any campaign (as
/// a contact list or DNC list) is in use and cannot be deleted (409 naming them); a rename is
/// carried into the campaigns that name the list; `addContacts` answers at once, as the docs'
/// sample does, and the contacts appear `importDelay` later; without `allowDuplicates` a number
/// the list holds already is skipped.
extension SandboxService {
    static let defaultContactsLimit = 50
    static let maxContactsLimit = 1_000

    func listContacts(listId: String, query: [String: String]) throws -> SandboxResponse {
        let skip = try Self.queryInt(query, "skip", default: 0, range: 0...Self.maxSkip)
        let limit = try Self.queryInt(query, "limit", default: Self.defaultContactsLimit, range: 1...Self.maxContactsLimit)
        let now = Date()
        guard let contents = try store.contactListContents(id: listId, visibleAt: now, withUses: false) else {
            throw SandboxError.notFound("No contact list with id \(listId).")
        }
        let results = try contacts(of: contents, range: min(skip, contents.total)..<min(contents.total, skip + limit), visibleAt: now)
            .map { contact -> JSONValue in
                ["_id": .string(contact.id), "createdAt": .string(contact.createdAt), "updatedAt": .string(contact.createdAt),
                 "phoneNumber": .string(contact.phoneNumber)]
            }
        let total = contents.total
        let data: JSONValue = [
            "results": .array(results), "skip": .number(Double(skip)), "limit": .number(Double(limit)),
            "hasMore": .bool(skip + results.count < total), "totalPages": .number(Double((total + limit - 1) / limit)),
            "totalResults": .number(Double(total)),
        ]
        return SandboxResponse(body: ["status": "success", "message": "Contacts retrieved successfully", "data": data])
    }

    /// The list's contacts at `range` of its positions: generated ones first, then added ones.
    /// `numbersOnly` leaves the id and time of generated ones empty (the contacts view needs neither).
    func contacts(of contents: ContactListContents, range: Range<Int>, visibleAt now: Date,
                  numbersOnly: Bool = false) throws -> [StoredContact] {
        guard !range.isEmpty else { return [] }
        let generator = contents.generator
        var result: [StoredContact] = []
        result.reserveCapacity(range.count)
        for position in range.clamped(to: 0..<contents.generatedCount) {
            result.append(StoredContact(id: numbersOnly ? "" : generator.contactId(at: position),
                                        phoneNumber: generator.phoneNumber(at: position),
                                        createdAt: numbersOnly ? "" : generator.createdText(at: position)))
        }
        let importedStart = max(range.lowerBound, contents.generatedCount)
        if importedStart < range.upperBound {
            result += try store.importedContacts(listId: contents.list.id ?? "", generatedCount: contents.generatedCount,
                                                 offset: importedStart - contents.generatedCount,
                                                 limit: range.upperBound - importedStart, visibleAt: now)
        }
        return result
    }

    func updateContactList(listId: String, body: Data) throws -> SandboxResponse {
        guard let object = try parseBody(body).objectValue else { throw SandboxError.badRequest("The body must be a JSON object.") }
        guard let contents = try store.contactListContents(id: listId) else {
            throw SandboxError.notFound("No contact list with id \(listId).")
        }
        var list = contents.list
        let oldName = list.name
        var issues: [ValidationIssue] = []
        var changed = JSONObject()
        if let value = object["name"] {
            let name = (value.stringValue ?? "").trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.count > 48 {
                issues.append(ValidationIssue(path: "name", message: "The name must be 1 to 48 characters long."))
            } else {
                list.name = name
                changed["name"] = .string(name)
            }
        }
        if let value = object["description"] {
            if let description = value.stringValue, description.count <= 256 {
                list.description = description
                changed["description"] = .string(description)
            } else {
                issues.append(ValidationIssue(path: "description", message: "The description must be text of at most 256 characters."))
            }
        }
        if let value = object["allowDuplicates"] {
            if case .bool(let allow) = value {
                list.allowDuplicates = allow
                list.extras["apiConfigurations"] = ["dataSyncMode": allow ? "allowDuplicates" : "skipDuplicates"]
                changed["allowDuplicates"] = .bool(allow)
            } else {
                issues.append(ValidationIssue(path: "allowDuplicates", message: "allowDuplicates must be true or false."))
            }
        }
        if !issues.isEmpty { throw SandboxError.invalid(issues) }
        list.updatedAt = timestamp(after: list.updatedAt)
        list.extras["updatedBy"] = "u-sandbox"
        guard try store.updateContactList(list, renamedFrom: oldName) else {
            throw SandboxError.conflict("A contact list named \(list.name) already exists.")
        }
        var echoed = changed
        for (key, value) in [
            ("scope", JSONValue.array(["campaign_management"])), ("orgId", "o-sandbox-0000-0000-0000-000000000001"),
            ("iId", .string(configuration.credentials.streamId)), ("listType", .string(list.listType ?? "call")),
            ("accountId", .string(configuration.credentials.accountId)), ("updatedBy", "u-sandbox"),
        ] { echoed[key] = value }
        return Self.envelope("Contact list \(list.name) updated successfully",
                             data: ["contactListId": .string(listId), "body": .object(echoed)])
    }

    func deleteContactList(listId: String) throws -> SandboxResponse {
        guard let contents = try store.contactListContents(id: listId) else {
            throw SandboxError.notFound("No contact list with id \(listId).")
        }
        guard contents.useCount == 0 else {
            let names = contents.campaignsInUse.map(\.name)
            let more = contents.useCount > names.count ? " and \(contents.useCount - names.count) more" : ""
            var error = SandboxError.conflict(
                "Contact list \(contents.list.name) is in use by \(contents.useCount == 1 ? "1 campaign" : "\(contents.useCount) campaigns"): "
                    + names.joined(separator: ", ") + more + "; remove it from them before deleting it.")
            error.issues = contents.campaignsInUse.enumerated().map { index, campaign in
                ValidationIssue(path: "campaignInUse[\(index)]", message: "\(campaign.name) (\(campaign.id))")
            }
            throw error
        }
        try store.deleteContactList(id: listId)
        return Self.envelope("Contact list \(contents.list.name) deleted successfully", data: contents.decorated.json)
    }

    func addContacts(body: Data) throws -> SandboxResponse {
        guard let object = try parseBody(body).objectValue else { throw SandboxError.badRequest("The body must be a JSON object.") }
        var issues: [ValidationIssue] = []
        let listName = (object["contact_list_name"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
        if listName.isEmpty { issues.append(ValidationIssue(path: "contact_list_name", message: "Name the contact list to add to.")) }
        var numbers: [String] = []
        if let rows = object["data"]?.arrayValue, !rows.isEmpty {
            for (index, row) in rows.enumerated() {
                let number = row.objectValue?["phoneNumber"]?.stringValue ?? ""
                if Self.isPhoneNumber(number) {
                    numbers.append(number)
                } else {
                    issues.append(ValidationIssue(path: "data[\(index)].phoneNumber",
                                                  message: number.isEmpty ? "A phone number is required." : "\(number) is not a phone number."))
                }
            }
        } else {
            issues.append(ValidationIssue(path: "data", message: "data must be a list of at least one {\"phoneNumber\": …}."))
        }
        if !listName.isEmpty, try store.contactListContents(named: listName) == nil {
            issues.append(ValidationIssue(path: "contact_list_name", message: "There is no contact list named \(listName)."))
        }
        if !issues.isEmpty { throw SandboxError.invalid(issues) }
        _ = try store.addContacts(listName: listName, phoneNumbers: numbers, createdAt: timestamp(),
                                  visibleAt: Date().addingTimeInterval(configuration.importDelay.seconds))
        try refreshCompletions(usingList: listName)
        return SandboxResponse(body: ["message": "Adding contacts to public list is in progress"])
    }

    /// An optional `+` and 6 to 15 digits.
    static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("+") ? text.utf8.dropFirst() : text.utf8[...]
        return (6...15).contains(digits.count) && digits.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// A whole number from the query, `fallback` when absent; a 400 naming it otherwise.
    static func queryInt(_ query: [String: String], _ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = query[name] else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw SandboxError.invalid([ValidationIssue(path: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")])
        }
        return value
    }
}
