import Foundation

/// The message of a simple-format SMS campaign. The wire carries the text base64-encoded; this
/// type keeps the encoded form exactly as received and converts on demand.
public struct SMSMessage: Equatable, Sendable {
    /// The `message` field as on the wire (base64).
    public var encoded: String
    /// `template_name`: the pre-approved template the message follows, if any.
    public var templateName: String?
    /// `templateId`: the server's id of that template, or "" for none.
    public var templateId: String?
    public var extras = JSONObject()

    public init(encoded: String, templateName: String? = nil, templateId: String? = nil) {
        self.encoded = encoded
        self.templateName = templateName
        self.templateId = templateId
    }

    /// A message from plain text; the app, not the user, does the base64 encoding.
    public init(text: String, templateName: String? = nil, templateId: String? = nil) {
        self.init(encoded: Data(text.utf8).base64EncodedString(), templateName: templateName, templateId: templateId)
    }

    /// The plain text, or nil when `encoded` is not base64 of UTF-8 text (the docs' samples
    /// are masked and so are not). The platform returns the padding URL-encoded
    /// ("…Y3VzdG9tZXI%3D%3D"): the string is percent-decoded first, then base64-decoded.
    /// Reading never changes `encoded`, so an untouched message is sent back byte for byte.
    public var text: String? {
        get {
            let raw = encoded.contains("%") ? encoded.removingPercentEncoding : encoded
            guard var padded = raw?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
            if padded.count % 4 != 0 { padded += String(repeating: "=", count: 4 - padded.count % 4) }
            guard let data = Data(base64Encoded: padded) else { return nil }
            return String(data: data, encoding: .utf8)
        }
        set { encoded = Data((newValue ?? "").utf8).base64EncodedString() }
    }

    /// Whether a template is named: the "using a template" format.
    public var usesTemplate: Bool { !(templateName ?? "").isEmpty }
}
