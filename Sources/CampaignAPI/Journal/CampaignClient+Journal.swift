import CampaignModel
import Foundation

/// Every request goes through here: writes are journaled (snapshot first where it applies, then
/// an audit line whatever the outcome) when `options.journal` is set; everything else, and
/// everything without a journal, goes straight to `transmit`.
extension CampaignClient {
    /// The audit log's name of each write operation.
    static let journaledOperations: [APIOperation: String] = [
        .createCampaign: "create", .updateCampaign: "update", .deleteCampaign: "delete",
        .startCampaign: "start", .stopCampaign: "stop",
        .enableSchedule: "schedule-enable", .disableSchedule: "schedule-disable",
        .createContactList: "contact-list-create", .updateContactList: "contact-list-update",
        .deleteContactList: "contact-list-delete", .addContacts: "contact-list-import",
    ]

    /// Operations that change a campaign's record or end its run: a snapshot is taken first.
    static let snapshotOperations: Set<APIOperation> = [.updateCampaign, .stopCampaign, .deleteCampaign]

    /// Sends one operation (see `transmit`), journaling it when it is a write.
    func send(_ operation: APIOperation, parameters: [String: String] = [:], body: JSONValue? = nil) async throws -> JSONValue {
        guard let journal = options.journal else { return try await transmit(operation, parameters: parameters, body: body) }
        guard let name = Self.journaledOperations[operation] else {
            let reply = try await transmit(operation, parameters: parameters, body: body)
            Self.rememberNames(operation, reply: reply, journal: journal)
            return reply
        }
        return try await journaled(operation, named: name, parameters: parameters, body: body, journal: journal)
    }

    private func journaled(_ operation: APIOperation, named name: String, parameters: [String: String], body: JSONValue?,
                           journal: WriteJournal) async throws -> JSONValue {
        let label = WriteLabel.current
        var entry = AuditEntry(time: Date(), profile: profile.name, host: profile.host.absoluteString, operation: label?.operation ?? name)
        entry.detail = label?.detail
        let bodyObject = body?.objectValue
        switch operation {
        case .createCampaign:
            entry.campaignName = bodyObject?["name"]?.stringValue
        case .updateCampaign, .deleteCampaign, .startCampaign, .stopCampaign:
            let id = parameters["campaignId"]
            entry.campaignId = id
            entry.campaignName = bodyObject?["name"]?.stringValue ?? journal.names.campaign(id)
            if Self.snapshotOperations.contains(operation), let id {
                try await takeSnapshot(of: id, before: operation, body: body, entry: &entry, journal: journal)
            }
        case .enableSchedule, .disableSchedule:
            entry.campaignName = parameters["campaignName"]
            entry.campaignId = journal.names.campaignId(named: parameters["campaignName"])
            if operation == .enableSchedule, let body {
                entry.changes = CampaignDiff.flatten(body, prefix: "schedule").map { AuditChange(field: $0.0, before: nil, after: $0.1) }
            }
        case .createContactList:
            entry.contactListName = bodyObject?["name"]?.stringValue
        case .updateContactList, .deleteContactList:
            let id = parameters["contactListId"]
            entry.contactListId = id
            entry.contactListName = journal.names.contactList(id)
            if operation == .updateContactList, let id, let bodyObject {
                let before = try? await transmit(.getContactList, parameters: ["contactListId": id]).objectValue?["data"]?.objectValue
                entry.contactListName = before?["name"]?.stringValue ?? entry.contactListName
                entry.changes = bodyObject.map { key, value in
                    AuditChange(field: key, before: before?[key]?.serialized(), after: value.serialized())
                }
            }
        case .addContacts:
            entry.contactListName = bodyObject?["contact_list_name"]?.stringValue
            let count = bodyObject?["data"]?.arrayValue?.count ?? 0
            entry.detail = [entry.detail, "\(count) number\(count == 1 ? "" : "s")"].compactMap { $0 }.joined(separator: "; ")
        default:
            break
        }
        let probe = ReplyProbe()
        let started = ContinuousClock.now
        do {
            let reply = try await ReplyProbe.$current.withValue(probe) {
                try await transmit(operation, parameters: parameters, body: body)
            }
            entry.succeeded = true
            entry.status = probe.status
            let object = reply.objectValue
            entry.message = object?["message"]?.stringValue ?? object?["msg"]?.stringValue
            let data = object?["data"]?.objectValue
            let newId = data?["_id"]?.stringValue ?? data?["id"]?.stringValue
            if operation == .createCampaign { entry.campaignId = newId }
            if operation == .createContactList { entry.contactListId = newId }
            if entry.campaignName == nil, [.deleteCampaign, .stopCampaign, .startCampaign].contains(operation) {
                entry.campaignName = data?["name"]?.stringValue
            }
            await finish(&entry, started: started, journal: journal)
            return reply
        } catch {
            if let api = error as? APIError {
                entry.status = api.status
                entry.message = api.serverMessage
                entry.error = api.summary
            } else if error is CancellationError {
                entry.error = "cancelled before an answer came"
            } else {
                entry.error = String(describing: error)
            }
            await finish(&entry, started: started, journal: journal)
            throw error
        }
    }

