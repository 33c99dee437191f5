import CampaignModel
import Foundation

/// Contacts of campaigns and contact lists, list maintenance, clone.
extension CampaignClient {
    /// Pages of the contacts view (`status?view=contacts`) are at most this long (the docs' limit).
    public static let contactsPageLimit = CampaignContactsRequest.maxLimit
    /// Paging of contacts stops with an error after this many pages (10,000 × 100 = a million contacts).
    public static let maxContactPages = 10_000

    /// One page (1-based) of a campaign's contacts; `limit` is clamped to 1…100.
    public func contactsPage(_ campaignId: String, page: Int, limit: Int = 100) async throws -> CampaignContactsPage {
        let request = CampaignContactsRequest(page: max(1, page), limit: min(max(1, limit), Self.contactsPageLimit))
        let data = try contactsData(await send(.campaignContacts, parameters: ["campaignId": campaignId], body: request.json),
                                    operation: .campaignContacts)
        return try readWire { try CampaignContactsPage(json: data) }
    }

    /// Every page of a campaign's contacts, in order. Paging ends at an empty page, at the server's
    /// `totalPages` when it gives one, else at a page shorter than its limit. Once `totalPages` is
    /// known, up to `pageConcurrency` pages are fetched at a time; `body` still sees them in order.
    public func forEachContactsPage(_ campaignId: String, limit: Int = 100,
                                    _ body: (CampaignContactsPage) async throws -> Void) async throws {
        let limit = min(max(1, limit), Self.contactsPageLimit)
        let first = try await contactsPage(campaignId, page: 1, limit: limit)
        try await body(first)
        if Self.isLastContactsPage(first, number: 1, limit: limit) { return }
        var next = 2
        var totalPages = first.totalPages
        while true {
            guard next <= Self.maxContactPages else {
                throw APIError(kind: .badResponse, summary: "the server listed more than \(Self.maxContactPages) pages of contacts "
                    + "and still says there are more; stopped there")
            }
            // Without a page count, one page at a time: only a short page tells where the end is.
            let window = totalPages == nil ? 1 : max(1, options.pageConcurrency)
            let end = min(next + window, Self.maxContactPages + 1, (totalPages ?? Int.max - 1) + 1)
            let numbers = Array(next..<max(end, next + 1))
            let pages = try await withThrowingTaskGroup(of: (Int, CampaignContactsPage).self) { group in
                for number in numbers {
                    group.addTask { (number, try await self.contactsPage(campaignId, page: number, limit: limit)) }
                }
                var pages: [Int: CampaignContactsPage] = [:]
                while let (number, page) = try await group.next() { pages[number] = page }
                return numbers.compactMap { number in pages[number].map { (number, $0) } }
            }
            for (number, page) in pages {
                totalPages = page.totalPages
                try await body(page)
                if Self.isLastContactsPage(page, number: number, limit: limit) { return }
            }
            next += numbers.count
        }
    }

    /// Whether page `number` ends the contacts.
    static func isLastContactsPage(_ page: CampaignContactsPage, number: Int, limit: Int) -> Bool {
        if page.results.isEmpty { return true }
        if let totalPages = page.totalPages { return number >= totalPages }
        return page.results.count < (page.limit ?? limit)
    }

    /// Counts every contact of a campaign by outcome (reads all pages).
    public func progress(_ campaignId: String) async throws -> OutcomeTally {
        var tally = OutcomeTally()
        try await forEachContactsPage(campaignId) { page in tally = tally + OutcomeTally(page.results) }
        return tally
    }

    /// One page of a contact list's numbers (`skip` from 0).
    public func listContacts(_ contactListId: String, skip: Int, limit: Int) async throws -> ContactListContactsPage {
        let parameters = ["contactListId": contactListId, "skip": String(max(0, skip)), "limit": String(max(1, limit))]
        let data = try contactsData(await send(.listContacts, parameters: parameters), operation: .listContacts)
        return try readWire { try ContactListContactsPage(json: data) }
    }

