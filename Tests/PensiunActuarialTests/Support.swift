import Foundation
import Testing
@testable import PensiunActuarial

/// The package root, found from this file's path (Tests/PensiunActuarialTests/Support.swift).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The TMI IV 2019 table shipped with the scenarios.
let tmiPath = packageRoot.appendingPathComponent("Scenarios/mortality/tmi-iv-2019.csv").path

/// The Standard Ultimate Life Table (Dickson, Hardy and Waters): Makeham with A = 0.00022,
/// B = 2.7×10⁻⁶, c = 1.124, radix l₂₀ = 100,000, closed at 130.
let sultLaw = MortalityLaw.makeham(a: 0.00022, b: 2.7e-6, c: 1.124)

func sultTable() throws -> LifeTable {
    LifeTable(try sultLaw.table(firstAge: 20), radix: 100_000)
}

/// A published figure printed with `decimals` decimals must equal the computed value rounded to
/// that many decimals: |computed − published| ≤ half a unit of the last printed digit (plus 1e-9
/// of slack for the binary representation of the printed decimal).
func expectPublished(
    _ computed: Double, _ published: Double, decimals: Int, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let tolerance = 0.5 * pow(10, -Double(decimals)) + 1e-9 * max(1, abs(published))
    #expect(abs(computed - published) <= tolerance,
            "\(label): computed \(computed), published \(published) (±\(tolerance))",
            sourceLocation: sourceLocation)
}

/// |a − b| ≤ tol·max(1, |b|).
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    abs(a - b) <= tol * max(1, abs(b))
}

/// The description of the ActuarialError thrown by `body`, or nil when it succeeds.
/// (Any other error type is reported as such, so the comparison fails.)
func errorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as ActuarialError {
        return error.description
    } catch {
        return "unexpected \(type(of: error)): \(error)"
    }
}
