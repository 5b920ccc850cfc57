import Testing
import PensiunEngine
import PensiunScenario
import PensiunSweep

/// The statistic expressions of sweep outputs, sensitivity outputs and solve targets.
@Suite struct ExpressionTests {
    @Test(arguments: [
        ("mean", "mean", "mean"),
        ("p95", "p95", "p95"),
        ("p2.5", "p2.5", "p2.5"),
        ("P(<0)", "P(< 0)", "P(<0)"),
        ("mean(pv_difference)", "mean(pv_difference)", "mean"),
        ("median replacement_rate_dc", "p50(replacement_rate_dc)", "p50"),
        ("p95(reform.burden_pct_gdp@2050)", "p95(reform.burden_pct_gdp@2050)", "p95"),
        ("sd(current.budget_burden @ 2030)", "sd(current.budget_burden@2030)", "sd"),
        ("P(pv_difference<0)", "P(pv_difference < 0)", "P(<0)"),
        ("P(burden_pct_gdp > 1% any year)", "P(burden_pct_gdp > 0.01 any year)", "P(>0.01 any year)"),
        ("P ( reform.replacement_rate_dc >= 0.4 every year )", "P(reform.replacement_rate_dc >= 0.4 every year)", "P(>=0.4 every year)"),
    ])
    func expressionsRead(text: String, canonical: String, label: String) throws {
        let e = try StatisticExpression.parse(text)
        #expect(e.description == canonical)
        #expect(e.label == label)
    }

    @Test func quantitiesKeepTheirParts() throws {
        let e = try StatisticExpression.parse("median(current.replacement_rate_db@2040)")
        #expect(e.statistic == .quantile(0.5))
        #expect(e.quantity == Quantity(name: .metric(.replacementRateDB), scheme: .current, year: 2040))
        #expect(try StatisticExpression.parse("mean(replacement_rate_dc)").defaulting(to: .reform).quantity?.scheme == .reform)
        #expect(try StatisticExpression.parse("mean(pv_difference)").defaulting(to: .reform).quantity?.scheme == nil)
        // The like-for-like rates (model 2.3) are replacement rates too: a year-less form is their
        // last-decade average, so a solve target may read one.
        let t = try Target.parse("median rr_takehome_total >= 0.30")
        #expect(t.description == "p50(rr_takehome_total) >= 0.3")
    }

    @Test(arguments: [
        ("", "expected a statistic such as mean, p50 or P(… < …), got an empty value"),
        ("mean(pv_difference", "unbalanced parentheses in 'mean(pv_difference'"),
        ("P(pv_difference < 0", "unbalanced parentheses in 'P(pv_difference < 0'"),
        ("meen(pv_difference)", "unknown statistic 'meen' (did you mean 'mean'?)"),
        ("total(pv_difference)", "unknown statistic 'total' (expected mean, sd, median, p0…p100 or P(…))"),
        ("p150", "unknown statistic 'p150' (expected mean, sd, median, p0…p100 or P(…))"),
        ("mean[pv_difference]", "expected a statistic such as mean, median, p95 or P(…), got 'mean[pv_difference]'"),
        ("mean(pv_difference < 0)", "a comparison belongs inside P(…) (got 'mean(pv_difference < 0)'; for example P(pv_difference < 0))"),
        ("P(pv_difference)", "expected a comparison inside P(…), such as P(pv_difference < 0), got 'P(pv_difference)'"),
        ("P(pv_difference < zero)", "expected a number after < in 'P(pv_difference < zero)'"),
        ("P(burden_pct_gdp > 0.01 some year)", "expected 'any year' or 'every year' after the number, got 'some year'"),
        ("P(pv_difference < 0 any year)", "'any year' applies to a metric written without a year (got 'P(pv_difference < 0 any year)')"),
        ("mean(budget_burden@twenty)", "expected a calendar year after @, got 'twenty'"),
        ("mean(reform.pv_difference)", "pv_difference is a per-path summary and takes no scheme (got 'reform.pv_difference')"),
        ("mean(pv_difference@2050)", "pv_difference is a per-path summary and takes no year (got 'pv_difference@2050')"),
        ("mean(pv_diference)", "unknown output 'pv_diference' (did you mean 'pv_difference'?)"),
        ("mean(happiness)", "unknown output 'happiness' (expected a per-path summary such as pv_difference or a metric such as budget_burden@2050)"),
        ("mean(current.transition_cost_pct_gdp@2030)", "transition_cost_pct_gdp exists for the reform only (got 'current.transition_cost_pct_gdp@2030')"),
        ("mean(budget_burden)", "budget_burden needs a year (for example budget_burden@2050), or P(budget_burden > … any year)"),
    ])
    func malformedExpressionsSayWhatIsWrong(text: String, message: String) {
        #expect(throws: ExpressionError.self) { try StatisticExpression.parse(text) }
        do { _ = try StatisticExpression.parse(text) } catch { #expect(error.message == message) }
    }

    @Test func targetsRead() throws {
        let t = try Target.parse("median replacement_rate_dc >= 0.40")
        #expect(t.description == "p50(replacement_rate_dc) >= 0.4")
        #expect(t.isMet(by: 0.4) && !t.isMet(by: 0.39))
        let p = try Target.parse("P(burden_pct_gdp > 0.01 any year) <= 10%")
        #expect(p.comparison == .lessOrEqual && p.threshold == 0.1 && p.expression.scope == .anyYear)
    }

    @Test(arguments: [
        ("median replacement_rate_dc", "expected STATISTIC OP NUMBER, such as 'median replacement_rate_dc >= 0.40', got 'median replacement_rate_dc'"),
        ("mean >= 2", "the target's statistic must name an output, such as mean(pv_difference) (got 'mean')"),
        ("mean(pv_difference) <= much", "expected a number after <=, got 'much'"),
    ])
    func malformedTargetsSayWhatIsWrong(text: String, message: String) {
        do {
            _ = try Target.parse(text)
            Issue.record("expected an error for \(text)")
        } catch { #expect(error.message == message) }
    }
}
