import Foundation

/// A JSON document held as plain values. Objects keep their key order, so request bodies are
/// written in the order the API docs show them and unknown fields survive a round trip.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The object, when this value is one.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array, when this value is one.
    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The text of a string value.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// An integer read tolerantly: `5`, `5.0` and `"5"` all give 5; `""` gives nil.
    public var intValue: Int? {
        switch self {
        case .number(let number) where number.rounded() == number && abs(number) < 9e15:
            return Int(number)
        case .string(let string):
            return Int(string.trimmingCharacters(in: .whitespaces))
        default:
            return nil
        }
    }

    /// A boolean read tolerantly: `true`, `"true"`, `"yes"`, `1` are true; their opposites false.
    public var boolValue: Bool? {
        switch self {
        case .bool(let bool): return bool
        case .number(let number): return number == 0 ? false : (number == 1 ? true : nil)
        case .string(let string):
            switch string.lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }
}

/// A JSON object whose keys keep their insertion order.
public struct JSONObject: Equatable, Sendable, Sequence {
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            let key = keys[index]
            return (key, storage[key]!)
        }
    }

    /// Equal when they hold the same keys and values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage == rhs.storage
    }

    /// Adds every pair of `other`, replacing values of keys already present.
    public mutating func merge(_ other: JSONObject) {
        for (key, value) in other { self[key] = value }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}
