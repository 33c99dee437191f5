import CampaignModel
import Foundation
import TerminalKit

/// A failure to show the user: one line, already fit for a supervisor.
public struct UIError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
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
}

/// Work the update asks for; it runs outside the update and answers with actions.
public enum Effect: Equatable, Sendable {
    case loadCampaigns(generation: Int)
    case loadDetails([String])
    case loadContactLists
}
