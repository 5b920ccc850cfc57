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
    /// ``awardSums`` (both engines record the sums by pay group and call this one function): the
    /// model-2.2 rates Σ n·rate / Σ n and the like-for-like rates of ``LikeForLikeBasis`` from the
    /// sums of each track's pay groups, with the take-home multipliers θ[g · H + t] (a track's
    /// groups share them), the scheme's indexation rules by year and the path's drivers (wage
    /// index, inflation); then the member percentiles of `rr_basic_total` across the pay groups
    /// (``memberPercentile(_:_:)``). Not applicable (NaN) where no member is counted.
    mutating func fillRates(_ basis: LikeForLikeBasis, groups: PayGroups, takeHome theta: [Double],
                            indexation: [IndexationRule], drivers d: PathDrivers) {
        let h = horizon, tracks = trackCount, kinds = 2 * ReplacementKind.allCases.count
        if byTrack.count != Metric.rates.count * tracks * h { byTrack = [Double](repeating: .nan, count: Metric.rates.count * tracks * h) }
        // The award sums of each track: its pay groups' sums added in group order (the award sums
        // themselves when every track is one group).
        var trackSums = payGroupCount == tracks ? awardSums : [Double](repeating: 0, count: kinds * tracks * h)
        if payGroupCount != tracks {
            for j in 0..<kinds {
                for g in 0..<payGroupCount {
                    let from = Self.trackIndex(j, g, 0, horizon: h, trackCount: payGroupCount)
                    let to = Self.trackIndex(j, groups.track[g], 0, horizon: h, trackCount: tracks)
                    for t in 0..<h { trackSums[to + t] += awardSums[from + t] }
                }
            }
        }
        func award(_ kind: ReplacementKind, count: Bool, track k: Int, _ t: Int) -> Double {
            trackSums[Self.trackIndex(kind.rawValue * 2 + (count ? 1 : 0), k, t, horizon: h, trackCount: tracks)]
        }
        // Per (part, track, t) at ((part · K) + k) · H + t: the annual benefit per unit of B summed
        // over the retirements (parts db, dc, total, top-up alone), and the counts (db, dc, total).
        var annual = [Double](repeating: 0, count: 4 * tracks * h)
        var counts = [Double](repeating: 0, count: 3 * tracks * h)
        for t in 0..<h {
            var s = (0.0, 0.0, 0.0), n = (0.0, 0.0, 0.0), all = (0.0, 0.0, 0.0), home = (0.0, 0.0, 0.0)
            for k in 0..<tracks {
                let sdb = award(.db, count: false, track: k, t), ndb = award(.db, count: true, track: k, t)
                let sdc = award(.dc, count: false, track: k, t), ndc = award(.dc, count: true, track: k, t)
                let stot = award(.total, count: false, track: k, t), ntot = award(.total, count: true, track: k, t)
                s = (s.0 + sdb, s.1 + sdc, s.2 + stot)
                n = (n.0 + ndb, n.1 + ndc, n.2 + ntot)
                self[rate: .replacementRateDB, track: k, t] = ndb > 0 ? sdb / ndb : .nan
                self[rate: .replacementRateDC, track: k, t] = ndc > 0 ? sdc / ndc : .nan
                self[rate: .replacementRateTotal, track: k, t] = ntot > 0 ? stot / ntot : .nan
                let a = Self.annual(basis, db: sdb, dc: sdc, total: stot), total = a.total
                let i = k * h + t, stride = tracks * h
                annual[i] = a.db; annual[stride + i] = a.dc; annual[2 * stride + i] = total; annual[3 * stride + i] = a.topUp
                counts[i] = ndb; counts[stride + i] = ndc; counts[2 * stride + i] = ntot
                let pay = basis.takeHomePay(multiplier: theta[groups.first[k] * h + t])
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
        fillRatesBySex(basis)
        fillMemberPercentiles(basis, groups: groups)
    }

    /// ``LikeForLikeBasis/annual(db:dc:topUp:)`` of summed model-2.2 rates Σdb, Σdc and Σtotal (the
    /// top-up being the rest, Σtotal − Σdb − Σdc), with `total`, every benefit's annual amount.
    static func annual(_ basis: LikeForLikeBasis, db: Double, dc: Double, total: Double)
        -> (db: Double, dc: Double, topUp: Double, total: Double) {
        let a = basis.annual(db: db, dc: dc, topUp: total - db - dc)
        return (a.db, a.dc, a.topUp, a.db + a.dc + a.topUp)
    }

    /// The rates of one sex and their metrics (dc, total), sex index 0 male, 1 female.
    static let ratesBySex: [(sex: Int, dc: Metric, total: Metric)] = [
        (0, .rrBasicDCMale, .rrBasicTotalMale), (1, .rrBasicDCFemale, .rrBasicTotalFemale),
    ]

    /// `rr_basic_dc` and `rr_basic_total` of the year's retirees of one sex, overall only: the same
    /// ``LikeForLikeBasis/annual(db:dc:topUp:)`` and ``LikeForLikeBasis/basicPay`` on the sums of
    /// that sex (``awardSumsBySex``, accumulated apart from ``awardSums``, so the other rates are
    /// untouched). Not applicable (NaN) when no member of that sex is counted.
    mutating func fillRatesBySex(_ basis: LikeForLikeBasis) {
        for t in 0..<horizon {
            for (s, dcMetric, totalMetric) in Self.ratesBySex {
                let sdb = self[award: .db, count: false, sex: s, t], sdc = self[award: .dc, count: false, sex: s, t]
                let stot = self[award: .total, count: false, sex: s, t]
                let ndc = self[award: .dc, count: true, sex: s, t], ntot = self[award: .total, count: true, sex: s, t]
                let a = Self.annual(basis, db: sdb, dc: sdc, total: stot)
                self[dcMetric, t] = ndc > 0 ? a.dc / (basis.basicPay * ndc) : .nan
                self[totalMetric, t] = ntot > 0 ? a.total / (basis.basicPay * ntot) : .nan
            }
        }
    }

    /// The member percentiles' metrics and their quantiles q.
    static let memberPercentiles: [(metric: Metric, q: Double)] = [
        (.rrBasicTotalMemberP10, 0.1), (.rrBasicTotalMemberP50, 0.5), (.rrBasicTotalMemberP90, 0.9),
    ]

    /// `rr_basic_total_member_p{10,50,90}`, overall and by track: ``memberPercentile(_:_:)`` of the
    /// pay groups' `rr_basic_total` (each group's annual benefit at award over its annual basic
    /// pay, ``LikeForLikeBasis/annual(db:dc:topUp:)`` and ``LikeForLikeBasis/basicPay``) weighted by
    /// the group's retirements; the track's groups for a track, every group overall.
    mutating func fillMemberPercentiles(_ basis: LikeForLikeBasis, groups: PayGroups) {
        typealias Entry = (rate: Double, weight: Double)
        // The year's groups, track by track (no allocation per year: the capacity is kept).
        var all: [Entry] = [], scratch: [Entry] = []
        all.reserveCapacity(payGroupCount)
        scratch.reserveCapacity(payGroupCount)
        func fill(_ entries: ArraySlice<Entry>, _ set: (Metric, Double) -> Void) {
            // No group: not applicable; one group: its rate is every percentile.
            guard entries.count > 1 else {
                for (metric, _) in Self.memberPercentiles { set(metric, entries.first?.rate ?? .nan) }
                return
            }
            let total = entries.reduce(0) { $0 + $1.weight }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: entries)
            scratch.sort { $0.rate < $1.rate }
            for (metric, q) in Self.memberPercentiles { set(metric, Self.lowerQuantile(sorted: scratch, total: total, q)) }
        }
        for t in 0..<horizon {
            all.removeAll(keepingCapacity: true)
            for k in 0..<trackCount {
                let start = all.count
                for g in 0..<payGroupCount where groups.track[g] == k {
                    let n = self[award: .total, count: true, group: g, t]
                    guard n > 0 else { continue }
                    let a = Self.annual(basis, db: self[award: .db, count: false, group: g, t], dc: self[award: .dc, count: false, group: g, t],
                                        total: self[award: .total, count: false, group: g, t])
                    all.append((a.total / (basis.basicPay * n), n))
                }
                fill(all[start...]) { self[rate: $0, track: k, t] = $1 }
            }
            fill(all[...]) { self[$0, t] = $1 }
        }
    }

    /// The q-quantile of a discrete distribution of members: the smallest rate r whose cumulative
    /// weight W(r) = Σ_{rate ≤ r} weight reaches q · Σ weight (the lower quantile, so the 10th
    /// percentile member of groups holding 25%, 50% and 25% is in the first group); NaN when no
    /// member is counted.
    static func memberPercentile(_ rates: [(rate: Double, weight: Double)], _ q: Double) -> Double {
        lowerQuantile(sorted: rates.sorted { $0.rate < $1.rate }, total: rates.reduce(0) { $0 + $1.weight }, q)
    }

    /// ``memberPercentile(_:_:)`` of entries sorted by rate, whose weights sum to `total`.
    static func lowerQuantile(sorted: [(rate: Double, weight: Double)], total: Double, _ q: Double) -> Double {
        guard total > 0 else { return .nan }
        var cumulative = 0.0
        for entry in sorted {
            cumulative += entry.weight
            if cumulative >= q * total { return entry.rate }
        }
        return sorted.last?.rate ?? .nan
    }
}
