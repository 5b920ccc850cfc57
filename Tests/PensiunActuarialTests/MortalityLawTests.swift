import Foundation
import Testing
@testable import PensiunActuarial

@Suite("Mortality laws and SPECs")
struct MortalityLawTests {
    /// ∫ₓ^{x+1} μ by composite Simpson's rule with 2,000 panels: a different computation of the
    /// cumulative hazard than the closed form.
    func simpson(_ law: MortalityLaw, from x: Double) -> Double {
        let n = 2000
        let h = 1.0 / Double(n)
        var sum = law.force(at: x) + law.force(at: x + 1)
        for k in 1..<n { sum += (k % 2 == 1 ? 4 : 2) * law.force(at: x + Double(k) * h) }
        return sum * h / 3
    }

    @Test("qₓ = 1 − exp(−∫ₓ^{x+1} μ) in closed form equals numerical integration",
          arguments: [MortalityLaw.makeham(a: 0.00022, b: 2.7e-6, c: 1.124), .gompertz(b: 3e-5, c: 1.1), .makeham(a: 0.001, b: 0, c: 1.1), .gompertz(b: 0.01, c: 1)])
    func closedForm(_ law: MortalityLaw) throws {
        let table = try law.table()
        #expect(table.firstAge == 0 && table.lastAge == 130 && table.q(130) == 1)
        for x in stride(from: 0, through: 120, by: 10) {
            let numeric = 1 - exp(-simpson(law, from: Double(x)))
            #expect(abs(table.q(x) - numeric) <= 1e-12 * max(1, numeric) + 1e-15, "\(law) at \(x)")
        }
    }

    @Test("Gompertz is Makeham with A = 0; survival over t years multiplies over years")
    func gompertzMakeham() throws {
        let g = MortalityLaw.gompertz(b: 3e-5, c: 1.1)
        let m = MortalityLaw.makeham(a: 0, b: 3e-5, c: 1.1)
        #expect(try g.table().rates == m.table().rates)
        let tenYears = g.survival(from: 50, over: 10)
        let product = (50..<60).reduce(1.0) { $0 * (1 - g.q(at: $1)) }
        #expect(close(tenYears, product, 1e-13))
        #expect(errorMessage { _ = try MortalityLaw.makeham(a: -1, b: 1e-5, c: 1.1).table() }
                == "makeham(A=-1.0, B=1e-05, c=1.1): A must be a finite number ≥ 0")
        #expect(errorMessage { _ = try MortalityLaw.gompertz(b: 1e-5, c: 1.1).table(firstAge: 50, closingAge: 40) }
                == "gompertz(B=1e-05, c=1.1): cannot tabulate from age 50 to closing age 40")
    }

    @Test("SPECs: laws with any case and spacing, and CSV paths")
    func specParsing() throws {
        #expect(try MortalityBasisSpec(parsing: "makeham:A=0.00022,B=2.7e-6,c=1.124") == .law(.makeham(a: 0.00022, b: 2.7e-6, c: 1.124)))
        #expect(try MortalityBasisSpec(parsing: " Gompertz: b = 3e-5 , C=1.1") == .law(.gompertz(b: 3e-5, c: 1.1)))
        #expect(try MortalityBasisSpec(parsing: tmiPath) == .table(path: tmiPath))
        #expect(try MortalityBasisSpec(parsing: tmiPath).load(sex: .male).q(0) == 0.00524)
        #expect(try MortalityBasisSpec(parsing: "gompertz:B=3e-5,c=1.1").load(sex: nil).lastAge == 130)
    }

    @Test("Every SPEC error, with its wording")
    func specErrors() {
        let forms = "expected makeham:A=…,B=…,c=…, gompertz:B=…,c=…, or the path of a CSV table"
        let cases: [(String, String)] = [
            ("", "mortality '': empty; \(forms)"),
            ("weibull:k=1", "mortality 'weibull:k=1': unknown mortality law 'weibull'; \(forms)"),
            ("makeham:A=0.1,B=1e-5", "mortality 'makeham:A=0.1,B=1e-5': makeham needs A, B and c; c is missing"),
            ("gompertz:c=1.1", "mortality 'gompertz:c=1.1': gompertz needs B and c; B is missing"),
            ("gompertz:B", "mortality 'gompertz:B': 'B' is not of the form NAME=VALUE (e.g. gompertz:B=2.7e-6,c=1.124)"),
            ("gompertz:", "mortality 'gompertz:': '' is not of the form NAME=VALUE (e.g. gompertz:B=2.7e-6,c=1.124)"),
            ("gompertz:B=1,B=2,c=1", "mortality 'gompertz:B=1,B=2,c=1': parameter B is given twice"),
            ("gompertz:B=x,c=1", "mortality 'gompertz:B=x,c=1': B='x' is not a finite number"),
            ("gompertz:B=inf,c=1", "mortality 'gompertz:B=inf,c=1': B='inf' is not a finite number"),
            ("gompertz:A=1,B=1e-5,c=1.1", "mortality 'gompertz:A=1,B=1e-5,c=1.1': unknown parameter 'a' for gompertz (expected B, c)"),
            ("makeham:A=-1,B=1e-5,c=1.1", "mortality 'makeham:A=-1,B=1e-5,c=1.1': A must be ≥ 0, got -1.0"),
            ("makeham:A=0,B=-1e-5,c=1.1", "mortality 'makeham:A=0,B=-1e-5,c=1.1': B must be ≥ 0, got -1e-05"),
            ("gompertz:B=1e-5,c=0", "mortality 'gompertz:B=1e-5,c=0': c must be > 0, got 0.0"),
        ]
        for (spec, expected) in cases {
            #expect(errorMessage { _ = try MortalityBasisSpec(parsing: spec) } == expected, "spec \(spec)")
        }
        #expect(errorMessage { _ = try MortalityBasisSpec(parsing: "no/such/table.csv").load(sex: .male) }
                == "mortality 'no/such/table.csv': no such file; \(forms)")
        #expect(errorMessage { _ = try MortalityBasisSpec(parsing: packageRoot.path).load(sex: .male) }
                == "mortality '\(packageRoot.path)': is a folder; \(forms)")
    }
}
