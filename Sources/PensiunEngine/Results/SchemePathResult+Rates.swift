import PensiunInputs

extension SchemePathResult {
    /// The years in payment of the `_after` rates and their metrics (db, dc, total).
    static let afterRates: [(years: Int, metrics: [Metric])] = [
        (10, [.rrBasicDBAfter10, .rrBasicDCAfter10, .rrBasicTotalAfter10]),
        (20, [.rrBasicDBAfter20, .rrBasicDCAfter20, .rrBasicTotalAfter20]),
    ]
    static let basic: [Metric] = [.rrBasicDB, .rrBasicDC, .rrBasicTotal]
    static let takeHome: [Metric] = [.rrTakeHomeDB, .rrTakeHomeDC, .rrTakeHomeTotal]

    /// Every replacement rate of the path, overall and by track, from the year's retirements in
    /// ``awardSums`` (both engines record the sums and call this one function): the model-2.2
    /// rates Σ n·rate / Σ n, and the like-for-like rates of ``LikeForLikeBasis`` with the take-home
    /// multipliers θ[k · H + t], the scheme's indexation rules by year and the path's drivers
    /// (wage index, inflation). Not applicable (NaN) where no member is counted.
    mutating func fillRates(_ basis: LikeForLikeBasis, takeHome theta: [Double], indexation: [IndexationRule],
                            drivers d: PathDrivers) {
        let h = horizon, tracks = trackCount
        if byTrack.count != Metric.rates.count * tracks * h { byTrack = [Double](repeating: .nan, count: Metric.rates.count * tracks * h) }
        // Per (part, track, t) at ((part · K) + k) · H + t: the annual benefit per unit of B summed
        // over the retirements (parts db, dc, total, top-up alone), and the counts (db, dc, total).
        var annual = [Double](repeating: 0, count: 4 * tracks * h)
        var counts = [Double](repeating: 0, count: 3 * tracks * h)
        for t in 0..<h {
            var s = (0.0, 0.0, 0.0), n = (0.0, 0.0, 0.0), all = (0.0, 0.0, 0.0), home = (0.0, 0.0, 0.0)
            for k in 0..<tracks {
                let sdb = self[award: .db, count: false, track: k, t], ndb = self[award: .db, count: true, track: k, t]
                let sdc = self[award: .dc, count: false, track: k, t], ndc = self[award: .dc, count: true, track: k, t]
                let stot = self[award: .total, count: false, track: k, t], ntot = self[award: .total, count: true, track: k, t]
                s = (s.0 + sdb, s.1 + sdc, s.2 + stot)
                n = (n.0 + ndb, n.1 + ndc, n.2 + ntot)
                self[rate: .replacementRateDB, track: k, t] = ndb > 0 ? sdb / ndb : .nan
                self[rate: .replacementRateDC, track: k, t] = ndc > 0 ? sdc / ndc : .nan
                self[rate: .replacementRateTotal, track: k, t] = ntot > 0 ? stot / ntot : .nan
                let a = basis.annual(db: sdb, dc: sdc, topUp: stot - sdb - sdc)
                let total = a.db + a.dc + a.topUp
                let i = k * h + t, stride = tracks * h
                annual[i] = a.db; annual[stride + i] = a.dc; annual[2 * stride + i] = total; annual[3 * stride + i] = a.topUp
                counts[i] = ndb; counts[stride + i] = ndc; counts[2 * stride + i] = ntot
                let pay = basis.takeHomePay(multiplier: theta[i])
                self[rate: .rrBasicDB, track: k, t] = ndb > 0 ? a.db / (basis.basicPay * ndb) : .nan
                self[rate: .rrBasicDC, track: k, t] = ndc > 0 ? a.dc / (basis.basicPay * ndc) : .nan
                self[rate: .rrBasicTotal, track: k, t] = ntot > 0 ? total / (basis.basicPay * ntot) : .nan
                self[rate: .rrTakeHomeDB, track: k, t] = ndb > 0 ? a.db / (pay * ndb) : .nan
                self[rate: .rrTakeHomeDC, track: k, t] = ndc > 0 ? a.dc / (pay * ndc) : .nan
                self[rate: .rrTakeHomeTotal, track: k, t] = ntot > 0 ? total / (pay * ntot) : .nan
                all = (all.0 + a.db, all.1 + a.dc, all.2 + total)
                home = (home.0 + a.db / pay, home.1 + a.dc / pay, home.2 + total / pay)
            }
            self[.replacementRateDB, t] = n.0 > 0 ? s.0 / n.0 : .nan
            self[.replacementRateDC, t] = n.1 > 0 ? s.1 / n.1 : .nan
            self[.replacementRateTotal, t] = n.2 > 0 ? s.2 / n.2 : .nan
            self[.rrBasicDB, t] = n.0 > 0 ? all.0 / (basis.basicPay * n.0) : .nan
            self[.rrBasicDC, t] = n.1 > 0 ? all.1 / (basis.basicPay * n.1) : .nan
            self[.rrBasicTotal, t] = n.2 > 0 ? all.2 / (basis.basicPay * n.2) : .nan
            self[.rrTakeHomeDB, t] = n.0 > 0 ? home.0 / n.0 : .nan
            self[.rrTakeHomeDC, t] = n.1 > 0 ? home.1 / n.1 : .nan
            self[.rrTakeHomeTotal, t] = n.2 > 0 ? home.2 / n.2 : .nan
        }
        let stride = tracks * h
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
                let indexed = d.indexed(indexation, from: tau, to: t), growth = d.wageIndex[t] / d.wageIndex[tau]
                var sums = (0.0, 0.0, 0.0), n = (0.0, 0.0, 0.0)
                for k in 0..<tracks {
                    let i = k * h + tau
                    // The cohort's summed amounts (linear in them: the sum of its members' rates).
                    let r = basis.after(years: years, (annual[i], annual[stride + i], annual[3 * stride + i]),
                                        indexed: indexed, wageGrowth: growth)
                    let c = (counts[i], counts[stride + i], counts[2 * stride + i])
                    self[rate: metrics[0], track: k, t] = c.0 > 0 ? r.db / c.0 : .nan
                    self[rate: metrics[1], track: k, t] = c.1 > 0 ? r.dc / c.1 : .nan
                    self[rate: metrics[2], track: k, t] = c.2 > 0 ? r.total / c.2 : .nan
                    sums = (sums.0 + r.db, sums.1 + r.dc, sums.2 + r.total)
                    n = (n.0 + c.0, n.1 + c.1, n.2 + c.2)
                }
                self[metrics[0], t] = n.0 > 0 ? sums.0 / n.0 : .nan
                self[metrics[1], t] = n.1 > 0 ? sums.1 / n.1 : .nan
                self[metrics[2], t] = n.2 > 0 ? sums.2 / n.2 : .nan
            }
        }
    }
}
