/// An economic parameter given by calendar year (docs/model.md §3, "Dated assumptions"): one value
/// for every year, or points (year, value) joined by a stated interpolation.
///
/// With points y_1 < … < y_n and values v_1 … v_n, the value in year y is
///
///     step:    v_i for the latest y_i ≤ y                                   (v_1 before y_1)
///     linear:  v_i + (v_{i+1} − v_i) (y − y_i) / (y_{i+1} − y_i)   for y_i ≤ y < y_{i+1}
///              v_1 before y_1, v_n from y_n on
///
/// A step point is the value in force from 1 January of its year, as every other by-year key
/// (`{2019: 58, 2030: 60}`). A constant is one point with no year: the same value in every year.
public struct Dated: Sendable, Equatable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public enum Interpolation: String, Sendable, CaseIterable {
        case step, linear
    }

    /// (year, value), sorted by year, years distinct, at least one point.
    public let points: [Point]
    public let interpolation: Interpolation

    public struct Point: Sendable, Equatable {
        public let year: Int
        public let value: Double
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    /// The same value in every year.
    public init(_ value: Double) {
        points = [Point(year: Int.min, value: value)]
        interpolation = .step
    }

    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// `points` must be non-empty with distinct years; they are sorted here.
    public init(points: [Point], interpolation: Interpolation) {
        precondition(!points.isEmpty, "a dated value needs at least one point")
        self.points = points.sorted { $0.year < $1.year }
        self.interpolation = interpolation
    }

    /// True when the value is the same in every year.
    public var isConstant: Bool { points.allSatisfy { $0.value == points[0].value } }

    /// The value from the last point on: the long-run value of a converging assumption.
    public var last: Double { points[points.count - 1].value }

    /// Every value given (for range checks).
    public var values: [Double] { points.map(\.value) }

    /// The value in calendar year `year` (formulas in the type's documentation).
    public func callAsFunction(_ year: Int) -> Double {
        var i = 0
        while i + 1 < points.count && points[i + 1].year <= year { i += 1 }
        let p = points[i]
        guard interpolation == .linear, year > p.year, i + 1 < points.count else {
            return year < p.year ? points[0].value : p.value
        }
        let q = points[i + 1]
        return p.value + (q.value - p.value) * Double(year - p.year) / Double(q.year - p.year)
    }

    /// The same points with every value transformed (a constant stays constant).
    public func map(_ transform: (Double) -> Double) -> Dated {
        if points.count == 1 && points[0].year == Int.min { return Dated(transform(points[0].value)) }
        return Dated(points: points.map { Point(year: $0.year, value: transform($0.value)) }, interpolation: interpolation)
    }
}
