/// Count, mean and standard deviation of values fed in path order, chunk by chunk, without keeping
/// them (issue 18; docs/model.md, "Streaming statistics").
///
/// NaN values are skipped, as the reporting code summarises only the non-NaN values. Values are
/// otherwise expected finite, as for ``SampleSummary``.
///
/// - **Mean, exact.** x̄ = x₀ + Σ(xᵢ − x₀)/n with x₀ the first non-NaN value and the shifted sum
///   accumulated left to right: after any sequence of ``add(_:)-(Double)`` / ``add(_:)-(C)`` calls
///   (however the values are cut into chunks) ``mean`` has the bits of
///   `SampleSummary.mean(v)`, v the concatenated non-NaN values in the order fed.
/// - **Standard deviation, one pass.** Welford's update on the shifted values dᵢ = xᵢ − x₀
///   (k ← k+1, δ = d − m, m ← m + δ/k, M₂ ← M₂ + δ(d − m)), s = √(M₂/(n−1)); 0 for n < 2, like
///   ``SampleSummary/standardDeviation(_:mean:)``. It equals the two-pass value to within rounding
///   (relative error of order nε for n values, ε = 2⁻⁵², and in practice far less; tested below
///   1e-9 on 5e13 ± 1e9). The shift keeps a large common level (money around 1e13) out of the
///   update, and Welford, unlike Σ(x−K)² − (Σ(x−K))²/n, does not cancel when x₀ is far from the
///   mean. It too depends only on the values and their order, not on the chunking.
/// - **Merging** (``merging(_:)``) combines the summaries of two adjacent ranges, in order:
///   count exact; M₂ by Chan, Golub and LeVeque's pairwise formula; the shifted sum as
///   S_A + (S_B + n_B(x₀ᴮ − x₀ᴬ)). The merged mean and SD equal the concatenation's **to within
///   rounding, not bit for bit**: a rounded left-to-right sum is not associative, so no summary of
///   the right-hand range short of its values reproduces it. It is bit-exact only when either
///   side is empty, or when every value of both sides is the same number. For bit-identical means
///   across blocks, feed every block's values, in path order, to one accumulator with `add`
///   (serial, O(n) additions; a block's values are needed only while they are added).
public struct StreamingMoments: Sendable, Equatable {
    @usableFromInline var n: Int = 0
    @usableFromInline var x0: Double = .nan
    /// Σ(xᵢ − x₀), left to right.
    @usableFromInline var shiftedSum: Double = 0
    /// Welford's running mean of the shifted values dᵢ = xᵢ − x₀.
    @usableFromInline var shiftedMean: Double = 0
    /// Welford's M₂ = Σ(dᵢ − d̄)².
    @usableFromInline var squaredDeviations: Double = 0

    /// Number of non-NaN values added.
    public var count: Int { n }
    /// x₀: the first non-NaN value added (NaN while empty).
    public var shift: Double { x0 }

    public init() {}

    /// The moments of `values` (NaNs skipped).
    public init<C: Collection>(_ values: C) where C.Element == Double {
        add(values)
    }

    /// Adds one value (skipped if NaN).
    @inlinable
    public mutating func add(_ x: Double) {
        if x.isNaN { return }
        if n == 0 { x0 = x }
        let d = x - x0
        shiftedSum += d
        n += 1
        let delta = d - shiftedMean
        shiftedMean += delta / Double(n)
        squaredDeviations += delta * (d - shiftedMean)
    }

    /// Adds `values` in order (NaNs skipped).
    @inlinable
    public mutating func add<C: Collection>(_ values: C) where C.Element == Double {
        for x in values { add(x) }
    }

    /// x̄ = x₀ + Σ(xᵢ − x₀)/n: bit for bit ``SampleSummary/mean(_:)`` of the non-NaN values in the
    /// order added (but see ``merging(_:)``); NaN when empty.
    public var mean: Double {
        count == 0 ? .nan : shift + shiftedSum / Double(count)
    }

    /// Sample variance M₂/(n − 1); 0 for fewer than two values.
    public var variance: Double {
        count > 1 ? squaredDeviations / Double(count - 1) : 0
    }

    /// Sample standard deviation √(M₂/(n − 1)) (divisor n − 1); 0 for fewer than two values.
    /// Equal to the two-pass ``SampleSummary/standardDeviation(_:mean:)`` to within rounding.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The moments of this range followed by `next`, the range right after it (the shift stays
    /// this range's x₀). Count exact; mean and SD to within rounding of adding `next`'s values
    /// one by one, bit-exact only when either side is empty or all values are one number (see the
    /// type's documentation).
    public func merging(_ next: StreamingMoments) -> StreamingMoments {
        if next.count == 0 { return self }
        if count == 0 { return next }
        var merged = self
        let na = Double(count), nb = Double(next.count)
        let total = na + nb
        let offset = next.shift - shift
        let delta = (offset + next.shiftedMean) - shiftedMean
        merged.n = count + next.count
        merged.shiftedSum = shiftedSum + (next.shiftedSum + nb * offset)
        merged.shiftedMean = shiftedMean + delta * (nb / total)
        merged.squaredDeviations = squaredDeviations + next.squaredDeviations + delta * delta * (na * nb / total)
        return merged
    }

    /// In place: `self = self.merging(next)`.
    public mutating func merge(_ next: StreamingMoments) {
        self = merging(next)
    }
}
