/// Whether a contact list may be deleted: the server marks lists that campaigns use.
extension ContactList {
    /// The campaigns using the list, from `campaignInUse` (documented as campaign ids; an
    /// entry that is an object gives its `name`, else its `_id`/`id`).
    public var campaignsInUse: [String] {
        guard let entries = extras["campaignInUse"]?.arrayValue else { return [] }
        return entries.compactMap { entry in
            if let text = entry.stringValue { return text.isEmpty ? nil : text }
            guard let object = entry.objectValue else { return nil }
            return (object["name"] ?? object["_id"] ?? object["id"])?.stringValue
        }
    }

    /// In use when the server says so or names a campaign using it.
    public var isInUse: Bool { isListInUse == true || !campaignsInUse.isEmpty }
}
