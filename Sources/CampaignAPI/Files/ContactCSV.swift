import Foundation
import SwiftCSV

/// Phone numbers read from a CSV file for "add contacts", every row checked before anything is sent.
///
/// The number column is the one headed `phoneNumber`, `phone` or `number` (any case); a file of a
/// single column needs no such header (its first row is a header only when it holds no digit).
/// A number is digits with an optional leading `+`, 7 to 15 digits, surrounding blanks ignored.
/// Blank lines are skipped. A number may appear once unless the list allows duplicates (`+1555…`
/// and `1555…` count as the same number).
public struct ContactCSV: Equatable, Sendable {
    /// One row that cannot be sent, with the line of the file it is on (1-based, header included).
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The accepted numbers, in file order.
    public let phoneNumbers: [String]
    /// The line of each accepted number.
    public let lines: [Int]
    /// Every rejected row, in file order; when not empty, nothing should be sent.
    public let problems: [Problem]
    /// The header of the number column, or nil when the file has none.
    public let column: String?

    public static let acceptedHeaders = ["phonenumber", "phone", "number"]
    public static let digitRange = 7...15

    /// Parses `text`; throws `ContactCSV.FileError` only when the file as a whole cannot be read
    /// (not CSV, no number column). Bad rows are collected in `problems`.
    public init(text: String, allowDuplicates: Bool) throws(FileError) {
        let table: EnumeratedCSV
        do { table = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false) } catch {
            throw FileError("the file is not valid CSV: \(error)")
        }
        var rows = [table.header] + table.rows
        // SwiftCSV pads short rows; a blank line is a row of empty fields.
        var lines: [Int] = []
        var line = 1
        for row in rows {
            lines.append(line)
            line += 1 + row.reduce(0) { $0 + $1.filter(\.isNewline).count }
        }
        let header = rows.first ?? []
        let column: Int
        if let index = header.firstIndex(where: { Self.acceptedHeaders.contains(Self.headerKey($0)) }) {
            column = index
            self.column = header[index].trimmingCharacters(in: .whitespaces)
            rows.removeFirst()
            lines.removeFirst()
        } else if header.count == 1 {
            column = 0
            // A header has no digit in it; anything else is the first number, and is checked as one.
            if header[0].contains(where: \.isNumber) || header[0].trimmingCharacters(in: .whitespaces).isEmpty {
                self.column = nil
            } else {
                self.column = header[0].trimmingCharacters(in: .whitespaces)
                rows.removeFirst()
                lines.removeFirst()
            }
        } else if header.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw FileError("the file is empty")
        } else {
            throw FileError("no phone-number column: head one column phoneNumber, phone or number "
                + "(found \(header.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
        var numbers: [String] = []
        var numberLines: [Int] = []
        var problems: [Problem] = []
        var firstLine: [String: Int] = [:]
        for (row, line) in zip(rows, lines) {
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let cell = column < row.count ? row[column] : ""
            if let message = Self.check(cell) {
                problems.append(Problem(line: line, message: message))
                continue
            }
            let number = cell.trimmingCharacters(in: .whitespaces)
            let key = String(number.drop { $0 == "+" })
            if !allowDuplicates, let earlier = firstLine[key] {
                problems.append(Problem(line: line, message: "\(number) repeats line \(earlier) (the list does not allow duplicates)"))
                continue
            }
            firstLine[key] = firstLine[key] ?? line
            numbers.append(number)
            numberLines.append(line)
        }
        phoneNumbers = numbers
        self.lines = numberLines
        self.problems = problems
        if numbers.isEmpty, problems.isEmpty { throw FileError("the file holds no phone numbers") }
    }

    /// Reads the file at `path` (UTF-8, a byte-order mark is ignored).
    public init(path: String, allowDuplicates: Bool) throws(FileError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw FileError("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw FileError("\(path) is not UTF-8 text") }
        try self.init(text: text, allowDuplicates: allowDuplicates)
    }

    /// Why `cell` is not a phone number, or nil when it is one.
    public static func check(_ cell: String) -> String? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return "no phone number" }
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "\"\(printable(text))\" is not a phone number (digits with an optional leading +)"
        }
        guard digitRange.contains(digits.count) else {
            return "\(text) has \(digits.count) digits; a phone number has \(digitRange.lowerBound) to \(digitRange.upperBound)"
        }
        return nil
    }

    /// The text with control characters shown as `?`, so a report cannot move the terminal.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    static func headerKey(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "")
            .replacingOccurrences(of: " ", with: "")
    }

    /// The file as a whole cannot be used.
    public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// `phoneNumbers` cut into batches of at most `size`.
    public func batches(of size: Int) -> [[String]] {
        let size = max(1, size)
        return stride(from: 0, to: phoneNumbers.count, by: size).map { Array(phoneNumbers[$0..<min($0 + size, phoneNumbers.count)]) }
    }
}
