import Foundation

/// A small SVG line chart: one or more series, linear or logarithmic axes, ticks, labels.
///
/// Used for convergence curves and confidence sequences; no dependencies, deterministic output
/// (the same data gives the same bytes).
public struct LinePlot: Sendable {
  /// One line.
  public struct Series: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    public var color: String
    /// Drawn dashed and thin: a reference line (zero, a threshold).
    public var dashed: Bool

    public init(name: String, points: [(x: Double, y: Double)], color: String, dashed: Bool = false) {
      self.name = name
      self.points = points
      self.color = color
      self.dashed = dashed
    }
  }

  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var logX: Bool
  public var logY: Bool
  public var series: [Series]
  public var width = 640.0
  public var height = 400.0
  /// The y range shown, when the caller fits it (points outside are drawn at its edge); nil: all
  /// points.
  public var yRange: ClosedRange<Double>?
  /// With `logY`, the points' y values are already base-10 logarithms (for values too large for
  /// a double, such as e-values past 1e308); ticks still read 1eN.
  public var yValuesAreLog10 = false

  public init(title: String, xLabel: String, yLabel: String, logX: Bool, logY: Bool, series: [Series]) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.logX = logX
    self.logY = logY
    self.series = series
  }

  /// The chart as an SVG fragment placed at (`left`, `top`), or a whole document by ``svg``.
  func body(left: Double, top: Double) -> String {
    let margin = (left: 70.0, right: 20.0, top: 30.0, bottom: 50.0)
    let plotWidth = width - margin.left - margin.right
    let plotHeight = height - margin.top - margin.bottom
    let logYGiven = logY && yValuesAreLog10
    func usable(_ point: (x: Double, y: Double)) -> Bool {
      (!logX || point.x > 0) && (!logY || logYGiven || point.y > 0) && point.x.isFinite && point.y.isFinite
    }
    let points = series.flatMap(\.points).filter(usable)
    func transform(_ value: Double, _ log: Bool) -> Double { log ? log10(value) : value }
    func transformY(_ value: Double) -> Double { logYGiven ? value : transform(value, logY) }
    var xs = points.map { transform($0.x, logX) }
    var ys = points.map { transformY($0.y) }
    if let yRange { ys = [transformY(yRange.lowerBound), transformY(yRange.upperBound)] }
    if xs.isEmpty { xs = [0, 1] }
    if ys.isEmpty { ys = [0, 1] }
    var (xMin, xMax) = (xs.min()!, xs.max()!)
    var (yMin, yMax) = (ys.min()!, ys.max()!)
    if logX { (xMin, xMax) = (xMin.rounded(.down), max(xMax.rounded(.up), xMin.rounded(.down) + 1)) }
    if logY { (yMin, yMax) = (yMin.rounded(.down), max(yMax.rounded(.up), yMin.rounded(.down) + 1)) }
    if xMax == xMin { xMax = xMin + 1 }
    if yMax == yMin { yMax = yMin + 1 }
    func px(_ x: Double) -> Double { left + margin.left + (transform(x, logX) - xMin) / (xMax - xMin) * plotWidth }
    func py(_ y: Double) -> Double {
      let clamped = min(max(transformY(y), yMin), yMax)
      return top + margin.top + (1 - (clamped - yMin) / (yMax - yMin)) * plotHeight
    }
    func format(_ value: Double) -> String { String(format: "%.1f", value) }
    func tickLabel(_ value: Double, _ log: Bool) -> String {
      if log { return "1e\(Int(value))" }
      return abs(value) >= 1000 || (abs(value) < 0.01 && value != 0)
        ? String(format: "%.2g", value) : String(format: "%.4g", value)
    }
    var svg = ""
    svg +=
      "<text x=\"\(format(left + width / 2))\" y=\"\(format(top + 18))\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
    svg +=
      "<rect x=\"\(format(left + margin.left))\" y=\"\(format(top + margin.top))\" width=\"\(format(plotWidth))\" height=\"\(format(plotHeight))\" fill=\"none\" stroke=\"#888\"/>\n"
    func ticks(_ low: Double, _ high: Double, _ log: Bool) -> [Double] {
      if log { return stride(from: low, through: high, by: max(1, niceStep((high - low) / 6).rounded())).map { $0 } }
      let step = niceStep((high - low) / 5)
      return stride(from: (low / step).rounded(.up) * step, through: high + step * 1e-9, by: step).map { $0 }
    }
    for tick in ticks(xMin, xMax, logX) {
      let x = left + margin.left + (tick - xMin) / (xMax - xMin) * plotWidth
      svg +=
        "<line x1=\"\(format(x))\" y1=\"\(format(top + margin.top))\" x2=\"\(format(x))\" y2=\"\(format(top + margin.top + plotHeight))\" stroke=\"#eee\"/>\n"
      svg +=
        "<text x=\"\(format(x))\" y=\"\(format(top + margin.top + plotHeight + 16))\" text-anchor=\"middle\" font-size=\"11\">\(tickLabel(tick, logX))</text>\n"
    }
    for tick in ticks(yMin, yMax, logY) {
      let y = top + margin.top + (1 - (tick - yMin) / (yMax - yMin)) * plotHeight
      svg +=
        "<line x1=\"\(format(left + margin.left))\" y1=\"\(format(y))\" x2=\"\(format(left + margin.left + plotWidth))\" y2=\"\(format(y))\" stroke=\"#eee\"/>\n"
      svg +=
        "<text x=\"\(format(left + margin.left - 6))\" y=\"\(format(y + 4))\" text-anchor=\"end\" font-size=\"11\">\(tickLabel(tick, logY))</text>\n"
    }
    svg +=
      "<text x=\"\(format(left + margin.left + plotWidth / 2))\" y=\"\(format(top + height - 10))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel))</text>\n"
    svg +=
      "<text transform=\"translate(\(format(left + 16)),\(format(top + margin.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(escape(yLabel))</text>\n"
    var legendIndex = 0
    for line in series {
      let drawn = line.points.filter(usable)
      if !drawn.isEmpty {
        let path = drawn.map { "\(format(px($0.x))),\(format(py($0.y)))" }.joined(separator: " ")
        let style = line.dashed ? "stroke-width=\"1.2\" stroke-dasharray=\"6,4\"" : "stroke-width=\"1.8\""
        svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" \(style) points=\"\(path)\"/>\n"
      }
      // A series without a name (the second edge of a band) takes no line in the legend.
      guard !line.name.isEmpty else { continue }
      let legendY = top + margin.top + 16 + 16 * Double(legendIndex)
      legendIndex += 1
      svg +=
        "<text x=\"\(format(left + margin.left + plotWidth - 8))\" y=\"\(format(legendY))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(line.color)\">\(escape(line.name))</text>\n"
    }
    return svg
  }

  /// A standalone SVG document of this chart.
  public var svg: String { LinePlot.document([self]) }

  /// Several charts side by side in one SVG document.
  public static func document(_ plots: [LinePlot]) -> String { document(rows: [plots]) }

  /// Rows of charts, each row side by side, in one SVG document.
  public static func document(rows: [[LinePlot]]) -> String {
    let totalWidth = rows.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
    let totalHeight = rows.reduce(0) { $0 + ($1.map(\.height).max() ?? 0) }
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(totalWidth))\" height=\"\(Int(totalHeight))\" font-family=\"sans-serif\">\n"
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    var top = 0.0
    for row in rows {
      var left = 0.0
      for plot in row {
        svg += plot.body(left: left, top: top)
        left += plot.width
      }
      top += row.map(\.height).max() ?? 0
    }
    return svg + "</svg>\n"
  }
}

func niceStep(_ raw: Double) -> Double {
  guard raw > 0, raw.isFinite else { return 1 }
  let magnitude = pow(10, (log10(raw)).rounded(.down))
  let fraction = raw / magnitude
  let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
  return nice * magnitude
}

func escape(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;")
}
