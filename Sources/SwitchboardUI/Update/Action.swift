import CampaignAPI
import CampaignModel
import Foundation
import TerminalKit

/// A failure to show the user: one line, already fit for a supervisor.
public struct UIError: Error, Equatable, Sendable {
    public let message: String
    /// Reaching or being served by the server failed (no connection, a timeout, a 5xx, a rate
    /// limit): a later successful answer shows the problem is gone.
    public let isConnectivity: Bool
    public init(_ message: String, isConnectivity: Bool = false) {
        self.message = message
        self.isConnectivity = isConnectivity
    }
}

/// Everything that can change the state: input, time, and the answers of background work.
public enum Action: Equatable, Sendable {
    case input(InputEvent)
    case tick(Date)
    /// A page of a campaign load arrived: `loaded` of `total` so far.
    case campaignsPage(generation: Int, campaigns: [Campaign], loaded: Int, total: Int)
    /// Every page of the load arrived (the pages came as `campaignsPage`); success carries how
    /// many campaigns the server listed.
    case campaignsLoaded(generation: Int, Result<Int, ListLoadFailure>)
    case detailLoaded(id: String, Result<Campaign, UIError>)
    case contactListsLoaded(Result<[ContactList], UIError>)
    /// The audit log was read (`:audit`).
    case auditLoaded(AuditLoad)
    /// The snapshots were listed (`:snapshots`).
    case snapshotsLoaded(SnapshotsLoad)
    /// What restoring the snapshot (by name) would do, or why it cannot be worked out.
    case restorePlanned(String, Result<RestoreProposal, UIError>)
    /// A confirmed restore ended.
    case restoreFinished(RestoreProposal, Result<RestoreResult, UIError>)
    /// SIGTERM, SIGHUP or SIGINT reached the app.
    case signal(Int32)
    /// The campaign to edit, fetched fresh.
    case editLoaded(id: String, Result<Campaign, UIError>)
    /// The campaign changed on the server since the form opened; nothing was written.
    case saveConflict(current: Campaign)
    case saveFinished(Result<Campaign, SaveFailure>)
    /// A create failed (timeout, 5xx); the campaigns of its type were listed to see whether it
    /// went through anyway.
    case createLookedUp(name: String, failure: SaveFailure, CreateLookup)
    /// The campaign was deleted (nil) or not (the error).
    case deleteFinished(CampaignRef, failure: UIError?)
    /// Started or stopped, with the server's own message if it gave one; or not.
    case triggerFinished(CampaignRef, start: Bool, Result<String?, UIError>)
    /// Drafts left by earlier runs, found at start.
    case draftsFound([CampaignDraft])
    /// Writing or removing a draft failed.
    case draftFailed(String)
    /// The time a `.wake` asked for has come.
    case woke(EffectID)
    /// One page of a board row's contact count (`generation` names the count it belongs to).
    case boardCountPage(id: String, generation: Int, BoardCountPage)
    /// A board row's count stopped on an error.
    case boardCountFailed(id: String, generation: Int, UIError)
    /// A board row's status as the server had it when its count began (the list's may be older).
    case boardStatusLoaded(id: String, generation: Int, CampaignStatus)
    /// A page of the contacts screen's campaign, or why it could not be read.
    case contactsPageLoaded(campaignID: String, page: Int, Result<CampaignContactsPage, UIError>)
    /// One campaign of a bulk run answered.
    case bulkFinished(BulkRequest, Result<BulkDone, BulkFailure>)
}

/// What one page of a count adds: its contacts' tally, and whether it was the last page.
public struct BoardCountPage: Equatable, Sendable {
    public let tally: OutcomeTally
    public let page: Int
    public let isLast: Bool
    /// The server's total of contacts, as the page says it.
    public let totalResults: Int?

    public init(tally: OutcomeTally, page: Int, isLast: Bool, totalResults: Int?) {
        self.tally = tally
        self.page = page
        self.isLast = isLast
        self.totalResults = totalResults
    }
}

/// A save that did not go through, as the API said it: the kind of failure (nil when it was not
/// an API error), its description, the fields the server named, and whether trying again may
/// help (5xx, timeouts, no connection, a rate limit). The update words it for the user.
public struct SaveFailure: Error, Equatable, Sendable {
    public let kind: APIError.Kind?
    public let description: String
    public let issues: [ValidationIssue]
    public let retryable: Bool

    public init(kind: APIError.Kind?, description: String, issues: [ValidationIssue] = [], retryable: Bool = false) {
        self.kind = kind
        self.description = description
        self.issues = issues
        self.retryable = retryable
    }
}

