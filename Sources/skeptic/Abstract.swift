import ArgumentParser
import Foundation
import Solver

/// `skeptic abstract`: card abstractions for hold'em.
struct Abstract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "abstract",
    abstract: "Build hold'em card abstractions (buckets of suit-isomorphic hands).",
    subcommands: [River.self]
  )

  /// `skeptic abstract river`: river buckets from opponent-cluster hand strength.
  struct River: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "river",
      abstract: "Bucket all 123,156,254 canonical river hands by their strength against opponent clusters.",
      discussion: """
        Each canonical river hand (hole cards, board as one set) gets its share of wins against \
        each of --clusters groups of opponent hands (preflop hands grouped by strength); a seeded \
        sample of hands is clustered by k-means (distances through OpenBLAS), then every hand \
        goes to its nearest centre. Prints the time of each stage; --out writes the bucket of \
        every hand (atomic, checksummed).
        """
    )

    @Option(parsing: .unconditional, help: "River buckets.")
    var buckets: Int = 200
    @Option(parsing: .unconditional, help: "Opponent clusters (features per hand).")
    var clusters: Int = 8
    @Option(parsing: .unconditional, help: "Hands sampled to fit the centres.")
    var sample: Int = 1_000_000
    @Option(parsing: .unconditional, help: "Seed for the opponent clusters, the sample and k-means++.")
    var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Threads (the buckets do not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(parsing: .unconditional, help: "Only the first N canonical boards (for a quick try; the rest stay zero).")
    var boards: Int?
    @Option(help: "Write the buckets here.")
    var out: String?
    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
      guard (1...65_535).contains(buckets), buckets <= sample else {
        throw ValidationError(
          "--buckets: 1 to 65,535 river buckets, and no more than --sample (\(sample)), not \(buckets)")
      }
      guard (1...169).contains(clusters) else { throw ValidationError("--clusters: 1 to 169, not \(clusters)") }
      guard threads >= 1 else { throw ValidationError("--threads: at least 1") }
    }

    func run() throws {
      let terminal = Terminal.standardErrorIsTerminal && !json
      @Sendable func stage(_ name: String, _ done: Int, _ total: Int, _ started: Date) {
        guard terminal else { return }
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        Terminal.writeError(
          "\r\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(Terminal.bar(fraction)) \(Terminal.grouped(done))/\(Terminal.grouped(total))  \(Terminal.clock(Date().timeIntervalSince(started)))\u{1B}[K"
        )
      }
      var seconds: [String: Double] = [:]
      var started = Date()
      let opponents = try OpponentClusters.preflop(clusters: clusters, seed: seed)
      seconds["opponentClusters"] = Date().timeIntervalSince(started)
      let strength = try ClusterStrength(clusterOfPair: opponents)
      let features = RiverFeatures(clusters: strength.clusters)
      started = Date()
      let boardCount = RiverFeatures.boardIndexer.size(round: 0)
      let start = started
      features.build(strength: strength, boards: 0..<min(boards ?? boardCount, boardCount), threads: threads) {
        done, total in stage("features", done, total, start)
      }
      seconds["features"] = Date().timeIntervalSince(started)
      if terminal { Terminal.writeError("\n") }
      started = Date()
      var fitted: Date? = nil
      let result = try RiverBuckets.build(
        features: features, buckets: buckets, sample: sample, seed: seed, threads: threads
      ) {
        name, done, total in
        if name == "assigning" && fitted == nil {
          fitted = Date()
          if terminal { Terminal.writeError("\n") }
        }
        stage(name, done, total, fitted ?? started)
      }
      if terminal { Terminal.writeError("\n") }
      seconds["fitting"] = (fitted ?? Date()).timeIntervalSince(started)
      seconds["assigning"] = Date().timeIntervalSince(fitted ?? Date())
      if let out {
        let header = try JSONOutput.string([
          "kind": "river", "rounds": "2-5", "buckets": "\(buckets)", "clusters": "\(clusters)", "seed": "\(seed)",
          "sample": "\(sample)",
        ])
        try RiverBucketFile(header: header, buckets: result.buckets).write(to: out)
      }
      let inertia = result.clustering.inertia / Double(sample)
      if json {
        print(
          try JSONOutput.string(
            [
              "hands": Double(features.count), "buckets": Double(buckets),
              "fitPasses": Double(result.clustering.iterations),
              "meanSquaredDistance": inertia, "seconds": seconds.values.reduce(0, +),
            ].merging(seconds.map { ("\($0.key)Seconds", $0.value) }) { a, _ in a }))
      } else {
        print(
          "river buckets: \(buckets) over \(Terminal.grouped(features.count)) canonical hands, \(clusters) opponent clusters"
        )
        for name in ["opponentClusters", "features", "fitting", "assigning"] {
          print(
            "  " + name.padding(toLength: 17, withPad: " ", startingAt: 0)
              + String(format: " %7.1f s", seconds[name] ?? 0))
        }
        print(
          String(
            format: "  k-means: %d passes on %@ sampled hands, mean squared distance %.5f",
            result.clustering.iterations, Terminal.grouped(sample) as NSString, inertia))
        if let out { print("  written to \(out)") }
      }
    }
  }
}
