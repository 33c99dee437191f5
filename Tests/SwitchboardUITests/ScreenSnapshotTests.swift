import Foundation
import SnapshotTesting
import SwitchboardUI
import TerminalKit
import Testing

/// Every screen as text at 80×24 and 160×48, driven by keys against the sandbox. The reference
/// files live in __Snapshots__; a changed screen fails until it is looked at and re-recorded
/// (delete the file and run again).
@Suite("Screen snapshots", .serialized)
struct ScreenSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    /// Runs `steps` on a fresh app at each size and compares the screen with its snapshot.
    func snapshot(_ name: String, seed: Int = 40, steps: (UIHarness) async throws -> Void = { _ in },
                  fileID: StaticString = #fileID, file: StaticString = #filePath, line: UInt = #line) async throws {
        for size in Self.sizes {
            let screen = try await withApp(seed: seed, size: size) { app in
                try await app.start()
                try await steps(app)
                return app.screen
            }
            assertSnapshot(of: screen, as: .lines, named: "\(name)-\(size.width)x\(size.height)",
                           fileID: fileID, file: file, testName: "screen", line: line)
        }
    }

    @Test func campaignList() async throws {
        try await snapshot("list")
    }

    @Test func selectionMovedAndDetailFocused() async throws {
        try await snapshot("list-moved") { app in
            try await app.press(.character("j"), .character("j"), .character("j"), .tab, .character("j"))
        }
    }

    @Test func campaignDetail() async throws {
        try await snapshot("detail") { app in
            try await app.press(.character("j"), .enter)
        }
    }

    @Test func filteredAndSorted() async throws {
        try await snapshot("filtered") { app in
            try await app.press(.character("4"), .character("/"))
            try await app.type("status:active")
        }
    }

    @Test func voiceOnly() async throws {
        try await snapshot("voice") { app in
            try await app.press(.character("t"), .character("t"))
        }
    }

    @Test func help() async throws {
        try await snapshot("help") { app in try await app.press(.character("?")) }
    }

    @Test func palette() async throws {
        try await snapshot("palette") { app in
            try await app.press(.character(":"))
            try await app.type("co")
        }
    }

    @Test func contactLists() async throws {
        try await snapshot("contact-lists") { app in
            try await app.press(.character("L"), .character("j"))
        }
    }

    @Test func emptySandbox() async throws {
        try await snapshot("empty", seed: 0)
    }

    @Test func tooSmall() async throws {
        let screen = try await withApp(seed: 5, size: Size(width: 19, height: 5)) { app in
            try await app.start()
            return app.screen
        }
        assertSnapshot(of: screen, as: .lines, named: "too-small-19x5", testName: "screen")
    }
}
