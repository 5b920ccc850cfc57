import PensiunInputs

extension SchemePathResult {
    /// The years in payment of the `_after` rates and their metrics (db, dc, total).
    static let afterRates: [(years: Int, metrics: [Metric])] = [
        (10, [.rrBasicDBAfter10, .rrBasicDCAfter10, .rrBasicTotalAfter10]),
        (20, [.rrBasicDBAfter20, .rrBasicDCAfter20, .rrBasicTotalAfter20]),
    ]

    /// Every replacement rate of the path, overall and by track, from the year's retirements in
    /// ``awardSums`` (both engines record the sums and call this one function): the model-2.2
    /// rates Σ n·rate / Σ n, and the like-for-like rates of ``LikeForLikeBasis`` with the take-home
    /// multipliers θ[k · H + t], the scheme's indexation rules by year and the path's drivers
    /// (wage index, inflation). Not applicable (NaN) where no member is counted.
    mutating func fillRates(_ basis: LikeForLikeBasis, takeHome theta: [Double], indexation: [IndexationRule],
                            drivers d: PathDrivers) {
        let h = horizon, tracks = trackCount
        // The annual benefit per unit of B summed over the retirements of (track, t), and the counts.
        // annual[0, 1, 2, 3]: db, dc, total and the top-up alone; counts of db, dc, total.
        var annual = [[Double]](repeating: [Double](repeating: 0, count: tracks * h), count: 4)
        var counts = [[Double]](repeating: [Double](repeating: 0, count: tracks * h), count: 3)
        for t in 0..<h {
            var s = [0.0, 0.0, 0.0], n = [0.0, 0.0, 0.0], home = [0.0, 0.0, 0.0]
            for k in 0..<tracks {
                var ks = [0.0, 0.0, 0.0], kn = [0.0, 0.0, 0.0]
                for kind in ReplacementKind.allCases {
                    let i = kind.rawValue
                    ks[i] = self[award: kind, count: false, track: k, t]
                    kn[i] = self[award: kind, count: true, track: k, t]
                    s[i] += ks[i]
                    n[i] += kn[i]
                    self[rate: kind.metric, track: k, t] = kn[i] > 0 ? ks[i] / kn[i] : .nan
                }
                let a = basis.annual(db: ks[0], dc: ks[1], topUp: ks[2] - ks[0] - ks[1])
                let parts = [a.db, a.dc, a.db + a.dc + a.topUp]
                let takeHomePay = basis.takeHomePay(multiplier: theta[k * h + t])
                annual[3][k * h + t] = a.topUp
                for i in 0..<3 {
                    annual[i][k * h + t] = parts[i]
                    counts[i][k * h + t] = kn[i]
                    self[rate: Self.basic[i], track: k, t] = kn[i] > 0 ? parts[i] / (basis.basicPay * kn[i]) : .nan
                    self[rate: Self.takeHome[i], track: k, t] = kn[i] > 0 ? parts[i] / (takeHomePay * kn[i]) : .nan
                    home[i] += parts[i] / takeHomePay
                }
            }
            for kind in ReplacementKind.allCases {
                let i = kind.rawValue
                self[kind.metric, t] = n[i] > 0 ? s[i] / n[i] : .nan
                let parts = (0..<tracks).reduce(0.0) { $0 + annual[i][$1 * h + t] }
                self[Self.basic[i], t] = n[i] > 0 ? parts / (basis.basicPay * n[i]) : .nan
                self[Self.takeHome[i], t] = n[i] > 0 ? home[i] / n[i] : .nan
            }
        }
        for (years, metrics) in Self.afterRates {
            for t in 0..<h {
                let tau = t - years
                guard tau >= 0 else {
                    for m in metrics {
                        self[m, t] = .nan
                        for k in 0..<tracks { self[rate: m, track: k, t] = .nan }
                    }
                    continue
                }
                // Π ι_u over u = τ … t−1, the DB-type indexation from the award to year t.
                var indexed = 1.0
                for u in tau..<t { indexed *= d.indexation(indexation[u], u) }
                let escalated = basis.annuityEscalation(years: years)
                let pay = basis.basicPay * d.wageIndex[t] / d.wageIndex[tau]
                var sums = [0.0, 0.0, 0.0], n = [0.0, 0.0, 0.0]
                for k in 0..<tracks {
                    let i = k * h + tau
                    let db = annual[0][i] * indexed, dc = annual[1][i] * escalated
                    let parts = [db, dc, db + dc + annual[3][i] * indexed]
                    for j in 0..<3 {
                        let c = counts[j][i]
                        self[rate: metrics[j], track: k, t] = c > 0 ? parts[j] / (pay * c) : .nan
                        sums[j] += parts[j]
                        n[j] += c
                    }
                }
                for j in 0..<3 { self[metrics[j], t] = n[j] > 0 ? sums[j] / (pay * n[j]) : .nan }
            }
        }
    }

    static let basic: [Metric] = [.rrBasicDB, .rrBasicDC, .rrBasicTotal]
    static let takeHome: [Metric] = [.rrTakeHomeDB, .rrTakeHomeDC, .rrTakeHomeTotal]
}