    /// Every page of a contact list's numbers, in order: until `hasMore` is false, an empty page,
    /// or (without `hasMore`) a short page.
    public func forEachListContactsPage(_ contactListId: String, limit: Int = 100,
                                        _ body: (ContactListContactsPage) async throws -> Void) async throws {
        var skip = 0
        for _ in 0..<Self.maxContactPages {
            let page = try await listContacts(contactListId, skip: skip, limit: limit)
            try await body(page)
            if page.results.isEmpty || page.hasMore == false || (page.hasMore == nil && page.results.count < (page.limit ?? limit)) {
                return
            }
            skip += page.results.count
        }
        throw APIError(kind: .badResponse, summary: "the server listed more than \(Self.maxContactPages) pages of contacts "
            + "and still says there are more; stopped there")
    }

    /// Changes a list's name, description or duplicate rule (only what is given), then reads the
    /// list back. Refuses an empty change and what the docs reject (name over 48, description over 256).
    public func updateContactList(_ id: String, name: String?, description: String?, allowDuplicates: Bool?) async throws -> ContactList {
        let update = ContactListUpdate(name: name, description: description, allowDuplicates: allowDuplicates)
        guard !update.isEmpty else {
            throw APIError(kind: .configuration, summary: "nothing to change: give a name, a description or allowDuplicates")
        }
        guard update.problems.isEmpty else {
            throw APIError(kind: .invalid, summary: "the contact list cannot be saved: " + update.problems.joined(separator: " "),
                           issues: update.problems.map { problem in
                               ValidationIssue(path: String(problem.prefix { $0 != " " }), message: problem)
                           })
        }
        let data = try contactsData(await send(.updateContactList, parameters: ["contactListId": id], body: update.json),
                                    operation: .updateContactList)
        let reply = try? ContactListUpdateReply(json: data)
        do { return try await contactList(id) } catch {
            // The change was made; the read-back failed. Say what the reply told.
            var list = ContactList(id: reply?.contactListId ?? id, name: reply?.body["name"]?.stringValue ?? name ?? "")
            list = update.applied(to: list)
            return list
        }
    }

    /// Deletes a contact list; returns it as the server last described it. A list the server
    /// marks as in use (`isListInUse`, `campaignInUse`) is refused here, naming the campaigns,
    /// and nothing is sent.
    @discardableResult
    public func deleteContactList(_ id: String) async throws -> ContactList {
        let current = try await contactList(id)
        if current.isInUse {
            let campaigns = current.campaignsInUse
            let naming = campaigns.isEmpty ? "" : ": " + campaigns.joined(separator: ", ")
            throw APIError(kind: .conflict, summary: "contact list \(current.name) (\(id)) is in use by "
                + "\(campaigns.isEmpty ? "a campaign" : "\(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s")")\(naming); "
                + "remove it from \(campaigns.count == 1 ? "that campaign" : "those campaigns") first. Nothing was deleted.")
        }
        let data = try contactsData(await send(.deleteContactList, parameters: ["contactListId": id]), operation: .deleteContactList)
        return (try? ContactList(json: data)) ?? current
    }

    /// Adds numbers to a list named `listName` in one request (sent once, never retried: the
    /// platform queues it and answers at once). Returns the server's message.
    public func addContacts(listName: String, phoneNumbers: [String]) async throws -> String {
        let body = AddContactsRequest(contactListName: listName, phoneNumbers: phoneNumbers).json
        let json = try await send(.addContacts, body: body)
        return try readWire { try APIEnvelope(json: json) }.message ?? ""
    }

    /// Numbers per "add contacts" request in `importContacts`. A thousand numbers make a body of
    /// about 30 KB, far below common request-size limits (the sandbox takes 4 MB), so 100,000
    /// numbers take 100 requests; small enough that a failed batch is cheap to find and resend.
    public static let importBatchSize = 1_000

    /// Adds `phoneNumbers` to the list named `listName` in batches of `batchSize`, one request
    /// each, in order. Each batch is sent once; when one fails, the error says how many numbers
    /// were already queued (those before it), so the rest can be sent again without repeats.
    /// `progress` gets (numbers queued so far, server message) after each batch.
    public func importContacts(listName: String, phoneNumbers: [String], batchSize: Int = importBatchSize,
                               progress: ((Int, String) -> Void)? = nil) async throws -> Int {
        let size = max(1, batchSize)
        var sent = 0
        while sent < phoneNumbers.count {
            let batch = Array(phoneNumbers[sent..<min(sent + size, phoneNumbers.count)])
            let message: String
            do { message = try await addContacts(listName: listName, phoneNumbers: batch) } catch let error as APIError {
                throw ImportInterrupted(queued: sent, error: error)
            }
            sent += batch.count
            progress?(sent, message)
        }
        return sent
    }