    /// Fetches the campaign's record and writes it as a snapshot; for an update, also the fields
    /// the update changes. A record that cannot be read or written is reported; the write goes on.
    private func takeSnapshot(of id: String, before operation: APIOperation, body: JSONValue?, entry: inout AuditEntry,
                              journal: WriteJournal) async throws {
        let record: JSONValue
        do {
            guard let data = try await transmit(.getCampaign, parameters: ["campaignId": id]).objectValue?["data"],
                  data.objectValue != nil else {
                throw APIError(kind: .badResponse, summary: "the server's reply has no record")
            }
            record = data
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as APIError where error.kind == .notFound {
            return
        } catch {
            journal.report("no snapshot of \(id) before \(entry.operation): it could not be read (\(await redact(String(describing: error))))")
            return
        }
        let name = record.objectValue?["name"]?.stringValue ?? entry.campaignName ?? ""
        entry.campaignName = entry.campaignName ?? name
        journal.names.rememberCampaign(id, name)
        if operation == .updateCampaign, let body {
            let old = (try? Campaign(json: record)).map { CampaignRequestBody.body(for: $0, operation: .update) } ?? record
            entry.changes = CampaignDiff.changes(from: old, to: body).map { AuditChange(field: $0.path, before: $0.old, after: $0.new) }
        }
        let snapshot = CampaignSnapshot(takenAt: Date(), profile: profile.name, host: profile.host.absoluteString,
                                        reason: entry.operation, campaignId: id, campaignName: name, record: record)
        do { entry.snapshot = try journal.snapshot(snapshot) } catch {
            journal.report("snapshot of \(name) (\(id)) not written: \(error); the \(entry.operation) goes on")
        }
    }

    /// Stamps the duration, hides every secret and token, and appends the line.
    private func finish(_ entry: inout AuditEntry, started: ContinuousClock.Instant, journal: WriteJournal) async {
        let elapsed = ContinuousClock.now - started
        entry.durationMs = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let redactor = Redactor(await tokens.secrets + journal.secrets)
        let line = entry.redacted { TokenMask.mask(redactor.redact($0)) }
        do { try journal.audit(line) } catch {
            journal.report("audit log not written: \(error); the \(entry.operation) was \(entry.succeeded ? "made" : "attempted") anyway")
        }
    }

    /// Keeps the names that reads bring back, so later lines about an id can name it.
    private static func rememberNames(_ operation: APIOperation, reply: JSONValue, journal: WriteJournal) {
        guard operation == .getCampaign || operation == .getContactList,
              let data = reply.objectValue?["data"]?.objectValue else { return }
        let id = data["_id"]?.stringValue ?? data["id"]?.stringValue
        if operation == .getCampaign { journal.names.rememberCampaign(id, data["name"]?.stringValue) }
        else { journal.names.rememberList(id, data["name"]?.stringValue) }
    }
}
