import Foundation
import Testing

/// The layers of SwitchboardUI, checked on the sources: the update (and what it stands on)
/// never names a type of the view; geometry both need lives in Layout.
@Suite("Layering: the update knows no view")
struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SwitchboardUI")

    /// The Swift files of one folder of SwitchboardUI, by name, comments removed.
    static func code(in folder: String) throws -> [String: String] {
        let directory = sources.appendingPathComponent(folder)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            files[name] = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
            }.joined(separator: "\n")
        }
        return files
    }

    /// The types the View folder declares at the top level.
    static func viewTypes() throws -> Set<String> {
        let declaration = try Regex(#"(?m)^(?:public |internal |private |fileprivate )?(?:enum|struct|class|final class) ([A-Za-z_][A-Za-z0-9_]*)"#)
        var names: Set<String> = []
        for text in try code(in: "View").values {
            for match in text.matches(of: declaration) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        return names
    }

    /// Every use of a View type in `folder`, as "File.swift: Type".
    static func viewTypesUsed(in folder: String) throws -> [String] {
        let types = try viewTypes()
        var uses: [String] = []
        for (file, text) in try code(in: folder).sorted(by: { $0.key < $1.key }) {
            // Not \b: a Unicode word boundary does not fall inside "GridPane.cellMinutes".
            for type in types.sorted() where text.contains(try Regex("(?m)(^|[^A-Za-z0-9_])\(type)([^A-Za-z0-9_]|$)")) {
                uses.append("\(file): \(type)")
            }
        }
        return uses
    }

    @Test("the View folder's types are found (the check below can fail)")
    func viewTypesFound() throws {
        let types = try Self.viewTypes()
        let named: Set = ["AppView", "ListPane", "GridPane", "FormPane", "DetailPane", "DialogView", "PickerView",
                          "HelpScreen", "Chrome", "Theme", "ContactListsPane"]
        #expect(named.isSubset(of: types), "missing: \(named.subtracting(types).sorted())")
        #expect(try !Self.code(in: "Update").isEmpty)
    }

    @Test("Update names no View type", arguments: ["Update", "Keys", "Layout", "State", "Editing"])
    func noViewTypeBelowTheView(folder: String) throws {
        #expect(try Self.viewTypesUsed(in: folder) == [])
    }
}
