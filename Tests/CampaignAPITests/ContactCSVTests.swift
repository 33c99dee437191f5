import CampaignAPI
import Foundation
import Testing

@Suite("Reading phone numbers from CSV")
struct ContactCSVTests {
    @Test("the number column is found by its header, any case, among other columns")
    func headerColumn() throws {
        let csv = try ContactCSV(text: "firstName,PhoneNumber,city\nAda,+15550000001,London\nBob, 15550000002 ,Paris\n", allowDuplicates: false)
        #expect(csv.phoneNumbers == ["+15550000001", "15550000002"])
        #expect(csv.lines == [2, 3])
        #expect(csv.column == "PhoneNumber" && csv.problems.isEmpty)
        #expect(try ContactCSV(text: "name,phone\nA,5550000001", allowDuplicates: false).phoneNumbers == ["5550000001"])
    }

    @Test("a single column needs no header; a first cell without digits is its header")
    func singleColumn() throws {
        let bare = try ContactCSV(text: "+15550000001\r\n15550000002\r\n", allowDuplicates: false)
        #expect(bare.phoneNumbers == ["+15550000001", "15550000002"] && bare.column == nil && bare.lines == [1, 2])
        let named = try ContactCSV(text: "\u{FEFF}mobile\n15550000001\n", allowDuplicates: false)
        #expect(named.phoneNumbers == ["15550000001"] && named.column == "mobile")
        let badFirst = try ContactCSV(text: "12345\n15550000001\n", allowDuplicates: false)
        #expect(badFirst.problems.map(\.line) == [1], "a short number on line 1 is reported, not taken for a header")
    }

    @Test("every bad row is reported with its line; blank lines are skipped")
    func badRows() throws {
        let text = """
            name,phoneNumber
            A,+15550000001
            B,555-0100
            C,

            D,+123456
            E,1234567890123456
            "F, Jr.",15550000001
            "G
            (two lines)",+1555000000x
            H,+15550000009
            """
        let csv = try ContactCSV(text: text, allowDuplicates: false)
        #expect(csv.problems.map(\.line) == [3, 4, 6, 7, 8, 9])
        #expect(csv.problems[0].message.contains("555-0100"))
        #expect(csv.problems[1].message == "no phone number")
        #expect(csv.problems[2].message.contains("6 digits"))
        #expect(csv.problems[3].message.contains("16 digits"))
        #expect(csv.problems[4].message.contains("repeats line 2"), "+1555… and 1555… are the same number")
        #expect(csv.phoneNumbers == ["+15550000001", "+15550000009"])
        #expect(csv.lines == [2, 11], "the quoted two-line field moves the lines after it")
        #expect(csv.problems[0].description.hasPrefix("line 3: "))
    }

    @Test("duplicates pass when the list allows them")
    func duplicatesAllowed() throws {
        let csv = try ContactCSV(text: "phone\n15550000001\n15550000001\n", allowDuplicates: true)
        #expect(csv.phoneNumbers.count == 2 && csv.problems.isEmpty)
    }

    @Test("a file without a number column, an empty file, or broken quoting is refused as a whole",
          arguments: ["name,city\nA,B\n", "", "\n\n", "phone\n\"+1555000000\"1\n"])
    func refusedFiles(_ text: String) {
        #expect(throws: ContactCSV.FileError.self) { try ContactCSV(text: text, allowDuplicates: false) }
    }

    @Test("control characters in a bad cell are not echoed")
    func controlCharacters() throws {
        let csv = try ContactCSV(text: "phone\n\u{1B}[2J155\n", allowDuplicates: false)
        #expect(csv.problems.count == 1 && !csv.problems[0].message.contains("\u{1B}"))
    }

    @Test("batches keep the order and cut at the size", arguments: [1, 2, 3, 1000])
    func batches(_ size: Int) throws {
        let csv = try ContactCSV(text: (1...7).map { "1555000000\($0)" }.joined(separator: "\n"), allowDuplicates: false)
        let batches = csv.batches(of: size)
        #expect(batches.flatMap { $0 } == csv.phoneNumbers)
        #expect(batches.allSatisfy { $0.count <= size } && batches.count == (7 + size - 1) / size)
    }
}
