/// Reads known fields out of a JSON object tolerantly. A field is taken only when its value can
/// be understood; everything left over (unknown keys, and known keys with values that could not be
/// read) stays in `rest`, so that writing the object back loses nothing.
struct ObjectReader {
    private(set) var rest: JSONObject

    init(_ object: JSONObject) { rest = object }

    /// Takes `key` when `transform` understands its value.
    mutating func take<T>(_ key: String, _ transform: (JSONValue) -> T?) -> T? {
        guard let value = rest[key], let result = transform(value) else { return nil }
        rest[key] = nil
        return result
    }

    /// Takes the first of `keys` that is present and understood.
    mutating func take<T>(anyOf keys: [String], _ transform: (JSONValue) -> T?) -> T? {
        for key in keys {
            if let result = take(key, transform) { return result }
        }
        return nil
    }

    mutating func string(_ key: String) -> String? { take(key) { $0.stringValue } }
    mutating func int(_ key: String) -> Int? { take(key) { $0.intValue } }
    mutating func bool(_ key: String) -> Bool? { take(key) { $0.boolValue } }
    mutating func object(_ key: String) -> JSONObject? { take(key) { $0.objectValue } }

    mutating func stringArray(_ key: String) -> [String]? {
        take(key) { value in
            guard let array = value.arrayValue else { return nil }
            let strings = array.compactMap(\.stringValue)
            return strings.count == array.count ? strings : nil
        }
    }
}

/// Builds a JSON object in a chosen key order, skipping absent values.
struct ObjectWriter {
    private(set) var object: JSONObject

    /// Starts from `base` (for example the fields that were not understood when reading),
    /// which later `set` calls override.
    init(base: JSONObject = JSONObject()) { object = base }

    mutating func set(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        object[key] = value
    }

    mutating func set(_ key: String, _ value: String?) { set(key, value.map(JSONValue.string)) }
    mutating func set(_ key: String, _ value: Int?) { set(key, value.map { JSONValue.number(Double($0)) }) }
    mutating func set(_ key: String, _ value: Bool?) { set(key, value.map(JSONValue.bool)) }
    mutating func set(_ key: String, _ value: JSONObject?) { set(key, value.map(JSONValue.object)) }
    mutating func set(_ key: String, _ value: [String]?) { set(key, value.map { .array($0.map(JSONValue.string)) }) }

    /// Adds the pairs of `extras` whose keys are not set yet, after the known ones.
    mutating func appendMissing(_ extras: JSONObject) {
        for (key, value) in extras where object[key] == nil { object[key] = value }
    }

    var value: JSONValue { .object(object) }
}
