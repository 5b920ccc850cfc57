// swift-tools-version: 6.2
// Pensiun's coverage-guided fuzz targets (libFuzzer): a separate package that depends on the
// project by path, so the project's own build never sees the fuzzer flags. Build and run from the
// repository root with `make fuzz` (see README.md beside this file), or here:
//
//     swift build -c release --sanitize=fuzzer --product ScenarioLoaderFuzz
//     .build/release/ScenarioLoaderFuzz corpus/scenario -max_len=16384 -timeout=10
//
// `--sanitize=fuzzer` instruments every module (Yams and PensiunScenario included) for coverage
// and links libFuzzer, whose `main` drives `LLVMFuzzerTestOneInput`; `-parse-as-library` keeps
// Swift from emitting a `main` of its own.
import PackageDescription

let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "PensiunFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` lets the products below say `package: "Pensiun"` whatever the checkout folder is called.
        .package(name: "Pensiun", path: ".."),
    ],
    targets: [
        // ScenarioLoader.parse(yaml:file:) on the input as UTF-8 text.
        .executableTarget(
            name: "ScenarioLoaderFuzz",
            dependencies: [.product(name: "PensiunScenario", package: "Pensiun")],
            swiftSettings: fuzzTarget
        ),
        // MortalityTable.parseCSV(_:file:sex:), the public CSV reader of mortality tables.
        .executableTarget(
            name: "MortalityCSVFuzz",
            dependencies: [.product(name: "PensiunActuarial", package: "Pensiun")],
            swiftSettings: fuzzTarget
        ),
    ]
)
