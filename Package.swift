// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "CampaignModel", targets: ["CampaignModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", from: "0.10.0"),
    ],
    targets: [
        // Domain types, wire format, validation, calling-hours engine. Foundation only.
        .target(name: "CampaignModel"),
        // A local emulator of the Campaign Management API: Hummingbird, JWT, SQLite.
        .target(
            name: "CampaignSandbox",
            dependencies: [
                "CampaignModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The only code that speaks HTTP: client, JWT auth, profiles, YAML files.
        .target(
            name: "CampaignAPI",
            dependencies: [
                "CampaignModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // ncursesw, through a shim header (wide-character API, C globals and macros as functions).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Cell canvas, ncurses and headless backends, keys, the event loop. Knows nothing of campaigns.
        .target(name: "TerminalKit", dependencies: ["CNcursesw"]),
        // State, actions, the pure update, view-models and screens; runs effects through CampaignAPI.
        .target(name: "SwitchboardUI", dependencies: ["TerminalKit", "CampaignModel", "CampaignAPI"]),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "CampaignModel", "CampaignSandbox", "CampaignAPI", "TerminalKit", "SwitchboardUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "switchboard-bench",
            dependencies: [
                "CampaignModel", "CampaignSandbox", "CampaignAPI", "TerminalKit", "SwitchboardUI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/Benchmarks"
        ),
        .testTarget(
            name: "CampaignModelTests",
            dependencies: ["CampaignModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CampaignSandboxTests",
            dependencies: [
                "CampaignSandbox", "CampaignModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CampaignAPITests",
            dependencies: [
                "CampaignAPI", "CampaignSandbox", "CampaignModel",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TerminalKitTests",
            dependencies: ["TerminalKit", "CNcursesw"]
        ),
        .testTarget(
            name: "SwitchboardUITests",
            dependencies: [
                "SwitchboardUI", "TerminalKit", "CampaignAPI", "CampaignSandbox", "CampaignModel",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "SwitchboardCLITests",
            dependencies: [
                "CampaignAPI", "CampaignSandbox", "CampaignModel", "TerminalKit",
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
    ]
)
