import CampaignModel
import Foundation
import Testing

/// Issue 14: the shift board in a real terminal, on a sandbox whose dialer runs 60 times faster
/// than real time. Two voice campaigns are created and started through the CLI; the board must
/// show one's progress moving, warn that the other's window closes within 15 minutes, open a
/// campaign's contacts, and go back with Esc without quitting.
@Suite("The shift board end to end", .serialized)
struct BoardEndToEndTests {
    /// A progressive voice campaign on `list`, calling every day from midnight until `end` in `zone`.
    static func campaign(_ name: String, list: String, zone: String, end: String) -> String {
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            .map { #"{"day": "\#($0)", "start": "12:00 AM", "end": "\#(end)"}"# }.joined(separator: ", ")
        return """
        {"name": "\(name)", "campaignType": "voice", "dialingMode": "Progressive", "priority": "3",
         "contactLists": ["\(list)"], "queue_name": "Default Queue", "schedule": {"isSchedulingEnabled": false},
         "dialingStrategy": {"callerId": {"phoneNumber": "+14155550100"},
           "callingHours": {"frequency": "CUSTOM", "timezone": "\(zone)", "days": [\(days)]},
           "dialingOrder": "FIFO", "maxAttemptsPerRecord": 3, "defaultRetryPeriod": 10, "maxRingTime": 30}}
        """
    }

    /// A zone whose wall clock is far from midnight now, and the time 10 minutes from now there
    /// ("h:mm AM"): a window ending then closes within the board's 15-minute warning.
    static func closingSoon(now: Date = Date()) -> (zone: String, end: String) {
        for zone in ["UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            let end = now.addingTimeInterval(11 * 60)
            let parts = calendar.dateComponents([.hour, .minute], from: now)
            let minutes = parts.hour! * 60 + parts.minute!
            guard minutes > 30, minutes < 23 * 60 else { continue }
            let endParts = calendar.dateComponents([.hour, .minute], from: end)
            let hour = endParts.hour!, minute = endParts.minute!
            let text = "\(hour % 12 == 0 ? 12 : hour % 12):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "AM" : "PM")"
            return (zone, text)
        }
        return ("UTC", "11:45 PM")
    }

    /// The selected row's final count from the board's bottom line ("as of 10:00:00: 12/423 final").
    static func finalCount(_ screen: String) -> Int? {
        guard let range = screen.range(of: #"as of [0-9:]+: [0-9,]+/"#, options: .regularExpression) else { return nil }
        let text = screen[range].split(separator: " ").last!.dropLast().replacingOccurrences(of: ",", with: "")
        return Int(text)
    }

    @Test("progress moves while the sandbox dials; a window closing soon warns; Enter shows contacts; Esc goes back, never quits")
    func boardMoves() async throws {
        try await withCLI(seed: 0, configure: { $0.speed = 60 }) { cli in
            let closing = Self.closingSoon()
            let moving = try cli.file("moving.json", Self.campaign("Board moving", list: "Past-Due Accounts Q3", zone: "UTC", end: "11:45 PM"))
            let soon = try cli.file("soon.json", Self.campaign("Board closing", list: "Renewal Due - May/June 2025",
                                                               zone: closing.zone, end: closing.end))
            for file in [moving, soon] {
                let applied = try await cli.run(["campaign", "apply", "-f", file])
                #expect(applied.code == 0, "\(applied.all)")
            }
            let listed = try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue ?? []
            let ids = listed.compactMap { $0.objectValue?["_id"]?.stringValue }
            #expect(ids.count == 2)
            for id in ids {
                let started = try await cli.run(["campaign", "start", id])
                #expect(started.code == 0, "\(started.all)")
            }

            var environment = cli.environment
            environment["COLUMNS"] = nil
            environment["TERM"] = "xterm-256color"
            let tmux = try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) ui --refresh 0 --board-refresh 1",
                                       environment: environment)
            defer { tmux.close() }
            try await tmux.appears("2 campaigns (")
            try tmux.send("b")
            try await tmux.appears("Board (", "PROGRESS", "Board moving", "Board closing")
            // The closing campaign's window ends within 15 minutes: the board says so.
            try await tmux.appears("⚠ closes")

            // The moving campaign (selected by name order: "Board closing" is first, then j).
            try tmux.send("j")
            let first = try await tmux.shows("a complete count of “Board moving”") { screen in
                screen.contains("Board moving · as of") && Self.finalCount(screen) != nil
            }
            let before = try #require(Self.finalCount(first))
            // The dialer goes on: a later count has more contacts with a final outcome.
            try await tmux.shows("more final outcomes than \(before)", timeout: 60) { screen in
                screen.contains("Board moving · as of") && (Self.finalCount(screen) ?? 0) > before
            }

            // Its contacts: paged, with outcomes; Esc back to the board, then the list.
            try tmux.send("Enter")
            try await tmux.appears("Board moving contacts", "PHONE", "OUTCOME", "423 contacts")
            try tmux.send("Escape")
            try await tmux.appears("Board (", "PROGRESS")
            try tmux.send("Escape")
            try await tmux.appears("CALL WINDOW", "2 campaigns (")
            try await tmux.disappears("PROGRESS")
            #expect(tmux.isRunning)
        }
    }
}

extension TmuxSession {
    /// Waits until `predicate` holds for the screen; `what` names the condition in the failure.
    @discardableResult
    func shows(_ what: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(40))
        }
        throw TmuxFailure("\(what) did not show within \(timeout) s; the screen was:\n\(last)")
    }
}
