import PensiunEconomy
import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo

/// `profiles.csv`: individual profiles (docs/model.md §9) by track and scheme.
///
/// Rows with basis `paths` give the distribution across paths (mean and 10/50/90th percentiles) of
/// each quantity at retirement; rows with basis `deterministic` give the career year by year on
/// the deterministic path (salary, contributions, DC balance), the value in `mean`. `role` is the
/// member's role under the reform at y_r (``ProfileOutcome/role(of:under:startYear:)``), the same
/// on every row of the profile: `entrant`, `stays`, `switches` or `supplementary`; empty without
/// a DC reform or when the member retires or withdraws before y_r. `exit_age` is the age at which
/// the member withdraws before the BUP (empty for a member in service to the BUP); the profile's id
/// then ends in `-exit` and the age, so that profiles differing only by exit are told apart.
/// `pay_level` is the member's pay level within the track (empty: paid the track's salary scale);
/// the id then ends in the level's name.
public enum ProfileTable {
    public static let header = "profile,sex,track,entry_age,entry_year,exit_age,pay_level,role,scheme,basis,year,quantity,mean,p10,p50,p90"

    public static func render(_ report: RunReport) throws(NonFiniteOutput) -> String {
        var out = header + "\n"
        let inputs = report.inputs
        let deterministic = deterministicOutcomes(inputs)
        for (index, spec) in inputs.profiles.enumerated() {
            let level = spec.payLevel.map { inputs.tracks[spec.track].payLevels[$0].name }
            let id = "\(inputs.tracks[spec.track].name)-\(spec.sex.rawValue)-\(spec.entryAge)-\(spec.entryYear)"
                + (spec.exitAge.map { "-exit\($0)" } ?? "") + (level.map { "-\($0)" } ?? "")
            let role = ProfileOutcome.role(of: spec, under: inputs.reform, startYear: inputs.calendar.startYear)?.profileRole ?? ""
            let prefix = "\(id),\(spec.sex.rawValue),\(inputs.tracks[spec.track].name),\(spec.entryAge),\(spec.entryYear),\(spec.exitAge.map(String.init) ?? ""),\(level ?? ""),\(role)"
            for scheme in Scheme.allCases {
                for q in ProfileOutcome.Quantity.allCases {
                    let values = report.statistics.profile(index, scheme, q).filter { !$0.isNaN }
                    var row = "\(prefix),\(scheme.name),paths,,\(q.name),"
                    if values.isEmpty {
                        row += ",,,"
                    } else {
                        let qs = Quantiles.of(values, levels: [0.1, 0.5, 0.9])
                        var cells: [String] = []
                        for v in [SampleSummary.mean(values), qs[0], qs[1], qs[2]] { cells.append(try RunFiles.number(v, "profiles.csv \(id)")) }
                        row += cells.joined(separator: ",")
                    }
                    out += row + "\n"
                }
                if let outcome = deterministic?[index][scheme.rawValue] {
                    for (i, year) in outcome.years.enumerated() {
                        let fields: [(String, Double)] = [("salary", outcome.salary[i]), ("contributions_employee", outcome.employeeContribution[i]),
                                                          ("contributions_employer", outcome.employerContribution[i]), ("dc_balance", outcome.balance[i])]
                        for (name, value) in fields {
                            out += "\(prefix),\(scheme.name),deterministic,\(year),\(name),\(try RunFiles.number(value, "profiles.csv \(id)")),,,\n"
                        }
                    }
                }
            }
        }
        return out
    }

    /// Profiles on the deterministic path: [profile][scheme].
    static func deterministicOutcomes(_ inputs: ProjectionInputs) -> [[ProfileOutcome]]? {
        // The general engine builds no lane plans, which the profiles do not need.
        guard !inputs.profiles.isEmpty, let run = try? MonteCarloProjection(inputs: inputs, engine: .general),
              let drivers = try? run.deterministicDrivers() else { return nil }
        let projector = ProfileProjector(context: run.context)
        return inputs.profiles.map { spec in Scheme.allCases.map { projector.project(spec, scheme: $0, drivers: drivers) } }
    }
}