/// A list load in which one type or both failed, each with its error (SMS first); the update
/// words it ("voice campaigns not loaded: …").
public struct ListLoadFailure: Error, Equatable, Sendable {
    public struct TypeFailure: Equatable, Sendable {
        public let type: CampaignType
        public let error: UIError
    }

    public let failures: [TypeFailure]

    public init(_ failures: [(CampaignType, UIError)]) {
        self.failures = failures.map { TypeFailure(type: $0.0, error: $0.1) }
    }

    /// A reach-or-serve failure: the next successful answer shows it is over.
    public var isConnectivity: Bool { failures.first?.error.isConnectivity ?? false }
}

/// What a look for a campaign whose create failed found.
public enum CreateLookup: Equatable, Sendable {
    /// A campaign of that name exists now: the create went through.
    case found(Campaign)
    case notFound
    /// The list could not be read either.
    case failed(UIError)
}

/// What a save sends, and what it expects to find on the server first.
public struct SaveRequest: Equatable, Sendable {
    public let campaign: Campaign
    public let mode: CampaignEditor.Mode
    /// The `updatedAt` the form started from; a different one on the server is a conflict.
    public let expectedUpdatedAt: String?
    /// Write even if the server's copy changed (the user chose to overwrite).
    public let overwrite: Bool
}

/// Work the update asks for; it runs outside the update and answers with actions. Quitting,
/// repainting and suspending are effects too: the store keeps them for the terminal loop.
public enum Effect: Equatable, Sendable {
    case loadCampaigns(generation: Int)
    /// The full record of one campaign (the runner fetches a few at a time).
    case loadDetail(String)
    case loadContactLists
    /// Reads the audit log; answers `.auditLoaded`.
    case loadAudit
    /// Lists the snapshots; answers `.snapshotsLoaded`.
    case loadSnapshots
    /// Works out what restoring a snapshot would do; answers `.restorePlanned`.
    case planRestore(StoredSnapshot)
    /// Carries out a confirmed restore; answers `.restoreFinished`.
    case restore(RestoreProposal)
    case fetchForEdit(String)
    case save(SaveRequest)
    case deleteCampaign(CampaignRef)
    case trigger(CampaignRef, start: Bool)
    /// Runs at once, before the next key: a crash right after a keystroke keeps it.
    case writeDraft(CampaignDraft)
    case removeDraft(String)
    /// The program ends.
    case quit
    /// The whole terminal is drawn again (Ctrl-L).
    case repaint
    /// The terminal is given back until the shell continues the program (Ctrl-Z).
    case suspend
    /// Stops the running work started under `id`; it answers nothing.
    /// Answers `.woke(id)` after `delay`; a newer wake under the same id replaces it (a timer
    /// that restarts with each key).
    case wake(EffectID, after: Duration)
    case cancel(EffectID)
    /// Counts a board row's contacts page by page (a few rows at a time), answering each page.
    case countContacts(campaignID: String, generation: Int)
    /// One page of the contacts screen's campaign.
    case loadContactsPage(campaignID: String, page: Int)
    /// Every page of the contacts screen's campaign, from `fromPage` on (for a sort or filter).
    case loadAllContacts(campaignID: String, fromPage: Int)
    /// One campaign of a bulk run (never cancelled: once sent it finishes and reports).
    case bulk(BulkRequest)

    /// The id under which this work can be cancelled; starting work under an id that is still
    /// running cancels the older one.
    public var cancelID: EffectID? {
        switch self {
        case .loadCampaigns: return .campaignLoad
        case .loadDetail(let id): return .detail(id)
        case .wake(let id, _): return id
        case .countContacts(let id, _): return .boardCounts(id)
        case .loadContactsPage(let id, let page): return .contactsPage(id, page)
        case .loadAllContacts(let id, _): return .allContacts(id)
        default: return nil
        }
    }
}

/// Names running work so that a later effect can cancel it.
public enum EffectID: Hashable, Sendable {
    /// The campaign list load.
    case campaignLoad
    /// The pause after a navigation key that ends a burst of them (the preview then catches up).
    case keysSettled
    /// The detail fetch of one campaign.
    case detail(String)
    /// The contact count of one board row.
    case boardCounts(String)
    /// The pause after a navigation key on the board or the contacts screen (new counts and
    /// page reads wait for it during a burst).
    case boardKeysSettled
    /// One page of a campaign's contacts.
    case contactsPage(String, Int)
    /// Every page of a campaign's contacts.
    case allContacts(String)
}
