/// Fuzzy matching for pickers: the query's characters must appear in order, ignoring case;
/// runs of consecutive characters and matches at word starts rank higher.
public enum FuzzyMatch {
    /// A score (higher is better) if `query` matches `candidate`, else nil. An empty query
    /// matches everything with score 0.
    public static func score(_ query: String, in candidate: String) -> Int? {
        let needle = Array(query.lowercased().filter { $0 != " " })
        guard !needle.isEmpty else { return 0 }
        let haystack = Array(candidate.lowercased())
        var score = 0
        var position = 0
        var previous = -2
        for wanted in needle {
            guard let found = haystack[position...].firstIndex(of: wanted) else { return nil }
            score += 1
            if found == previous + 1 { score += 5 }
            if found == 0 || "/_- ".contains(haystack[found - 1]) { score += 8 }
            previous = found
            position = found + 1
        }
        if haystack.count == needle.count { score += 20 }
        return score - haystack.count / 8
    }

    /// `candidates` that match `query`, best first; equal scores keep their order.
    public static func filter(_ candidates: [String], query: String) -> [String] {
        guard !query.allSatisfy({ $0 == " " }) else { return candidates }
        return candidates.enumerated()
            .compactMap { index, candidate in score(query, in: candidate).map { (index, candidate, $0) } }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
            .map(\.1)
    }
}
