import CampaignAPI
import CampaignModel
import Foundation
import TerminalKit
import Testing
@testable import SwitchboardUI

/// The board and the contacts screen against the in-process sandbox: the integration of the
/// pure tests in BoardTests and ContactsScreenTests.
@Suite("Board against the sandbox", .serialized)
struct BoardSandboxTests {
    @Test("b counts the rows on screen to the end through the contacts view; Enter lists a campaign's contacts")
    func boardOnTheSandbox() async throws {
        // Small lists: every row on screen is counted to the end, and a debug build on a busy
        // 2-core machine took 35 s over the seeded lists of up to 50,000 contacts.
        try await withApp(seed: 12, size: Size(width: 120, height: 16), configure: { $0.maxSeededListContacts = 600 }) { app in
            try await app.start()
            try await app.press(.character("b"))
            #expect(app.state.screen == .board)
            let onScreen = app.state.board.onScreen(height: BoardLayout(app.state).rows)
            try #require(!onScreen.isEmpty, "no campaign on the board: \(app.screen)")
            #expect(app.state.board.counting.isEmpty)
            for id in onScreen {
                let count = app.state.board.counts[id]
                #expect(count?.last != nil && count?.failure == nil, "\(id): \(String(describing: count))")
                // Every contact is counted once: the total is the server's.
                let first = try await app.client.contactsPage(id, page: 1, limit: 100)
                #expect(count?.last?.total == first.totalResults)
            }
            #expect(app.screen.contains("AS OF"))
            try await app.press(.enter)
            let contacts = try #require(app.state.contacts)
            #expect(contacts.total == app.state.board.counts[contacts.campaignID]?.last?.total)
            if (contacts.total ?? 0) > 0 {
                #expect(app.screen.contains("PHONE") && contacts.contact(atPosition: 0) != nil)
            }
            try await app.press(.escape)
            #expect(app.state.screen == .board && app.state.contacts == nil)
        }
    }
}
