import Foundation

/// A phone number as text, whether it came as a string or (undocumented) a bare number.
private func phoneText(_ value: JSONValue) -> String? {
    value.stringValue ?? value.intValue.map(String.init)
}

extension CampaignContact {
    /// Reads one contact of the contacts view. Only a non-object fails; a missing phone number
    /// reads as "", a null or missing `dialerOutcome` as blank (in progress).
    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a campaign contact must be a JSON object") }
        var reader = ObjectReader(object)
        self.init(phoneNumber: reader.take("phoneNumber", phoneText) ?? "")
        uniqueId = reader.string("uniqueId")
        dialerOutcome = reader.take("dialerOutcome") { $0.isNull ? "" : $0.stringValue } ?? ""
        numberOfAttemptsSoFar = reader.int("numberOfAttemptsSoFar") ?? 0
        botSessionId = reader.string("botSessionId")
        agentDispositionCodes = reader.stringArray("agentDispositionCodes")
            ?? reader.take("agentDispositionCodes") { $0.stringValue.map { $0.isEmpty ? [] : [$0] } } ?? []
        botOutboundStatus = reader.string("botOutboundStatus")
        botOutboundStatusDetail = reader.string("botOutboundStatusDetail")
        extras = reader.rest
    }

    /// The contact in the documented shape, unknown fields after the known ones.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("phoneNumber", phoneNumber)
        writer.set("uniqueId", uniqueId)
        writer.set("dialerOutcome", dialerOutcome)
        writer.set("numberOfAttemptsSoFar", numberOfAttemptsSoFar)
        writer.set("botSessionId", botSessionId)
        writer.set("agentDispositionCodes", agentDispositionCodes)
        writer.set("botOutboundStatus", botOutboundStatus)
        writer.set("botOutboundStatusDetail", botOutboundStatusDetail)
        writer.appendMissing(extras)
        return writer.value
    }
}

extension CampaignContactsPage {
    /// Reads the `data` of the contacts view. Paging numbers may be numbers, numeric strings or "".
    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a contacts page must be a JSON object") }
        var reader = ObjectReader(object)
        let contacts = try pageResults(&reader) { item throws(WireFormatError) in try CampaignContact(json: item) }
        self.init(results: contacts, page: reader.int("page"), limit: reader.int("limit"),
                  totalPages: reader.int("totalPages"), totalResults: reader.int("totalResults"))
        extras = reader.rest
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("results", .array(results.map(\.json)))
        writer.set("page", page)
        writer.set("limit", limit)
        writer.set("totalPages", totalPages)
        writer.set("totalResults", totalResults)
        writer.appendMissing(extras)
        return writer.value
    }
}

extension ContactListContact {
    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a contact must be a JSON object") }
        var reader = ObjectReader(object)
        self.init(id: reader.take(anyOf: ["_id", "id"]) { $0.stringValue },
                  phoneNumber: reader.take("phoneNumber", phoneText) ?? "",
                  createdAt: reader.string("createdAt"), updatedAt: reader.string("updatedAt"))
        extras = reader.rest
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("_id", id)
        writer.set("createdAt", createdAt)
        writer.set("updatedAt", updatedAt)
        writer.set("phoneNumber", phoneNumber)
        writer.appendMissing(extras)
        return writer.value
    }
}

extension ContactListContactsPage {
    /// Reads the `data` of `getAllContacts`.
    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a contacts page must be a JSON object") }
        var reader = ObjectReader(object)
        let contacts = try pageResults(&reader) { item throws(WireFormatError) in try ContactListContact(json: item) }
        self.init(results: contacts, skip: reader.int("skip"), limit: reader.int("limit"), hasMore: reader.bool("hasMore"),
                  totalPages: reader.int("totalPages"), totalResults: reader.int("totalResults"))
        extras = reader.rest
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("results", .array(results.map(\.json)))
        writer.set("skip", skip)
        writer.set("limit", limit)
        writer.set("hasMore", hasMore)
        writer.set("totalPages", totalPages)
        writer.set("totalResults", totalResults)
        writer.appendMissing(extras)
        return writer.value
    }
}

/// The body of the contacts view: `{page, limit}` (page ≥ 1, limit 1…100).
public struct CampaignContactsRequest: Equatable, Sendable {
    public static let maxLimit = 100
    public var page: Int
    public var limit: Int

    public init(page: Int = 1, limit: Int = 100) {
        self.page = page
        self.limit = limit
    }

    /// Reads a body tolerantly: absent or unreadable values take the defaults (page 1, limit 100).
    public init(json: JSONValue) {
        let object = json.objectValue ?? JSONObject()
        self.init(page: object["page"]?.intValue ?? 1, limit: object["limit"]?.intValue ?? Self.maxLimit)
    }

