import ArgumentParser
import Foundation
import Randomness
import Solver

extension Skeptic.Bench {
  /// `skeptic bench kmeans`: the two clusterings the card abstraction runs, on random points.
  struct KMeansBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "kmeans",
      abstract: "Time k-means (L2 through OpenBLAS, and earth mover's) fitting and assigning on random points.",
      discussion: """
        L2: --points random points of --dimension coordinates in [0, 1] (the river features' \
        shape), fitted to --clusters centres, then --assign more points assigned. Earth mover's: \
        cumulative distributions of random 50-bin histograms (the flop and turn features).
        """
    )

    @Option(parsing: .unconditional, help: "Points to fit.")
    var points: Int = 200_000
    @Option(parsing: .unconditional, help: "Points to assign after the fit.")
    var assign: Int = 2_000_000
    @Option(parsing: .unconditional, help: "Coordinates per point of the L2 run.")
    var dimension: Int = 8
    @Option(parsing: .unconditional, help: "Clusters.")
    var clusters: Int = 1_000
    @Option(parsing: .unconditional, help: "Points per matrix product of the L2 run (default: about 2 MB of products).")
    var block: Int?
    @Option(parsing: .unconditional, help: "Threads.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(parsing: .unconditional, help: "Lloyd passes at most.")
    var passes: Int = 10
    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
      guard points >= clusters, clusters >= 1, dimension >= 1, assign >= 1, (block ?? 1) >= 1, threads >= 1, passes >= 1
      else { throw ValidationError("--points at least --clusters, and every count at least 1") }
    }

    func run() throws {
      var random = SeededGenerator(seed: 1)
      func uniform(_ count: Int) -> [Float] { (0..<count).map { _ in Float(random.unitDouble()) } }
      func histograms(_ count: Int) -> [Float] {
        var result: [Float] = []
        result.reserveCapacity(count * 56)
        for _ in 0..<count {
          let centre = random.unitDouble() * 50
          var counts = [Int](repeating: 0, count: 50)
          for _ in 0..<46 { counts[max(0, min(49, Int(centre + (random.unitDouble() - 0.5) * 20)))] += 1 }
          var running = 0
          for b in 0..<56 {
            if b < 49 { running += counts[b] }
            result.append(b < 49 ? Float(running) / 46 : 0)
          }
        }
        return result
      }
      var figures: [String: Double] = [:]
      var kmeans = KMeans(clusters: clusters, seed: 1, maxIterations: passes)
      kmeans.block = block
      kmeans.threads = threads
      var started = Date()
      let fitted = try kmeans.fit(uniform(points * dimension), dimension: dimension)
      figures["l2FitSeconds"] = Date().timeIntervalSince(started)
      figures["l2Passes"] = Double(fitted.iterations)
      let more = uniform(assign * dimension)
      started = Date()
      _ = fitted.nearest(more, block: block, threads: threads)
      figures["l2AssignSeconds"] = Date().timeIntervalSince(started)
      var emd = EMDKMeans(clusters: clusters, seed: 1, maxIterations: passes)
      emd.threads = threads
      let shapes = histograms(points)
      started = Date()
      let emdFitted = try emd.fit(shapes, dimension: 56)
      figures["emdFitSeconds"] = Date().timeIntervalSince(started)
      figures["emdPasses"] = Double(emdFitted.iterations)
      let moreShapes = histograms(assign)
      started = Date()
      _ = emdFitted.nearest(moreShapes, threads: threads)
      figures["emdAssignSeconds"] = Date().timeIntervalSince(started)
      if json {
        print(try JSONOutput.string(figures))
        return
      }
      print("k-means, \(Terminal.grouped(clusters)) clusters, \(threads) thread(s):")
      print(
        String(
          format:
            "  L2 (%d coordinates, OpenBLAS, block %d): fit %@ points %.2f s (%d passes), assign %@ points %.2f s",
          dimension, kmeans.block ?? 524_288 / clusters, Terminal.grouped(points) as NSString, figures["l2FitSeconds"]!,
          fitted.iterations,
          Terminal.grouped(assign) as NSString, figures["l2AssignSeconds"]!))
      print(
        String(
          format: "  earth mover's (50 bins): fit %@ points %.2f s (%d passes), assign %@ points %.2f s",
          Terminal.grouped(points) as NSString, figures["emdFitSeconds"]!, emdFitted.iterations,
          Terminal.grouped(assign) as NSString, figures["emdAssignSeconds"]!))
    }
  }
}
