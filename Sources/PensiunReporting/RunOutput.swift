import Foundation
import PensiunEngine

/// The files of a run folder, written atomically: `summary.md`, `summary.json`, `yearly.csv`,
/// `paths.csv`, `profiles.csv`, `manifest.json`, `report.html` (and `results.bin` for a partial run
/// over a path range).
public enum RunOutput {
    public static func write(_ report: RunReport, to folder: String, partial: Bool) throws {
        let writer = try RunFolderWriter(path: folder)
        do {
            if partial {
                try writer.write(ResultsArchive.fileName, ResultsArchive.encode(report.results))
            }
            try writer.write("summary.md", "# \(report.scenario.name)\n\n" + SummaryText.render(report, markdown: true))
            try writer.write("summary.json", RunJSON.summary(report))
            try writer.write("yearly.csv", RunFiles.yearly(report))
            try writer.write("paths.csv", RunFiles.paths(report))
            try writer.write("profiles.csv", ProfileTable.render(report))
            try writer.write("manifest.json", RunJSON.manifest(report))
            try writer.write("report.html", HTMLReport.render(report))
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}

extension RunFolderWriter {
    /// Writes binary data as one file of the folder.
    public func write(_ name: String, _ data: Data) throws {
        try data.write(to: temporary.appendingPathComponent(name))
    }
}
