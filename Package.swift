// swift-tools-version: 6.2
// Pensiun: Monte Carlo projection of public-sector DB -> DC pension reform.
import Foundation
import PackageDescription

/// Every Pensiun target is compiled in the Swift 6 language mode with warnings treated as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

/// The lane engine's 4-wide vectors run on AVX2 on x86-64 (any x86-64 server processor since
/// 2013). The numbers do not change: Swift never fuses a multiply and an add on its own.
/// `PENSIUN_PORTABLE=1` builds for the baseline x86-64 instead (BENCHMARKS.md).
var engineSettings = strict
#if arch(x86_64)
if ProcessInfo.processInfo.environment["PENSIUN_PORTABLE"] == nil {
    engineSettings.append(.unsafeFlags(["-target-cpu", "haswell"]))
}
#endif

let package = Package(
    name: "Pensiun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pensiun", targets: ["pensiun"]),
        .library(name: "PensiunRandom", targets: ["PensiunRandom"]),
        .library(name: "PensiunActuarial", targets: ["PensiunActuarial"]),
        .library(name: "PensiunEconomy", targets: ["PensiunEconomy"]),
        .library(name: "PensiunInputs", targets: ["PensiunInputs"]),
        .library(name: "PensiunScenario", targets: ["PensiunScenario"]),
        .library(name: "PensiunEngine", targets: ["PensiunEngine"]),
        .library(name: "PensiunSweep", targets: ["PensiunSweep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "PensiunRandom", dependencies: ["CGSL"], swiftSettings: strict),
        .target(name: "PensiunActuarial", dependencies: ["PensiunRandom"], swiftSettings: strict),
        .target(name: "PensiunMonteCarlo", dependencies: ["PensiunRandom"], swiftSettings: strict),
        .target(name: "PensiunEconomy", dependencies: ["PensiunRandom", "PensiunMonteCarlo"], swiftSettings: strict),
        // The input model: what a resolved scenario is. The scenario reader produces it, the engine
        // consumes it; neither of those two imports the other.
        .target(
            name: "PensiunInputs",
            dependencies: ["PensiunActuarial", "PensiunEconomy", "PensiunRandom"],
            swiftSettings: strict
        ),
        .target(
            name: "PensiunScenario",
            dependencies: [
                "PensiunInputs", "PensiunEconomy", "PensiunActuarial", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PensiunEngine",
            dependencies: ["PensiunInputs", "PensiunEconomy", "PensiunMonteCarlo", "PensiunRandom", "PensiunActuarial"],
            swiftSettings: engineSettings
        ),
        .target(
            name: "PensiunReporting",
            dependencies: ["PensiunEconomy", "PensiunMonteCarlo", "PensiunInputs", "PensiunEngine", "PensiunScenario"],
            swiftSettings: strict
        ),
        .target(
            name: "PensiunSweep",
            dependencies: ["CGSL", "PensiunScenario", "PensiunEngine", "PensiunRandom", "PensiunMonteCarlo", "PensiunReporting"],
            swiftSettings: strict
        ),
        // What each command does, one entry point each: run, validate, calibrate, esg, solve, compare
        // two run folders, join shards, Slurm job arrays (issue 17).
        .target(
            name: "PensiunRuns",
            dependencies: ["PensiunReporting", "PensiunScenario", "PensiunInputs", "PensiunEngine", "PensiunEconomy", "PensiunSweep"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pensiun",
            dependencies: [
                "PensiunScenario", "PensiunRandom", "PensiunReporting", "PensiunActuarial", "PensiunSweep", "PensiunRuns",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Helpers shared by the statistical tests (sample moments, 4-standard-error checks).
        .target(name: "PensiunTestSupport", path: "Tests/PensiunTestSupport", swiftSettings: strict),
        .testTarget(name: "PensiunRandomTests", dependencies: ["PensiunRandom", "PensiunTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PensiunActuarialTests", dependencies: ["PensiunActuarial", "PensiunRandom"], swiftSettings: strict),
        .testTarget(name: "PensiunMonteCarloTests", dependencies: ["PensiunMonteCarlo", "PensiunTestSupport"], swiftSettings: strict),
        .testTarget(name: "PensiunEconomyTests", dependencies: ["PensiunEconomy", "PensiunTestSupport"], swiftSettings: strict),
        .testTarget(name: "PensiunScenarioTests", dependencies: ["PensiunScenario", "PensiunInputs", "PensiunEngine"], swiftSettings: strict),
        .testTarget(
            name: "PensiunEngineTests",
            dependencies: ["PensiunInputs", "PensiunEngine", "PensiunEconomy", "PensiunActuarial", "PensiunRandom", "PensiunMonteCarlo"],
            swiftSettings: strict),
        .testTarget(
            name: "PensiunReportingTests",
            dependencies: ["PensiunReporting", "PensiunEngine", "PensiunScenario", "PensiunMonteCarlo"],
            exclude: ["Golden"],
            swiftSettings: strict),
        .testTarget(
            name: "PensiunSweepTests", dependencies: ["PensiunSweep", "PensiunScenario", "PensiunEngine", "PensiunTestSupport"], swiftSettings: strict),
        .testTarget(name: "PensiunRunsTests", dependencies: ["PensiunRuns", "PensiunReporting", "PensiunScenario", "PensiunTestSupport"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["pensiun", "PensiunReporting", "PensiunTestSupport"], swiftSettings: strict),
    ]
)
