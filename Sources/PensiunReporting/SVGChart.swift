import Foundation

/// A chart drawn as inline SVG for the HTML report: a plot area with two linear axes, "nice" ticks,
/// grid lines, axis labels with units, a legend, and data marks (fan bands, lines, bars).
///
/// Every data mark carries `class="mark"` (axes and grid are `line` elements, legend keys sit in
/// `<g class="legend">`), so tests can tell data from decoration. Coordinates are written with one
/// decimal, so equal inputs give equal bytes. Colours are set as presentation attributes, so a
/// chart copied out of the report keeps its look.
struct SVGChart {
    /// A tick: position on the axis (in data units) and its label.
    struct Tick: Equatable {
        var value: Double
        var label: String
    }

    /// What a legend key looks like.
    enum Key {
        case line(color: String, dash: String?)
        case band(color: String, opacity: Double)
        case bar(color: String)
    }

    static let width = 760.0
    static let height = 370.0
    /// The plot area inside the view box.
    static let left = 84.0, right = 744.0, top = 58.0, bottom = 306.0
    static let font = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif"

    var xDomain: ClosedRange<Double>
    var yDomain: ClosedRange<Double>
    var xTicks: [Tick]
    var yTicks: [Tick]
    var xLabel: String
    var yLabel: String
    /// Read by screen readers (`<title>`).
    var title: String
    private(set) var legend: [(key: Key, label: String)] = []
    private(set) var marks: [String] = []
    private(set) var notes: [String] = []

