import CampaignModel
import Foundation
import Yams

/// YAML ⇄ `JSONValue`, keeping key order, for config, apply and export files.
public enum YAMLBridge {
    /// Parses YAML (or JSON, which is YAML) into a value. An empty document is `null`.
    public static func parse(_ text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return value(of: node)
    }

    /// A YAML error as "line L, column C: problem", without the snippet of the offending line
    /// that Yams prints (a config line can hold an inline secret).
    public static func describe(_ error: any Error) -> String {
        guard let yaml = error as? YamlError else { return "the text cannot be read as YAML" }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): " + (context.map { $0.text + " (line \($0.mark.line)), " } ?? "") + problem
        case .reader(let problem, _, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "line \(context.mark.line): duplicated keys \(duplicates.sorted().joined(separator: ", "))"
        default:
            return yaml.description
        }
    }

    /// Every document of a multi-document YAML stream ("---" separated).
    public static func parseAll(_ text: String) throws -> [JSONValue] {
        try Yams.compose_all(yaml: text).map(value(of:))
    }

    /// YAML text for a value, block style, keys in their order.
    public static func serialize(_ value: JSONValue) throws -> String {
        try Yams.serialize(node: node(of: value), indent: 2, width: -1, allowUnicode: true)
    }

    static func value(of node: Node) -> JSONValue {
        switch node {
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping { object[key.string ?? ""] = Self.value(of: value) }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.map(value(of:)))
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .alias:
            return .null
        }
    }

    static func node(of value: JSONValue) -> Node {
        switch value {
        case .null: return Node("null")
        case .bool(let bool): return Node(bool ? "true" : "false")
        case .number: return Node(value.serialized())
        case .string(let string):
            // Quote whatever YAML would otherwise read as something other than this string.
            let plain = Node(string)
            let needsQuotes = plain.tag.rawValue != Tag.Name.str.rawValue || string.isEmpty || string != string.trimmingCharacters(in: .whitespaces)
                || string.contains(": ") || string.hasPrefix("#") || string.contains(" #")
            return Node(string, Tag(.str), needsQuotes ? .doubleQuoted : .any)
        case .array(let array): return Node(array.map(node(of:)))
        case .object(let object): return Node(object.map { (Node($0.key, Tag(.str)), node(of: $0.value)) })
        }
    }
}
