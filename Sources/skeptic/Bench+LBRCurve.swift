import ArgumentParser
import Basics
import Foundation
import Plotting
import PokerRules
import Solver

extension Skeptic.Bench {
  /// `skeptic bench lbr-curve`: LBR's win rate against blueprints of several abstraction sizes
  /// as training goes on.
  struct LBRCurve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lbr-curve",
      abstract: "Train blueprints on each card abstraction and judge them by LBR as training goes on (a curve).",
      discussion: """
        For each --abstraction a fresh blueprint trains (seeded, --threads) and stops at each \
        of --deals to be played by local best response (--lbr-hands deals from both seats per \
        action set). The table and --svg give LBR's win rate with its 95% confidence sequence \
        against training deals, one line per abstraction and action set, beside the \
        always-fold anchor (750 mbb/hand for cc-fcpa in no-limit hold'em).

        Example:
          skeptic bench lbr-curve --abstraction quick.abs --abstraction default.abs --deals 1000000,4000000 --svg lbr.svg
        """
    )

    @Option(help: "A card abstraction file; repeat for each size.")
    var abstraction: [String] = []

    @Option(help: "The game.")
    var game: String = "nolimit-holdem"

    @Option(help: "The no-limit bet menu's bet sizes (--raises 100%,allin, --reraises allin, cap 3, as skeptic train).")
    var bets: String = "50%,100%,allin"

    @Option(help: "Training deals at which LBR plays, comma-separated, increasing.")
    var deals: String = "1000000,4000000,16000000"

    @Option(help: "LBR's deals per point (each from both seats).")
    var lbrHands: Int = 3000

    @Option(help: "LBR's action sets, comma-separated (fc, cc-fcpa, 56, fcr).")
    var actions: String?

    @OptionGroup var common: CurveOptions

    @Option(help: "Plot the rows a --json run printed (saved to this file) instead of measuring.")
    var from: String?

    struct Row: Codable {
      var buckets: String
      var deals: Int
      var trainingSeconds: Double
      var actions: String
      var lbrDeals: Int
      var mean: Double
      var interval: [Double]?
      var unit: String
    }

    func run() throws {
      let definition = try GameDefinition.named(game)
      if let from {
        let data = try Data(contentsOf: URL(fileURLWithPath: from))
        let rows: [Row]
        do { rows = try JSONDecoder().decode([Row].self, from: data) } catch {
          throw CommandError("\(from) does not hold the rows of skeptic bench lbr-curve --json: \(error)")
        }
        guard let svg = common.svg else { throw CommandError("--from plots: give --svg") }
        try writePlot(rows, to: svg, game: definition)
        return
      }
      let checkpoints = deals.split(separator: ",").compactMap { Int($0) }
      guard !checkpoints.isEmpty, checkpoints == checkpoints.sorted(), checkpoints[0] > 0 else {
        throw CommandError("--deals \(deals): positive deal counts, increasing, comma-separated")
      }
      let actionSets = try (actions ?? (definition.betting == .limit ? "fcr" : "cc-fcpa,fc")).split(separator: ",")
        .map { name in
          guard let set = LBRActions.presets.first(where: { $0.name == name }) else {
            throw CommandError("--actions: \(name) is not one of fc, cc-fcpa, 56, fcr")
          }
          return set
        }
      let menu =
        definition.betting == .noLimit
        ? BetMenuText(bets: bets, raises: "100%,allin", reraises: "allin", raiseCap: 3) : nil
      let tree = try BlueprintTree(game: definition, actions: try menu.map { .menu(try $0.menu()) })
      var rows: [Row] = []
      for path in abstraction {
        let buckets = try CardAbstraction(contentsOf: path)
        var settings = BlueprintSettings()
        settings.seed = common.seed
        settings.threads = common.threads
        settings.batch = BlueprintSettings.batch(tree: tree, bucketCounts: buckets.bucketCounts)
        let trainer = try BlueprintTrainer(tree: tree, buckets: buckets, settings: settings)
        var trainingSeconds = 0.0
        let sizes = buckets.bucketCounts.map(String.init).joined(separator: "-")
        for target in checkpoints {
          let started = Date()
          while trainer.iterations < target {
            trainer.run(min(target - trainer.iterations, 1 << 18))
            if !common.json {
              Terminal.writeError(
                "\r\(sizes): training \(trainer.iterations)/\(target) deals, \(Terminal.clock(trainingSeconds + Date().timeIntervalSince(started)))\u{1B}[K"
              )
            }
          }
          trainingSeconds += Date().timeIntervalSince(started)
          let policy = trainer.policy(menu: menu)
          for set in actionSets {
            let lbr = try LocalBestResponse(
              game: definition, opponent: .blueprint(policy, buckets: buckets, translation: .pseudoHarmonic),
              actions: set, seed: common.seed)
            var tally = try LBRTally(game: definition, alpha: 0.05)
            while tally.deals < lbrHands {
              let played = tally.deals
              for result in lbr.play(deals: played..<min(lbrHands, played + 256), threads: common.threads) {
                try tally.observe(result)
              }
              if !common.json {
                Terminal.writeError(
                  "\r\(sizes) at \(trainer.iterations) deals: LBR \(set.name) \(tally.deals)/\(lbrHands)\u{1B}[K")
              }
            }
            let row = Row(
              buckets: sizes, deals: trainer.iterations, trainingSeconds: trainingSeconds, actions: set.name,
              lbrDeals: tally.deals, mean: tally.mean, interval: tally.interval, unit: tally.unit)
            rows.append(row)
            if !common.json {
              Terminal.writeError("\r\u{1B}[K")
              print(
                String(
                  format: "%@  %9d deals (%@)  LBR %@ %7.0f mbb/hand  [%@]", sizes, row.deals,
                  Terminal.clock(trainingSeconds), set.name, row.mean,
                  row.interval.map { String(format: "%.0f, %.0f", $0[0], $0[1]) } ?? "-"))
            }
          }
        }
      }
      if let svg = common.svg { try writePlot(rows, to: svg, game: definition) }
      if common.json { print(try JSONOutput.string(rows)) }
    }

    /// LBR's win rate against training deals: a line per abstraction and action set, its
    /// confidence sequence as dashed edges, and the always-fold anchor.
    func writePlot(_ rows: [Row], to path: String, game: GameDefinition) throws {
      let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
      var sizes: [String] = []
      for row in rows where !sizes.contains(row.buckets) { sizes.append(row.buckets) }
      var actionSets: [String] = []
      for row in rows where !actionSets.contains(row.actions) { actionSets.append(row.actions) }
      // One panel per action set, a colour per abstraction size.
      let panels = actionSets.map { actions -> LinePlot in
        var series: [LinePlot.Series] = []
        for (index, size) in sizes.enumerated() {
          let line = rows.filter { $0.buckets == size && $0.actions == actions }
          let color = colors[index % colors.count]
          series.append(LinePlot.Series(name: size, points: line.map { (Double($0.deals), $0.mean) }, color: color))
          for edge in 0..<2 {
            series.append(
              LinePlot.Series(
                name: "", points: line.compactMap { row in row.interval.map { (Double(row.deals), $0[edge]) } },
                color: color, dashed: true))
          }
        }
        if game.betting == .noLimit, actions == "cc-fcpa", let first = rows.first, let last = rows.last {
          series.append(
            LinePlot.Series(
              name: "always-fold (750)", points: [(Double(first.deals), 750), (Double(last.deals), 750)],
              color: "#000", dashed: true))
        }
        var plot = LinePlot(
          title: "LBR (\(actions)) against blueprints; lower is better, dashed: 95% confidence sequences",
          xLabel: "training deals", yLabel: "LBR wins, mbb/hand", logX: true, logY: false, series: series)
        plot.width = 760
        plot.height = 400
        return plot
      }
      let document = LinePlot.document(rows: panels.map { [$0] })
      do { try AtomicFile.write(Data(document.utf8), to: path) } catch { throw CommandError(error) }
    }
  }
}