    /// Creates a copy of campaign `id` named `newName`, from its full record, through the same
    /// path as `create`: the fields the server owns (id, status, timestamps, instance, counters)
    /// are dropped, and the copy must pass the rules a new campaign must pass. Records name their
    /// experience flow only by id, and a create takes it by name: an agentless or advanced-SMS
    /// copy needs `experienceFlowName`.
    public func clone(_ id: String, newName: String, experienceFlowName: String? = nil) async throws -> Campaign {
        let original = try await get(id)
        let copy = Self.cloneForm(of: original, named: newName, experienceFlowName: experienceFlowName)
        if copy.name.caseInsensitiveCompare(original.name) == .orderedSame {
            throw APIError(kind: .invalid, summary: "the copy needs a name different from \(original.name)",
                           issues: [ValidationIssue(path: "name", message: "The copy needs a new name.")])
        }
        let blocking = CampaignValidator.review(copy, comparedTo: nil).blocking
        guard blocking.isEmpty else {
            var summary = "the copy cannot be created: " + blocking.map(\.description).joined(separator: "; ")
            if blocking.contains(where: { $0.path == "experienceFlowName" }), let flowId = original.experienceFlowId {
                summary += " (the original names its flow only by id, \(flowId); give the flow's name)"
            }
            throw APIError(kind: .invalid, summary: summary, issues: blocking)
        }
        return try await WriteLabel.$current.withValue(WriteLabel(operation: "clone", detail: "from \(id)")) { try await create(copy) }
    }

    /// `campaign` as a new campaign named `name`: everything a supervisor set, nothing the server
    /// owns. The flow id is dropped (a create names the flow); `experienceFlowName` replaces the name.
    public static func cloneForm(of campaign: Campaign, named name: String, experienceFlowName: String? = nil) -> Campaign {
        var copy = campaign
        copy.name = name
        copy.id = nil
        copy.lname = nil
        copy.status = nil
        copy.createdAt = nil
        copy.updatedAt = nil
        copy.campaignInstanceId = nil
        copy.experienceFlowId = nil
        if let experienceFlowName { copy.experienceFlowName = experienceFlowName }
        copy.serverFields = JSONObject()
        for key in serverOwnedExtras { copy.extras[key] = nil }
        return copy
    }

    /// Undocumented fields a server may echo that belong to the record, not to its settings.
    static let serverOwnedExtras = [
        "_id", "id", "orgId", "iId", "accountId", "createdBy", "updatedBy", "__v", "campaignInstanceUpdatedAt", "lastRunAt",
    ]

    // MARK: Helpers

    /// Characters a query name or value keeps as they are (RFC 3986 unreserved); everything else,
    /// `+`, `&`, `=` and spaces included, is percent-encoded.
    static let queryUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `text` percent-encoded for a query name or value.
    static func queryEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryUnreserved) ?? text
    }

    private func contactsData(_ json: JSONValue, operation: APIOperation) throws -> JSONValue {
        let envelope = try readWire { try APIEnvelope(json: json) }
        guard let data = envelope.data else {
            throw APIError(kind: .badResponse, summary: "the server's \(operation.rawValue) reply has no data")
        }
        return data
    }

    private func readWire<T>(_ read: () throws -> T) throws -> T {
        do { return try read() } catch let error as WireFormatError {
            throw APIError(kind: .badResponse, summary: "unexpected reply from the server: \(error.message)")
        }
    }
}

/// A batched import stopped at a failed batch; the numbers before it were queued.
public struct ImportInterrupted: Error, Sendable, CustomStringConvertible {
    /// Numbers queued before the failure (the first `queued` of the list given).
    public let queued: Int
    public let error: APIError
    public var description: String { "\(error.summary) (after \(queued) number\(queued == 1 ? "" : "s") were queued)" }
}
