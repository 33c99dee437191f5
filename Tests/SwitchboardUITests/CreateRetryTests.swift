import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// A create that timed out or got a 5xx may still have been created: before offering "Ctrl-S
/// tries again", the app looks the name up and says what it found.
@Suite("Create retry: look before trying again", .serialized)
struct CreateRetryTests {
    /// Opens a new SMS simple campaign named `name`, every required field filled.
    static func fillNewSMS(_ app: UIHarness, name: String) async throws {
        try await app.press(.character("n"), .enter)
        try await app.focus(.name)
        try await app.type(name)
        try await app.focus(.contactLists)
        try await app.press(.enter)
        try await app.type("VIP")
        try await app.press(.tab, .enter)
        try await app.focus(.message)
        try await app.type("Hello")
        try await app.focus(.callerId)
        try await app.type("+14155550123")
    }

    static func count(named name: String, _ app: UIHarness) async throws -> Int {
        try await app.client.listAll(CampaignListRequest(type: .sms)).filter { $0.name == name }.count
    }

    @Test("the create failed with a 500 but the campaign exists: the app says so and opens it; no second create")
    func createdAnyway() async throws {
        try await withApp { app in
            try await app.start()
            let name = "Created despite the 500"
            try await Self.fillNewSMS(app, name: name)
            // The server made it, then lost the answer: here, made through the API, then a 500.
            let made = try await app.client.create(try #require(app.state.editor?.campaign))
            app.sandbox.failNextRequests(1)
            try await app.press(.control("s"), .enter)
            #expect(app.state.editor == nil)
            let notice = try #require(app.state.notice)
            #expect(notice.contains("a campaign named “\(name)” now exists (id \(made.id ?? "?"))"))
            #expect(notice.contains("it was created; opening it"))
            #expect(app.state.screen == .campaignDetail(id: made.id ?? ""))
            #expect(try await Self.count(named: name, app) == 1)
        }
    }

    @Test("the create failed with a 500 and nothing was made: the app says so, and Ctrl-S creates it once")
    func notCreated() async throws {
        try await withApp { app in
            try await app.start()
            let name = "Not created by the 500"
            try await Self.fillNewSMS(app, name: name)
            app.sandbox.failNextRequests(1)
            try await app.press(.control("s"), .enter)
            let failure = try #require(app.state.editor?.failure)
            #expect(failure.contains("no campaign named “\(name)” exists"))
            #expect(failure.contains("Ctrl-S tries again"))
            #expect(try await Self.count(named: name, app) == 0)
            try await app.press(.control("s"), .enter)
            #expect(app.state.editor == nil)
            #expect(try await Self.count(named: name, app) == 1)
        }
    }

    @Test("when the list fails too, the app says it cannot tell and does not offer Ctrl-S")
    func cannotTell() async throws {
        try await withApp { app in
            try await app.start()
            try await Self.fillNewSMS(app, name: "Unknown fate")
            app.sandbox.failNextRequests(8)  // the create, and every attempt of the list
            try await app.press(.control("s"), .enter)
            let failure = try #require(app.state.editor?.failure)
            #expect(failure.contains("whether “Unknown fate” was created is unknown"))
            #expect(!failure.contains("Ctrl-S tries again"))
        }
    }
}
