// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CampaignModel", targets: ["CampaignModel"]),
    ],
    targets: [
        .target(name: "CampaignModel"),
        .testTarget(
            name: "CampaignModelTests",
            dependencies: ["CampaignModel"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
