// PensiunActuarial and the engine's annuity pricing: annuity factors per second.
import Benchmark
import PensiunActuarial
import PensiunEngine

func registerActuarialBenchmarks() {
    // Setup: the TMI IV male table as the flagship reads it.
    guard let table = Flagship.scenario.projection?.mortality.male else {
        fatalError("the flagship has no mortality table")
    }
    let q = table.rates
    let ages = q.count
    let factors = BenchmarkMetric.custom("annuity factors/s", polarity: .prefersLarger, useScalingFactor: false)
    let configuration = Suite.configuration(extraMetrics: [factors], iterations: 50, seconds: 5)
    let tables = 10_000

    // The batch form: every age of one table in one backward pass (ä, ä^(12) exact under UDD, A),
    // into preallocated buffers, for 10,000 tables (as many as the paths of a flagship run).
    Benchmark("actuarial.batch.all-ages", configuration: configuration) { benchmark in
        let pricer = try AnnuityPricer(rate: try InterestRate(0.06))
        var due = [Double](repeating: 0, count: ages), mthly = due, assurance = due
        benchmark.startMeasurement()
        let rate = Suite.rate(of: tables * ages) {
            q.withUnsafeBufferPointer { qb in
                due.withUnsafeMutableBufferPointer { d in
                    mthly.withUnsafeMutableBufferPointer { m in
                        assurance.withUnsafeMutableBufferPointer { a in
                            for _ in 0..<tables { pricer.priceAllAges(q: qb, annuityDue: d, mthlyAnnuityDue: m, assurance: a) }
                        }
                    }
                }
            }
        }
        benchmark.stopMeasurement()
        blackHole(due)
        benchmark.measurement(factors, rate)
    }

    // The engine's pricing at retirement: ä^(12) ≈ ä − 11/24 along a cohort diagonal (improvement
    // continuing, κ held), one age at a time, for the ages at which members retire (45–65).
    guard let inputs = Flagship.scenario.projection else { fatalError("no projection") }
    let context = ProjectionContext(inputs: inputs)
    Benchmark("engine.annuity.cohort-diagonal", configuration: configuration) { benchmark in
        var sum = 0.0
        let count = 2_000 * 21
        benchmark.startMeasurement()
        let rate = Suite.rate(of: count) {
            for path in 0..<2_000 {
                let kappa = Double(path % 7) * 0.01 - 0.03
                for age in 45...65 { sum += context.grid.annuityDueMonthly(.male, age: age, yearIndex: 10, kappa: kappa, rate: 0.06) }
            }
        }
        benchmark.stopMeasurement()
        blackHole(sum)
        benchmark.measurement(factors, rate)
    }
}
