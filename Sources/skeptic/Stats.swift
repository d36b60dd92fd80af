import ArgumentParser
import Basics
import Foundation
import GameTheoreticProbability
import Plotting

extension Skeptic {
  /// `skeptic stats`: an anytime-valid confidence sequence and e-value for a CSV column.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Confidence sequence for the mean of bounded outcomes in a CSV column, and the e-value against a mean.",
      discussion: """
        The intervals hold at every time at once with probability at least 1 − α, so they may be \
        read after every observation and the experiment stopped whenever. The e-value against M \
        is the capital of betting against "the mean is M"; above 1/α it rejects M at level α.

        Example:
          skeptic stats results.csv --column chips --lower -13 --upper 13 --against 0 --at 100,1000 --plot cs.svg
        """
    )

    @Argument(help: "A CSV file; the first line is a header if it holds a non-number.")
    var file: String

    @Option(parsing: .unconditional, help: "The smallest possible outcome (negative values are fine: --lower -13).")
    var lower: Double

    @Option(parsing: .unconditional, help: "The largest possible outcome.")
    var upper: Double

    @Option(help: "The column by header name (default: the first).")
    var column: String?

    @Option(
      name: .customLong("where"),
      help: "Read only rows whose COLUMN equals VALUE, as COLUMN=VALUE (an arena's hands.csv: pair=\"cfr vs random\").")
    var matching: String?

    @Option(help: "Error level α in (0, 1).")
    var alpha: Double = 0.05

    @Option(help: "hedged (betting, exact ends), eb (empirical Bernstein) or hoeffding.")
    var method: String = "hedged"

    @Option(parsing: .unconditional, help: "A mean to test: prints the e-value against it.")
    var against: Double?

    @Option(help: "Times at which to print the interval, comma-separated (the end is always printed).")
    var at: String = ""

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Write the interval over time as an SVG plot.")
    var plot: String?

    struct Row: Codable {
      var observations: Int
      var mean: Double
      var lower: Double?
      var upper: Double?
    }

    struct Report: Codable {
      var file: String
      var method: String
      var alpha: Double
      var observations: Int
      var rows: [Row]
      var final: Row
      var gridResolution: Double?
      var against: Double?
      var eValue: Double?
    }

    func validate() throws {
      guard ["hedged", "eb", "hoeffding"].contains(method) else {
        throw ValidationError("--method is hedged, eb or hoeffding, not '\(method)'")
      }
      guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha \(alpha) must lie strictly between 0 and 1") }
      guard lower < upper else { throw ValidationError("--lower \(lower) must be below --upper \(upper)") }
      if let against, !(against > lower && against < upper) {
        throw ValidationError("--against \(against) must lie strictly between --lower and --upper")
      }
      for part in at.split(separator: ",") where Int(part.trimmingCharacters(in: .whitespaces)).map({ $0 <= 0 }) ?? true
      {
        throw ValidationError("--at takes positive whole numbers separated by commas, not '\(part)'")
      }
    }

    func run() throws {
      let values: [Double]
      var selection: (column: String, value: String)?
      if let matching {
        let parts = matching.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw CommandError("--where '\(matching)' is not COLUMN=VALUE") }
        selection = (parts[0], parts[1])
      }
      do { values = try OutcomeColumn.read(path: file, column: column, matching: selection) } catch {
        throw CommandError(error)
      }
      let times = Set(at.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
      var hedged: HedgedConfidenceSequence?
      var closed: ClosedFormConfidenceSequence?
      do {
        switch method {
        case "hedged": hedged = try HedgedConfidenceSequence(alpha: alpha, lower: lower, upper: upper)
        case "eb":
          closed = try ClosedFormConfidenceSequence(kind: .empiricalBernstein, alpha: alpha, lower: lower, upper: upper)
        default: closed = try ClosedFormConfidenceSequence(kind: .hoeffding, alpha: alpha, lower: lower, upper: upper)
        }
      } catch { throw CommandError(error) }
      var up: TestMartingale<OneSidedBettor<PlugInBettor>>?
      var down: TestMartingale<OneSidedBettor<PlugInBettor>>?
      if let against {
        up = try TestMartingale(
          mean: against, lower: lower, upper: upper, bettor: OneSidedBettor(PlugInBettor(alpha: alpha), betting: .above)
        )
        down = try TestMartingale(
          mean: against, lower: lower, upper: upper, bettor: OneSidedBettor(PlugInBettor(alpha: alpha), betting: .below)
        )
      }
      var rows: [Row] = []
      var curve: [(Double, Double, Double)] = []
      var sum = 0.0
      for (i, value) in values.enumerated() {
        do {
          if hedged != nil { try hedged!.observe(value) } else { try closed!.observe(value) }
          try up?.observe(value)
          try down?.observe(value)
        } catch {
          throw CommandError("\(file): \(error)")
        }
        sum += value
        let t = i + 1
        let interval = hedged?.interval ?? closed?.interval
        if times.contains(t) {
          rows.append(
            Row(observations: t, mean: sum / Double(t), lower: interval?.lowerBound, upper: interval?.upperBound))
        }
        if plot != nil, let interval, t <= 100 || t % max(1, values.count / 500) == 0 {
          curve.append((Double(t), interval.lowerBound, interval.upperBound))
        }
      }
      let finalInterval = hedged?.exactInterval() ?? closed?.interval
      let final = Row(
        observations: values.count, mean: sum / Double(values.count), lower: finalInterval?.lowerBound,
        upper: finalInterval?.upperBound)
      var eValue: Double?
      if let up, let down { eValue = 0.5 * up.eValue + 0.5 * down.eValue }
      let report = Report(
        file: file, method: method, alpha: alpha, observations: values.count, rows: rows, final: final,
        gridResolution: hedged.map { $0.resolution * (upper - lower) }, against: against, eValue: eValue)
      if let plot {
        let chart = LinePlot(
          title: "\(Int((1 - alpha) * 100))% confidence sequence (\(method))", xLabel: "observations", yLabel: "mean",
          logX: true, logY: false,
          series: [
            .init(name: "lower", points: curve.map { ($0.0, $0.1) }, color: "#1f77b4"),
            .init(name: "upper", points: curve.map { ($0.0, $0.2) }, color: "#d62728"),
          ]
            + (against.map { value in
              [
                LinePlot.Series(
                  name: "M = \(value)", points: [(1, value), (Double(values.count), value)], color: "#555")
              ]
            } ?? []))
        do { try AtomicFile.write(Data(chart.svg.utf8), to: plot) } catch { throw CommandError(error) }
      }
      if json {
        print(try JSONOutput.string(report))
        return
      }
      func describe(_ row: Row) -> String {
        let interval =
          row.lower.map { String(format: "[%.6g, %.6g] width %.4g", $0, row.upper!, row.upper! - $0) } ?? "empty"
        return String(format: "  t = %-9d mean %.6g  ", row.observations, row.mean) + interval
      }
      print(
        "\(Int((1 - alpha) * 100))% confidence sequence (\(method)) for the mean of \(values.count) observations in [\(lower), \(upper)]"
      )
      for row in rows {
        print(
          describe(row) + (method == "hedged" ? "  (grid, ±\(String(format: "%.2g", report.gridResolution!)))" : ""))
      }
      print(describe(final) + (method == "hedged" ? "  (exact ends)" : ""))
      if let against, let eValue {
        let verdict = eValue >= 1 / alpha ? "rejected at level \(alpha)" : "not rejected"
        print(String(format: "e-value against mean %g: %.4g (%@)", against, eValue, verdict))
      }
    }
  }
}