    /// What the docs reject: a page below 1, a limit outside 1…100.
    public var problem: String? {
        if page < 1 { return "page must be an integer of at least 1." }
        if limit < 1 || limit > Self.maxLimit { return "limit must be an integer from 1 to \(Self.maxLimit)." }
        return nil
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("page", page)
        writer.set("limit", limit)
        return writer.value
    }
}

/// The body of "update contact list": only the fields being changed.
public struct ContactListUpdate: Equatable, Sendable {
    public static let maxNameLength = 48
    public static let maxDescriptionLength = 256
    public var name: String?
    public var description: String?
    public var allowDuplicates: Bool?

    public init(name: String? = nil, description: String? = nil, allowDuplicates: Bool? = nil) {
        self.name = name
        self.description = description
        self.allowDuplicates = allowDuplicates
    }

    public init(json: JSONValue) {
        var reader = ObjectReader(json.objectValue ?? JSONObject())
        self.init(name: reader.string("name"), description: reader.string("description"),
                  allowDuplicates: reader.bool("allowDuplicates"))
    }

    /// Whether nothing would change.
    public var isEmpty: Bool { name == nil && description == nil && allowDuplicates == nil }

    /// What the docs reject: an empty or over-long name (48), an over-long description (256).
    public var problems: [String] {
        var problems: [String] = []
        if let name {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("name must not be empty.") }
            if name.count > Self.maxNameLength { problems.append("name must be at most \(Self.maxNameLength) characters.") }
        }
        if let description, description.count > Self.maxDescriptionLength {
            problems.append("description must be at most \(Self.maxDescriptionLength) characters.")
        }
        return problems
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("name", name)
        writer.set("description", description)
        writer.set("allowDuplicates", allowDuplicates)
        return writer.value
    }

    /// Applies the change to a list.
    public func applied(to list: ContactList) -> ContactList {
        var list = list
        if let name { list.name = name }
        if let description { list.description = description }
        if let allowDuplicates { list.allowDuplicates = allowDuplicates }
        return list
    }
}

/// The `data` of the update-contact-list reply: `{contactListId, body: {name, listType, …}}`.
public struct ContactListUpdateReply: Equatable, Sendable {
    public var contactListId: String?
    /// The updated metadata as the server echoes it.
    public var body: JSONObject

    public init(contactListId: String?, body: JSONObject) {
        self.contactListId = contactListId
        self.body = body
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("an update reply must be a JSON object") }
        self.init(contactListId: (object["contactListId"] ?? object["_id"])?.stringValue,
                  body: object["body"]?.objectValue ?? JSONObject())
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("contactListId", contactListId)
        writer.set("body", body)
        return writer.value
    }
}

/// The body of "add contacts" (v1 path, asynchronous): the list by **name** and the numbers.
public struct AddContactsRequest: Equatable, Sendable {
    public var contactListName: String
    /// Each `data[]` entry; `phoneNumber` is required, other columns ride along.
    public var contacts: [ContactRecord]

    public init(contactListName: String, phoneNumbers: [String]) {
        self.contactListName = contactListName
        contacts = phoneNumbers.map { ContactRecord(phoneNumber: $0) }
    }

    public init(contactListName: String, contacts: [ContactRecord]) {
        self.contactListName = contactListName
        self.contacts = contacts
    }

    /// Reads a body; fails without a `contact_list_name` or `data` array, or on an entry
    /// without a `phoneNumber` (naming its index).
    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("the body must be a JSON object") }
        guard let name = object["contact_list_name"]?.stringValue else {
            throw WireFormatError("contact_list_name is required")
        }
        guard let data = object["data"]?.arrayValue else { throw WireFormatError("data must be an array of contacts") }
        var contacts: [ContactRecord] = []
        contacts.reserveCapacity(data.count)
        for (index, item) in data.enumerated() {
            do { contacts.append(try ContactRecord(json: item)) } catch {
                throw WireFormatError("data[\(index)]: \(error.message)")
            }
        }
        self.init(contactListName: name, contacts: contacts)
    }

    public var phoneNumbers: [String] { contacts.map(\.phoneNumber) }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("contact_list_name", contactListName)
        writer.set("data", .array(contacts.map(\.json)))
        return writer.value
    }
}

/// A page's `results` array, each item read by `read`; an item that cannot be read is named by
/// its index.
private func pageResults<T>(_ reader: inout ObjectReader,
                            _ read: (JSONValue) throws(WireFormatError) -> T) throws(WireFormatError) -> [T] {
    guard let items = reader.take("results", { $0.arrayValue }) else {
        throw WireFormatError("a contacts page needs a results array")
    }
    var values: [T] = []
    values.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
        do { values.append(try read(item)) } catch {
            throw WireFormatError("results[\(index)]: \(error.message)")
        }
    }
    return values
}
