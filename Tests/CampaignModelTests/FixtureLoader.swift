import Foundation
import Testing
@testable import CampaignModel

/// Reads the copied API samples under `Fixtures/`.
enum Fixtures {
    static func names(_ folder: String) -> [String] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(folder)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func data(_ folder: String, _ name: String) throws -> Data {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(folder)/\(name).json")
        return try Data(contentsOf: url)
    }

    static func json(_ folder: String, _ name: String) throws -> JSONValue {
        try JSONValue.parse(data(folder, name))
    }

    static func response(_ name: String) throws -> APIEnvelope { try APIEnvelope(json: json("responses", name)) }

    static func campaignResponse(_ name: String) throws -> Campaign { try response(name).campaign() }

    static func request(_ name: String) throws -> Campaign { try Campaign(json: json("requests", name)) }
}
