import CampaignModel
import Foundation
import SwitchboardUI
import TerminalKit
import Testing

@Suite("Browsing campaigns headless against the sandbox")
struct BrowseTests {
    @Test("the first load lists every campaign and fetches the details on screen")
    func firstLoad() async throws {
        try await withApp(seed: 30) { app in
            try await app.start()
            #expect(app.state.list.rows.count == 30)
            #expect(app.state.load.isLoading == false)
            print(app.screen)
        }
    }
}