    init(title: String, xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>, xTicks: [Tick], yTicks: [Tick],
         xLabel: String, yLabel: String) {
        self.title = title
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.xTicks = xTicks
        self.yTicks = yTicks
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    // MARK: scales

    /// The horizontal position of data value `v`.
    func x(_ v: Double) -> Double {
        let span = xDomain.upperBound - xDomain.lowerBound
        return Self.left + (v - xDomain.lowerBound) / (span == 0 ? 1 : span) * (Self.right - Self.left)
    }

    /// The vertical position of data value `v`.
    func y(_ v: Double) -> Double {
        let span = yDomain.upperBound - yDomain.lowerBound
        return Self.bottom - (v - yDomain.lowerBound) / (span == 0 ? 1 : span) * (Self.bottom - Self.top)
    }

    /// Data units per pixel along x (for bar widths).
    var xUnitsPerPixel: Double { (xDomain.upperBound - xDomain.lowerBound) / (Self.right - Self.left) }

    // MARK: marks

    mutating func addLegend(_ key: Key, _ label: String) { legend.append((key, label)) }

    /// A note written in the middle of the plot (e.g. when a series has no values).
    mutating func addNote(_ text: String) { notes.append(text) }

    /// A filled band between `low` and `high` over `xs`; nil values split the band into pieces.
    mutating func band(xs: [Double], low: [Double?], high: [Double?], color: String, opacity: Double) {
        for run in Self.runs(low.indices.map { low[$0] != nil && high[$0] != nil }) {
            // A run holds only indices where both values are present.
            let upper = run.compactMap { i in high[i].map { "\(Self.n(x(xs[i]))),\(Self.n(y($0)))" } }
            let lower = run.reversed().compactMap { i in low[i].map { "\(Self.n(x(xs[i]))),\(Self.n(y($0)))" } }
            let d = "M" + (upper + lower).joined(separator: " L") + " Z"
            marks.append(#"<path class="mark band" d="\#(d)" fill="\#(color)" fill-opacity="\#(Self.n(opacity, 2))" stroke="none"/>"#)
        }
    }

    /// A line through the points (xs, ys); nil values split it.
    mutating func line(xs: [Double], ys: [Double?], color: String, width: Double = 2.2, dash: String? = nil) {
        for run in Self.runs(ys.map { $0 != nil }) {
            let points = run.compactMap { i in ys[i].map { "\(Self.n(x(xs[i]))),\(Self.n(y($0)))" } }
            let pts = points.count == 1 ? [points[0], points[0]] : points
            let dashAttribute = dash.map { #" stroke-dasharray="\#($0)""# } ?? ""
            marks.append(#"<polyline class="mark line" points="\#(pts.joined(separator: " "))" fill="none" stroke="\#(color)" stroke-width="\#(Self.n(width))"\#(dashAttribute) stroke-linejoin="round" stroke-linecap="round"/>"#)
        }
    }

    /// A bar from `from` to `to` along x and from 0 (or the bottom of the axis) to `height` along y.
    mutating func bar(from: Double, to: Double, height: Double, color: String, stroke: String? = nil, label: String? = nil) {
        let base = max(yDomain.lowerBound, min(0, yDomain.upperBound))
        let x0 = x(from), x1 = x(to), y0 = y(base), y1 = y(height)
        guard x1 > x0, abs(y0 - y1) > 0 else { return }
        let strokeAttribute = stroke.map { #" stroke="\#($0)" stroke-width="0.8""# } ?? ""
        var text = #"<rect class="mark bar" x="\#(Self.n(x0))" y="\#(Self.n(min(y0, y1)))" width="\#(Self.n(x1 - x0))" height="\#(Self.n(abs(y0 - y1)))" fill="\#(color)"\#(strokeAttribute)>"#
        if let label { text += "<title>\(HTML.escape(label))</title>" }
        marks.append(text + "</rect>")
    }

    /// A horizontal reference line (not a data mark), e.g. zero.
    mutating func referenceLine(at value: Double, color: String = "#000", dash: String? = nil) {
        guard yDomain.contains(value) else { return }
        let dashAttribute = dash.map { #" stroke-dasharray="\#($0)""# } ?? ""
        marks.append(#"<line class="reference" x1="\#(Self.n(Self.left))" x2="\#(Self.n(Self.right))" y1="\#(Self.n(y(value)))" y2="\#(Self.n(y(value)))" stroke="\#(color)" stroke-width="1"\#(dashAttribute)/>"#)
    }

    /// A text label in data coordinates.
    mutating func label(_ text: String, x: Double, y: Double, anchor: String = "middle") {
        marks.append(#"<text x="\#(Self.n(self.x(x)))" y="\#(Self.n(self.y(y)))" text-anchor="\#(anchor)" font-size="13">\#(HTML.escape(text))</text>"#)
    }

    // MARK: rendering

    /// The `<svg>` element; `id` must be unique in the document.
    func render(id: String) -> String {
        let w = Self.width, h = Self.height
        var out: [String] = []
        out.append(##"<svg id="\##(id)" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(Self.n(w, 0)) \##(Self.n(h, 0))" role="img" aria-labelledby="\##(id)-title" font-family="\##(Self.font)" font-size="13" fill="#000">"##)
        out.append(#"<title id="\#(id)-title">\#(HTML.escape(title))</title>"#)
        // Grid and ticks.
        out.append(##"<g class="grid" stroke="#d0d0d0" stroke-width="0.8">"##)
        for t in yTicks where yDomain.contains(t.value) {
            out.append(#"<line x1="\#(Self.n(Self.left))" x2="\#(Self.n(Self.right))" y1="\#(Self.n(y(t.value)))" y2="\#(Self.n(y(t.value)))"/>"#)
        }
        out.append("</g>")
        out.append(#"<g class="marks">"#)
        out.append(contentsOf: marks)
        out.append("</g>")
        out.append(##"<g class="axes" stroke="#000" stroke-width="1">"##)
        out.append(#"<line x1="\#(Self.n(Self.left))" x2="\#(Self.n(Self.right))" y1="\#(Self.n(Self.bottom))" y2="\#(Self.n(Self.bottom))"/>"#)
        out.append(#"<line x1="\#(Self.n(Self.left))" x2="\#(Self.n(Self.left))" y1="\#(Self.n(Self.top))" y2="\#(Self.n(Self.bottom))"/>"#)
        for t in xTicks where xDomain.contains(t.value) {
            out.append(#"<line x1="\#(Self.n(x(t.value)))" x2="\#(Self.n(x(t.value)))" y1="\#(Self.n(Self.bottom))" y2="\#(Self.n(Self.bottom + 5))"/>"#)
        }
        for t in yTicks where yDomain.contains(t.value) {
            out.append(#"<line x1="\#(Self.n(Self.left - 5))" x2="\#(Self.n(Self.left))" y1="\#(Self.n(y(t.value)))" y2="\#(Self.n(y(t.value)))"/>"#)
        }
        out.append("</g>")
        out.append(#"<g class="tick-labels" font-size="13">"#)
        for t in xTicks where xDomain.contains(t.value) {
            out.append(#"<text x="\#(Self.n(x(t.value)))" y="\#(Self.n(Self.bottom + 20))" text-anchor="middle">\#(HTML.escape(t.label))</text>"#)
        }
        for t in yTicks where yDomain.contains(t.value) {
            out.append(#"<text x="\#(Self.n(Self.left - 9))" y="\#(Self.n(y(t.value) + 4))" text-anchor="end">\#(HTML.escape(t.label))</text>"#)
        }
        out.append("</g>")
        let middleX = (Self.left + Self.right) / 2, middleY = (Self.top + Self.bottom) / 2
        out.append(#"<text class="axis-label" x="\#(Self.n(middleX))" y="\#(Self.n(Self.bottom + 46))" text-anchor="middle" font-size="14">\#(HTML.escape(xLabel))</text>"#)
        out.append(#"<text class="axis-label" transform="translate(18,\#(Self.n(middleY))) rotate(-90)" text-anchor="middle" font-size="14">\#(HTML.escape(yLabel))</text>"#)
        for (i, note) in notes.enumerated() {
            out.append(##"<text class="note" x="\##(Self.n(middleX))" y="\##(Self.n(middleY + Double(i) * 18))" text-anchor="middle" font-size="13" fill="#333">\##(HTML.escape(note))</text>"##)
        }
        out.append(legendGroup())
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The legend: keys in one row above the plot (a second row when they do not fit).
    private func legendGroup() -> String {
        guard !legend.isEmpty else { return "" }
        var out = [#"<g class="legend" font-size="13.5">"#]
        var cursor = Self.left, row = 0.0
        for (key, label) in legend {
            let advance = 30 + Double(label.count) * 7.9 + 18
            if cursor + advance > Self.right + 10 && cursor > Self.left { cursor = Self.left; row += 20 }
            let cy = 18 + row
            switch key {
            case let .line(color, dash):
                let dashAttribute = dash.map { #" stroke-dasharray="\#($0)""# } ?? ""
                out.append(#"<line x1="\#(Self.n(cursor))" x2="\#(Self.n(cursor + 24))" y1="\#(Self.n(cy))" y2="\#(Self.n(cy))" stroke="\#(color)" stroke-width="2.4"\#(dashAttribute)/>"#)
            case let .band(color, opacity):
                out.append(#"<rect class="key" x="\#(Self.n(cursor))" y="\#(Self.n(cy - 6))" width="24" height="12" fill="\#(color)" fill-opacity="\#(Self.n(opacity, 2))"/>"#)
            case let .bar(color):
                out.append(#"<rect class="key" x="\#(Self.n(cursor + 4))" y="\#(Self.n(cy - 7))" width="16" height="14" fill="\#(color)"/>"#)
            }
            out.append(#"<text x="\#(Self.n(cursor + 30))" y="\#(Self.n(cy + 4.5))">\#(HTML.escape(label))</text>"#)
            cursor += advance
        }
        out.append("</g>")
        return out.joined(separator: "\n")
    }

    // MARK: helpers

    /// Index runs where `present` is true, in order.
    static func runs(_ present: [Bool]) -> [[Int]] {
        var result: [[Int]] = [], current: [Int] = []
        for (i, p) in present.enumerated() {
            if p { current.append(i) } else if !current.isEmpty { result.append(current); current = [] }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A coordinate with fixed decimals ("-0.0" written as "0.0").
    static func n(_ v: Double, _ decimals: Int = 1) -> String {
        let text = String(format: "%.\(decimals)f", v)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }
}

/// Axis ticks at "nice" numbers (1, 2, 2.5 or 5 times a power of ten).
enum NiceScale {
    /// A step near `span / target` from the 1-2-2.5-5 series.
    static func step(span: Double, target: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, target))
        let magnitude = pow(10, floor(log10(raw)))
        let r = raw / magnitude
        let nice: Double = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// A domain covering `low … high` (and zero when `includeZero`), widened to whole steps, and
    /// its tick values. A flat range at zero spans `flatSpan`.
    static func domain(low: Double, high: Double, includeZero: Bool = true, target: Int = 5,
                       flatSpan: Double = 1) -> (domain: ClosedRange<Double>, ticks: [Double], step: Double) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1e-300) {
            let pad = lo == 0 ? flatSpan : abs(lo) * 0.1
            if includeZero && lo == 0 { hi = lo + pad } else { lo -= pad; hi += pad }
        }
        let step = step(span: hi - lo, target: target)
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        let ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        return ((first * step)...(last * step), ticks, step)
    }

    /// Decimals needed to print multiples of `step` exactly (at most 6).
    static func decimals(for step: Double) -> Int {
        for d in 0...6 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { return d }
        }
        return 6
    }
}

/// Escaping for HTML text and attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
