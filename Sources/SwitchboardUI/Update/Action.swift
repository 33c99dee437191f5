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
public enum Action: Sendable {
    case input(InputEvent)
    case tick(Date)
    /// A page of a campaign load arrived: `loaded` of `total` so far.
    case campaignsPage(generation: Int, campaigns: [Campaign], loaded: Int, total: Int)
    case campaignsLoaded(generation: Int, Result<[Campaign], UIError>)
    case detailLoaded(id: String, Result<Campaign, UIError>)
    case contactListsLoaded(Result<[ContactList], UIError>)
    /// SIGTERM, SIGHUP or SIGINT reached the app.
    case signal(Int32)
    /// The campaign to edit, fetched fresh.
    case editLoaded(id: String, Result<Campaign, UIError>)
    /// The campaign changed on the server since the form opened; nothing was written.
    case saveConflict(current: Campaign)
    case saveFinished(Result<Campaign, SaveFailure>)
    /// A create failed (timeout, 5xx), yet a campaign of its name exists now: it was created.
    case createdDespiteFailure(Campaign, failure: String)
    case deleteFinished(CampaignRef, Result<String, UIError>)
    case triggerFinished(CampaignRef, start: Bool, Result<String, UIError>)
    /// Drafts left by earlier runs, found at start.
    case draftsFound([CampaignDraft])
    /// Writing or removing a draft failed.
    case draftFailed(String)
}

/// A save that did not go through: what to say, the fields the server named, and whether
/// trying again may help (5xx, timeouts).
public struct SaveFailure: Error, Equatable, Sendable {
    public let message: String
    public let issues: [ValidationIssue]
    public let retryable: Bool

    public init(message: String, issues: [ValidationIssue] = [], retryable: Bool = false) {
        self.message = message
        self.issues = issues
        self.retryable = retryable
    }
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

/// Work the update asks for; it runs outside the update and answers with actions.
public enum Effect: Equatable, Sendable {
    case loadCampaigns(generation: Int)
    case loadDetails([String])
    case loadContactLists
    case fetchForEdit(String)
    case save(SaveRequest)
    case deleteCampaign(CampaignRef)
    case trigger(CampaignRef, start: Bool)
    /// Runs at once, before the next key: a crash right after a keystroke keeps it.
    case writeDraft(CampaignDraft)
    case removeDraft(String)
}
