import Foundation
import Testing
@testable import PensiunSweep

/// The journal of a running sweep.
@Suite struct WorkFolderTests {
    func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-work-\(UUID().uuidString)").path
    }

    @Test func recordedVariantsAreFinishedAndReadBackWithoutTheirEndLine() throws {
        let path = folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let work = try WorkFolder(path: path, fingerprint: "plan A")
        try work.record(3, "3,a\n3,b\n")
        try work.record(12, "")
        #expect(work.finished() == [3, 12])
        #expect(try work.text(3) == "3,a\n3,b\n")
        #expect(try String(contentsOfFile: path + "/v0000003.txt", encoding: .utf8) == "3,a\n3,b\n#end 3\n")
        #expect(try work.text(12) == "")
    }

    @Test func anIncompleteFileIsDiscardedAndItsVariantRunsAgain() throws {
        let path = folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let work = try WorkFolder(path: path, fingerprint: "plan A")
        try work.record(1, "1,a\n")
        // What a power cut can leave: a renamed file that lost its end, an empty one, a temporary one.
        try "2,a\n2,b".write(toFile: path + "/v0000002.txt", atomically: false, encoding: .utf8)
        try "".write(toFile: path + "/v0000003.txt", atomically: false, encoding: .utf8)
        try "4,a\n#end 5\n".write(toFile: path + "/v0000004.txt", atomically: false, encoding: .utf8)
        #expect(work.finished() == [1])
        let left = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("v") }
        #expect(left == ["v0000001.txt"])
    }

    @Test func aFolderIsResumedOnlyByItsOwnSweepAndByOneProcessAtATime() throws {
        let path = folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first: WorkFolder? = try WorkFolder(path: path, fingerprint: "plan A")
        #expect(first != nil)
        #expect(throws: SweepError.self) { try WorkFolder(path: path, fingerprint: "plan A") }
        do { _ = try WorkFolder(path: path, fingerprint: "plan A") } catch let error as SweepError {
            #expect(error.message == "\(path): another pensiun process is using this folder (wait for it, or use another --out)")
        }
        first = nil
        #expect(try WorkFolder(path: path, fingerprint: "plan A").finished() == [])
        #expect(throws: SweepError.self) { try WorkFolder(path: path, fingerprint: "plan B") }
        try "x".write(toFile: path + "/.v0000009.txt.partial-123", atomically: false, encoding: .utf8)
        _ = try WorkFolder(path: path, fingerprint: "plan A")
        #expect(!FileManager.default.fileExists(atPath: path + "/.v0000009.txt.partial-123"))
    }

    @Test func shardsSplitVariantsRoundRobin() {
        #expect(SweepShard(parsing: "2/8") == SweepShard(index: 2, count: 8))
        for bad in ["0/3", "4/3", "1/0", "2", "a/b", "1/2/3"] { #expect(SweepShard(parsing: bad) == nil) }
    }
}
