import CampaignModel
import Foundation

/// An unsaved form, kept on disk while the user edits so that a crash or a dropped SSH
/// connection loses nothing; the next start offers it back.
public struct CampaignDraft: Equatable, Sendable, Codable {
    /// The file's name without extension: profile, then the campaign id or "new-…".
    public var key: String
    public var profile: String
    public var mode: CampaignEditor.Mode
    public var variant: String
    public var savedAt: Date
    /// The campaign the form started from.
    public var base: Campaign
    /// The campaign as the user left it.
    public var working: Campaign

    public init(key: String, profile: String, mode: CampaignEditor.Mode, variant: CampaignVariant, savedAt: Date,
                base: Campaign, working: Campaign) {
        self.key = key
        self.profile = profile
        self.mode = mode
        self.variant = variant.rawValue
        self.savedAt = savedAt
        self.base = base
        self.working = working
    }

    /// The form, as the user left it.
    public var editor: CampaignEditor {
        let kind = CampaignVariant(rawValue: variant) ?? working.variant ?? .smsSimple
        return CampaignEditor(mode: mode, base: base, variant: base.variant ?? kind, draftKey: key, working: working)
    }

    /// "<profile>-<campaign id>" for an edit, "<profile>-new-<stamp>" for a new campaign; only
    /// characters safe in a file name.
    public static func key(profile: String, campaignID: String?, now: Date) -> String {
        let raw = "\(profile)-" + (campaignID ?? "new-\(Int(now.timeIntervalSince1970 * 1000))")
        return String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }
}
