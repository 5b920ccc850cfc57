// swift-tools-version: 6.2
// Pensiun's benchmarks: a separate package on ordo-one/benchmark, depending on the project by path,
// so that the project itself never builds the benchmark harness. Run from this folder:
//
//     swift package benchmark --target PensiunBenchmarks
//
// See README.md beside this file.
import PackageDescription

let package = Package(
    name: "PensiunBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The project itself. `name:` lets the products below say `package: "Pensiun"` whatever the
        // checkout folder is called (a path dependency's identity is otherwise its folder name).
        .package(name: "Pensiun", path: ".."),
        // Only the MallocInterposer trait: the default set also enables RuntimeInterposer, whose
        // package (ordo-one/swift-runtime-interposer) is not among the packages this project can fetch.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // One executable per benchmark suite, in Benchmarks/<Name>/ (the plugin's convention); one file
        // per area inside it (RandomBenchmarks.swift, EconomyBenchmarks.swift, ...).
        .executableTarget(
            name: "PensiunBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PensiunRandom", package: "Pensiun"),
                .product(name: "PensiunEconomy", package: "Pensiun"),
                .product(name: "PensiunScenario", package: "Pensiun"),
                .product(name: "PensiunActuarial", package: "Pensiun"),
                .product(name: "PensiunEngine", package: "Pensiun"),
                .product(name: "PensiunSweep", package: "Pensiun"),
                "CMallocTuning",
            ],
            path: "Benchmarks/PensiunBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // glibc's malloc_trim, which Swift's Glibc module does not export.
        .target(name: "CMallocTuning", path: "Sources/CMallocTuning"),
    ]
)
