/// A contact list (or DNC list) as the contact-list endpoints describe it.
public struct ContactList: Equatable, Sendable {
    /// "cl-…".
    public var id: String?
    public var name: String
    public var description: String?
    public var totalRecordCount: Int?
    /// "Ready" in every sample.
    public var status: String?
    /// "call" for voice lists.
    public var listType: String?
    /// "passiveApi" for lists fed through the API.
    public var source: String?
    public var isListInUse: Bool?
    public var isGlobalDNC: Bool?
    public var allowDuplicates: Bool?
    public var createdAt: String?
    public var updatedAt: String?
    /// Everything else the server sent (mapping, columns, files, …), kept for round trips.
    public var extras = JSONObject()

    public init(id: String? = nil, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a contact list must be a JSON object") }
        var reader = ObjectReader(object)
        self.init(id: reader.take(anyOf: ["_id", "id"]) { $0.stringValue }, name: reader.string("name") ?? "",
                  description: reader.string("description"))
        totalRecordCount = reader.int("totalRecordCount")
        status = reader.string("status")
        listType = reader.string("listType")
        source = reader.string("source")
        isListInUse = reader.bool("isListInUse")
        isGlobalDNC = reader.bool("isGlobalDNC")
        allowDuplicates = reader.bool("allowDuplicates")
        createdAt = reader.string("createdAt")
        updatedAt = reader.string("updatedAt")
        extras = reader.rest
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("_id", id)
        writer.set("name", name)
        writer.set("description", description)
        writer.set("totalRecordCount", totalRecordCount)
        writer.set("status", status)
        writer.set("listType", listType)
        writer.set("source", source)
        writer.set("isListInUse", isListInUse)
        writer.set("isGlobalDNC", isGlobalDNC)
        writer.set("allowDuplicates", allowDuplicates)
        writer.set("createdAt", createdAt)
        writer.set("updatedAt", updatedAt)
        writer.appendMissing(extras)
        return writer.value
    }

    /// The body of `createContactList`.
    public static func createBody(name: String, description: String?, allowDuplicates: Bool) -> JSONValue {
        var writer = ObjectWriter()
        writer.set("name", name)
        writer.set("description", description)
        writer.set("source", "passiveApi")
        writer.set("allowDuplicates", allowDuplicates)
        return writer.value
    }
}

/// One person in a contact list, with the columns of the documented default mapping.
public struct ContactRecord: Equatable, Sendable {
    public var firstName: String?
    public var lastName: String?
    /// E.164.
    public var phoneNumber: String
    /// IANA identifier of the contact's own time zone.
    public var timeZone: String?
    public var uniqueId: String?
    public var contactPriority: Int?

    public init(firstName: String? = nil, lastName: String? = nil, phoneNumber: String, timeZone: String? = nil,
                uniqueId: String? = nil, contactPriority: Int? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.phoneNumber = phoneNumber
        self.timeZone = timeZone
        self.uniqueId = uniqueId
        self.contactPriority = contactPriority
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue, let phone = object["phoneNumber"]?.stringValue else {
            throw WireFormatError("a contact record needs a phoneNumber")
        }
        self.init(firstName: object["firstName"]?.stringValue, lastName: object["lastName"]?.stringValue,
                  phoneNumber: phone, timeZone: object["timeZone"]?.stringValue,
                  uniqueId: object["uniqueId"]?.stringValue, contactPriority: object["contactPriority"]?.intValue)
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("firstName", firstName)
        writer.set("lastName", lastName)
        writer.set("phoneNumber", phoneNumber)
        writer.set("timeZone", timeZone)
        writer.set("uniqueId", uniqueId)
        writer.set("contactPriority", contactPriority)
        return writer.value
    }
}
