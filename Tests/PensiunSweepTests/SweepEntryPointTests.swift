import Foundation
import PensiunSweep
import Synchronization
import Testing

/// `SweepDriver.run(file:…)`, the entry point of `pensiun sweep`: from the sweep file to its
/// folder, with whole progress lines. `SweepCommandTests` (CLITests) checks the files written.
@Suite struct SweepEntryPointTests {
    @Test func aSweepFileRunsIntoItsFolderWithNamedProgress() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("grid.yaml").path
        try """
            name: entry-grid
            base: \(Fixtures.synthetic)
            parameters:
              - key: reform.dc.employer_rate
                values: [0.04, 0.08, 0.12]
            paths: 4

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let lines = Mutex<[String]>([])
        let out = base.appendingPathComponent("out").path
        let written = try SweepDriver.run(file: file, out: out, threads: 1, shard: SweepShard(parsing: "2/2"),
                                          provenance: SweepProvenance(version: "test", gitCommit: nil),
                                          progress: { line in lines.withLock { $0.append(line) } })
        #expect(written.folder == out)
        #expect(written.outcome.variants == 1)
        let progress = lines.withLock { $0 }
        #expect(progress.first == "sweep entry-grid (shard 2/2): 1 variants of 4 paths, 1 threads")
        #expect(progress.allSatisfy { $0.hasPrefix("sweep entry-grid (shard 2/2): ") })
        #expect(FileManager.default.fileExists(atPath: out + "/results.csv"))
    }
}
