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

    public init(name: String, points: [(x: Double, y: Double)], color: String) {
      self.name = name
      self.points = points
      self.color = color
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
    let points = series.flatMap(\.points).filter { (!logX || $0.x > 0) && (!logY || $0.y > 0) }
    func transform(_ value: Double, _ log: Bool) -> Double { log ? log10(value) : value }
    var xs = points.map { transform($0.x, logX) }
    var ys = points.map { transform($0.y, logY) }
    if xs.isEmpty { xs = [0, 1] }
    if ys.isEmpty { ys = [0, 1] }
    var (xMin, xMax) = (xs.min()!, xs.max()!)
    var (yMin, yMax) = (ys.min()!, ys.max()!)
    if logX { (xMin, xMax) = (xMin.rounded(.down), max(xMax.rounded(.up), xMin.rounded(.down) + 1)) }
    if logY { (yMin, yMax) = (yMin.rounded(.down), max(yMax.rounded(.up), yMin.rounded(.down) + 1)) }
    if xMax == xMin { xMax = xMin + 1 }
    if yMax == yMin { yMax = yMin + 1 }
    func px(_ x: Double) -> Double { left + margin.left + (transform(x, logX) - xMin) / (xMax - xMin) * plotWidth }
    func py(_ y: Double) -> Double { top + margin.top + (1 - (transform(y, logY) - yMin) / (yMax - yMin)) * plotHeight }
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
      if log { return stride(from: low, through: high, by: 1).map { $0 } }
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
    for (index, line) in series.enumerated() {
      let usable = line.points.filter { (!logX || $0.x > 0) && (!logY || $0.y > 0) }
      if !usable.isEmpty {
        let path = usable.map { "\(format(px($0.x))),\(format(py($0.y)))" }.joined(separator: " ")
        svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.8\" points=\"\(path)\"/>\n"
      }
      let legendY = top + margin.top + 16 + 16 * Double(index)
      svg +=
        "<text x=\"\(format(left + margin.left + plotWidth - 8))\" y=\"\(format(legendY))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(line.color)\">\(escape(line.name))</text>\n"
    }
    return svg
  }

  /// A standalone SVG document of this chart.
  public var svg: String { LinePlot.document([self]) }

  /// Several charts side by side in one SVG document.
  public static func document(_ plots: [LinePlot]) -> String {
    let totalWidth = plots.reduce(0) { $0 + $1.width }
    let totalHeight = plots.map(\.height).max() ?? 0
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(totalWidth))\" height=\"\(Int(totalHeight))\" font-family=\"sans-serif\">\n"
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    var left = 0.0
    for plot in plots {
      svg += plot.body(left: left, top: 0)
      left += plot.width
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
