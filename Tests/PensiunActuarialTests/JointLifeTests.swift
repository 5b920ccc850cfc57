import Foundation
import Testing
@testable import PensiunActuarial

@Suite("Joint-life and reversionary annuities")
struct JointLifeTests {
    /// Gompertz's law of uniform seniority: two independent Gompertz lives aged x and y survive
    /// jointly like one life aged w with cʷ = cˣ + cʸ, so ä_xy = Σ vᵗ·ₜp_w exactly, computed here
    /// from the law's survival function at the non-integer age w.
    @Test("ä_xy on two Gompertz tables equals the single life at the age of uniform seniority")
    func uniformSeniority() throws {
        let law = MortalityLaw.gompertz(b: 3e-5, c: 1.1)
        let table = LifeTable(try law.table())
        let i = try InterestRate(0.04)
        for (x, y) in [(65, 60), (58, 55), (70, 74)] {
            let w = log(pow(1.1, Double(x)) + pow(1.1, Double(y))) / log(1.1)
            let single = (0...130).reduce(0.0) { $0 + pow(1.04, -Double($1)) * law.survival(from: w, over: Double($1)) }
            #expect(close(JointLife.annuityDue(table, age: x, table, age: y, rate: i), single, 1e-12), "(\(x), \(y))")
        }
    }

    @Test("Reversionary annuity ä_{x|y} = ä_y − ä_xy = Σ vᵏ·ₖp_y·(1 − ₖpₓ), on two TMI tables")
    func reversionary() throws {
        let husband = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: .male))
        let wife = LifeTable(try MortalityTable.loadCSV(path: tmiPath, sex: .female))
        let i = try InterestRate(0.07)
        let (x, y) = (58, 54)
        let joint = JointLife.annuityDue(husband, age: x, wife, age: y, rate: i)
        #expect(close(joint, JointLife.annuityDue(wife, age: y, husband, age: x, rate: i)))
        let explicitJoint = (0...60).reduce(0.0) { $0 + pow(1.07, -Double($1)) * husband.survival($1, from: x) * wife.survival($1, from: y) }
        #expect(close(joint, explicitJoint, 1e-12))
        let reversionary = JointLife.reversionaryAnnuityDue(member: husband, age: x, survivor: wife, age: y, rate: i)
        let explicit = (1...60).reduce(0.0) { $0 + pow(1.07, -Double($1)) * wife.survival($1, from: y) * (1 - husband.survival($1, from: x)) }
        #expect(close(reversionary, explicit, 1e-12))
        #expect(close(reversionary, wife.annuityDue(y, rate: i) - joint))
        #expect(reversionary > 0 && joint < husband.annuityDue(x, rate: i))
    }
}
