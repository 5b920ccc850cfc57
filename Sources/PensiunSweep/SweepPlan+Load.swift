import PensiunScenario

extension SweepPlan {
    /// Reads the sweep file at `path` and checks every variant; a problem of the file or of a
    /// variant is the located `ScenarioError`, any other a `SweepError` naming the file. What
    /// `sweep` and `slurm sweep` read before they run or plan anything.
    public static func load(path: String) throws -> (SweepSpec, SweepPlan) {
        let spec = try SweepLoader.load(path: path)
        do {
            let plan = try SweepPlan(spec: spec)
            try plan.validate()
            return (spec, plan)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw SweepError("\(path): \(error)")
        }
    }
}
