import Foundation
import Plotting

extension MatchReport {
  /// The report's charts: for each pair, the first bot's running mean with the confidence
  /// sequence around it and a marked zero line (y fitted to the data once the interval says
  /// something), and below it both e-values on a log axis with the 1/α line.
  public func plotRows() -> [[LinePlot]] {
    let winnings = pairs.map { pair in
      let scale = pair.scale
      let last = pair.curve.last?.hands ?? 1
      let informative = pair.curve.filter { $0.hands >= max(10, last / 100) }
      let shown = informative.isEmpty ? pair.curve : informative
      var values: [Double] = [0]
      for point in shown {
        for value in [point.lower, point.upper, point.mean] { if let value { values.append(value * scale) } }
      }
      let (low, high) = (values.min() ?? -1, values.max() ?? 1)
      let pad = max((high - low) * 0.05, 1e-9)
      var plot = LinePlot(
        title: "\(pair.first) vs \(pair.second)", xLabel: "hands", yLabel: "\(pair.first) wins (\(pair.unit))",
        logX: true, logY: false,
        series: [
          .init(name: "mean", points: series(pair.curve) { $0.mean.map { $0 * scale } }, color: "#222222"),
          .init(
            name: "\(Int(((1 - alpha) * 100).rounded()))% confidence sequence",
            points: series(pair.curve) { $0.lower.map { $0 * scale } }, color: "#1f77b4"),
          .init(name: "", points: series(pair.curve) { $0.upper.map { $0 * scale } }, color: "#1f77b4"),
          .init(name: "zero", points: [(1, 0), (Double(last), 0)], color: "#888888", dashed: true),
        ])
      plot.yRange = (low - pad)...(high + pad)
      return plot
    }
    let evidence = pairs.map { pair in
      let last = Double(pair.curve.last?.hands ?? 1)
      var plot = LinePlot(
        title: "evidence: \(pair.first) vs \(pair.second)", xLabel: "hands", yLabel: "e-value", logX: true, logY: true,
        series: [
          .init(name: "\(pair.first) better", points: series(pair.curve) { $0.log10EFirst }, color: "#2ca02c"),
          .init(name: "\(pair.second) better", points: series(pair.curve) { $0.log10ESecond }, color: "#d62728"),
          .init(
            name: "1/α = \(Int((1 / alpha).rounded()))", points: [(1, log10(1 / alpha)), (last, log10(1 / alpha))],
            color: "#888888", dashed: true),
        ])
      plot.yValuesAreLog10 = true
      return plot
    }
    return [winnings, evidence]
  }

  /// One value of each curve point, against the hands played.
  private func series(_ curve: [PairReport.Point], _ value: (PairReport.Point) -> Double?) -> [(x: Double, y: Double)] {
    curve.compactMap { point in value(point).map { (Double(point.hands), $0) } }
  }
}
