import ArgumentParser
import Basics
import Foundation
import Plotting
import PokerRules
import Solver

extension Skeptic.Bench {
  /// `skeptic bench bucket-curve`: the real-game exploitability of blueprints trained on card
  /// abstractions of growing size, on a game the exact best response can judge.
  struct BucketCurve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bucket-curve",
      abstract: "Exact exploitability of blueprints against their card abstraction's size, on a reduced hold'em.",
      discussion: """
        For each --buckets size a blueprint trains --deals deals (seeded, --threads) over \
        strength buckets of that many buckets a round (hands ranked by their expected share of \
        the pot, cut into equal groups; 'lossless' keeps every card apart). Each is played in \
        the real game, where it is judged by the exact best response. The table and --svg show \
        how exploitability falls as the abstraction grows.

        Example:
          skeptic bench bucket-curve --game short-holdem --buckets 1,4,16,64,lossless --deals 2000000 --svg buckets.svg
        """
    )

    @Option(help: "A game the exact best response can solve.")
    var game: String = "short-holdem"

    @Option(help: "Buckets per round, comma-separated; 'lossless' for every card apart.")
    var buckets: String = "1,2,4,8,16,32,64,128,lossless"

    @Option(help: "Training deals per blueprint.")
    var deals: Int = 2_000_000

    @Option(help: "Deals per batch (default: the trainer's for the table's size).")
    var batch: Int?

    @OptionGroup var common: CurveOptions

    struct Row: Codable {
      var buckets: String
      var bucketCounts: [Int]
      var deals: Int
      var trainingSeconds: Double
      var exploitability: Double
      var milliBigBlinds: Double
    }

    func run() throws {
      let definition = try GameDefinition.named(game)
      let sizes = buckets.split(separator: ",").map(String.init)
      for size in sizes where size != "lossless" && (Int(size) ?? 0) < 1 {
        throw CommandError("--buckets: \(size) is neither a positive count nor 'lossless'")
      }
      let tree = try BlueprintTree(game: definition)
      if !common.json { Terminal.writeError("compiling \(game) for the exact best response…\n") }
      let compiled = try CompiledGame.compile(definition)
      let judge = BestResponse(game: compiled)
      let hands = StrengthBuckets.handCounts(definition)
      let scale = 1000 / Double(definition.bigBlind)
      var rows: [Row] = []
      for size in sizes {
        let cardBuckets: any CardBuckets =
          size == "lossless"
          ? try LosslessBuckets(game: definition)
          : try StrengthBuckets(game: definition, counts: hands.map { min($0, Int(size)!) })
        var settings = BlueprintSettings()
        settings.seed = common.seed
        settings.threads = common.threads
        settings.batch =
          batch ?? BlueprintSettings.batch(tree: tree, bucketCounts: cardBuckets.bucketCounts)
        let trainer = try BlueprintTrainer(tree: tree, buckets: cardBuckets, settings: settings)
        let started = Date()
        while trainer.iterations < deals {
          trainer.run(min(deals - trainer.iterations, 1 << 17))
          if !common.json {
            Terminal.writeError(
              "\r\(size) buckets: \(Terminal.bar(Double(trainer.iterations) / Double(deals))) \(trainer.iterations)/\(deals) deals\u{1B}[K"
            )
          }
        }
        let seconds = Date().timeIntervalSince(started)
        let value = judge.evaluate(try trainer.policy(on: compiled)).exploitability
        let counts = size == "lossless" ? hands : cardBuckets.bucketCounts
        let row = Row(
          buckets: size, bucketCounts: counts, deals: trainer.iterations, trainingSeconds: seconds,
          exploitability: value, milliBigBlinds: value * scale)
        rows.append(row)
        if !common.json {
          Terminal.writeError("\r\u{1B}[K")
          print(
            String(
              format: "%@ buckets (%@): %d deals in %@, exploitability %.4f chips = %.0f mbb/game", size,
              counts.map(String.init).joined(separator: "-"), row.deals, Terminal.clock(seconds), value,
              row.milliBigBlinds))
        }
      }
      if let svg = common.svg { try writePlot(rows, to: svg) }
      if common.json { print(try JSONOutput.string(rows)) }
    }

    /// Exploitability against buckets per round (both on log scales), the lossless blueprint as
    /// a dashed line.
    func writePlot(_ rows: [Row], to path: String) throws {
      let counted = rows.filter { $0.buckets != "lossless" }
      var series = [
        LinePlot.Series(
          name: "strength buckets, \(deals) deals each",
          points: counted.map { (Double(Int($0.buckets)!), log10($0.milliBigBlinds)) }, color: "#1f77b4")
      ]
      if let lossless = rows.first(where: { $0.buckets == "lossless" }), let first = counted.first,
        let last = counted.last
      {
        series.append(
          LinePlot.Series(
            name: "lossless (every card apart)",
            points: [first, last].map { (Double(Int($0.buckets)!), log10(lossless.milliBigBlinds)) },
            color: "#d62728", dashed: true))
      }
      var plot = LinePlot(
        title: "\(game): real-game exploitability of blueprints by card abstraction size",
        xLabel: "buckets per round", yLabel: "exploitability, mbb/game", logX: true, logY: true, series: series)
      plot.yValuesAreLog10 = true
      plot.width = 760
      plot.height = 460
      do { try AtomicFile.write(Data(plot.svg.utf8), to: path) } catch { throw CommandError(error) }
    }
  }
}
