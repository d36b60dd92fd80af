import ArgumentParser
import Cards
import Foundation
import Solver

/// `skeptic abstract`: card abstractions for hold'em.
struct Abstract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "abstract",
    abstract: "Build hold'em card abstractions (buckets of suit-isomorphic hands).",
    subcommands: [Build.self, Show.self, Actions.self],
    defaultSubcommand: Build.self
  )

  /// A stage's progress bar on standard error, redrawn in place.
  @Sendable static func stage(_ name: String, _ done: Int, _ total: Int, _ started: Date) {
    let fraction = total > 0 ? Double(done) / Double(total) : 1
    Terminal.writeError(
      "\r\(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(Terminal.bar(fraction)) \(Terminal.grouped(done))/\(Terminal.grouped(total))  \(Terminal.clock(Date().timeIntervalSince(started)))\u{1B}[K"
    )
  }

  /// `skeptic abstract build`: the whole card abstraction, every round.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "build",
      abstract: "Build a hold'em card abstraction for all four rounds and write it to a file.",
      discussion: """
        Preflop: the 169 classes (lossless). Flop and turn: each canonical hand's histogram of \
        river hand strength over every runout, clustered by k-means under the earth mover's \
        distance (k-means++ start, triangle-inequality pruning). River: strength against \
        --clusters opponent groups, clustered by k-means with distances through OpenBLAS. \
        --sizes is preflop-flop-turn-river buckets or a preset: quick (169-200-200-200), \
        default (169-1000-1000-1000), large (169-9000-9000-9000). The file is versioned, \
        checksummed, written atomically, and memory-mapped when read (skeptic abstract show).
        """
    )

    @Option(parsing: .unconditional, help: "Buckets per round (preflop-flop-turn-river) or quick, default, large.")
    var sizes: String = "default"
    @Option(parsing: .unconditional, help: "Bins of the flop and turn strength histograms.")
    var bins: Int = 50
    @Option(parsing: .unconditional, help: "Opponent clusters of the river features.")
    var clusters: Int = 8
    @Option(parsing: .unconditional, help: "Hands sampled to fit each round's centres.")
    var sample: Int = 1_000_000
    @Option(parsing: .unconditional, help: "Seed for the opponent clusters, the samples and k-means++.")
    var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Threads (the buckets do not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(
      parsing: .unconditional,
      help: "Only the first N canonical boards of each round (a quick try; the rest stay zero).")
    var boards: Int?
    @Option(help: "Write the abstraction here.")
    var out: String?
    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
      do { _ = try AbstractionSizes(parsing: sizes) } catch { throw ValidationError("--sizes: \(error.message)") }
      guard (2...255).contains(bins) else { throw ValidationError("--bins: 2 to 255, not \(bins)") }
      guard (1...169).contains(clusters) else { throw ValidationError("--clusters: 1 to 169, not \(clusters)") }
      guard threads >= 1 else { throw ValidationError("--threads: at least 1") }
      guard boards.map({ $0 >= 1 }) ?? true else { throw ValidationError("--boards: at least 1") }
      let parsed = try AbstractionSizes(parsing: sizes)
      for (round, name) in ["flop", "turn", "river"].enumerated() where parsed.buckets[round + 1] > sample {
        throw ValidationError("--sample: \(sample) hands cannot make \(parsed.buckets[round + 1]) \(name) buckets")
      }
    }

    func run() throws {
      let terminal = Terminal.standardErrorIsTerminal && !json
      var options = CardAbstraction.BuildOptions(sizes: try AbstractionSizes(parsing: sizes))
      options.bins = bins
      options.clusters = clusters
      options.sample = sample
      options.seed = seed
      options.threads = threads
      options.boards = boards
      let clock = StageClock()
      var seconds: [(String, Double)] = []
      let abstraction = try CardAbstraction.build(
        options,
        progress: { name, done, total in
          if terminal { Abstract.stage(name, done, total, clock.started(name)) }
        },
        finished: { name, time in
          seconds.append((name, time))
          if terminal { Terminal.writeError("\n") }
        })
      if let out { try abstraction.write(to: out) }
      let total = seconds.reduce(0) { $0 + $1.1 }
      if json {
        var fields: [String: Double] = ["seconds": total]
        for (name, time) in seconds {
          let words = name.split(separator: " ")
          fields[words[0] + words.dropFirst().map(\.capitalized).joined() + "Seconds"] = time
        }
        for (round, name) in ["preflop", "flop", "turn", "river"].enumerated() {
          fields["\(name)Buckets"] = Double(options.sizes.buckets[round])
        }
        print(try JSONOutput.string(fields))
      } else {
        print(
          "card abstraction \(options.sizes): \(Terminal.grouped(AbstractionSizes.canonicalHands.reduce(0, +))) canonical hands"
        )
        for (name, time) in seconds {
          print("  " + name.padding(toLength: 17, withPad: " ", startingAt: 0) + String(format: " %7.1f s", time))
        }
        print("  " + "total".padding(toLength: 17, withPad: " ", startingAt: 0) + String(format: " %7.1f s", total))
        if let out { print("  written to \(out)") }
      }
    }
  }

  /// When each stage's bar started (the first time it was drawn).
  final class StageClock: @unchecked Sendable {
    private var starts: [String: Date] = [:]
    private let lock = NSLock()
    func started(_ name: String) -> Date {
      lock.lock()
      defer { lock.unlock() }
      if let start = starts[name] { return start }
      starts[name] = Date()
      return starts[name]!
    }
  }

  /// `skeptic abstract show`: what a file holds, and the buckets of a hand.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Check a card abstraction file and print its sizes, or a hand's bucket in each round.",
      discussion: """
        Maps the file, checks its checksum and every bucket, and prints how it was built and how \
        many hands each bucket holds. With --hand (hole cards then up to five board cards, \
        such as "AsKd QhJh2c 7s 9d"), prints the hand's bucket in each round it reaches.
        """
    )

    @Argument(help: "A file written by skeptic abstract build.")
    var file: String
    @Option(help: "Hole cards and board cards, such as \"AsKd QhJh2c\".")
    var hand: String?
    @Flag(help: "Print as JSON.")
    var json = false

    func run() throws {
      let abstraction = try CardAbstraction(contentsOf: file)
      var cards: [Card] = []
      if let hand {
        do { cards = try Card.parseList(hand) } catch { throw ValidationError("--hand: \(error)") }
        guard cards.count >= 2, [2, 5, 6, 7].contains(cards.count) else {
          throw ValidationError("--hand: two hole cards and 0, 3, 4 or 5 board cards, not \(cards.count) cards")
        }
        guard Set(cards).count == cards.count else { throw ValidationError("--hand: a card repeats") }
      }
      let names = ["preflop", "flop", "turn", "river"]
      var buckets: [(String, Int)] = []
      if !cards.isEmpty {
        for (round, boardCount) in [0, 3, 4, 5].enumerated() where 2 + boardCount <= cards.count {
          buckets.append(
            (names[round], try abstraction.bucket(hole: Array(cards[0..<2]), board: Array(cards[2..<(2 + boardCount)])))
          )
        }
      }
      if json {
        var fields: [String: Double] = [:]
        for (round, name) in names.enumerated() { fields["\(name)Buckets"] = Double(abstraction.sizes.buckets[round]) }
        for (name, bucket) in buckets { fields["\(name)Bucket"] = Double(bucket) }
        print(try JSONOutput.string(fields))
        return
      }
      print("\(file): card abstraction \(abstraction.sizes)")
      print("  built with \(abstraction.header)")
      for (round, name) in names.enumerated() {
        let hands = abstraction.occupancy(round: round).sorted()
        let used = hands.filter { $0 > 0 }
        print(
          "  \(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(Terminal.grouped(AbstractionSizes.canonicalHands[round])) hands in \(Terminal.grouped(abstraction.sizes.buckets[round])) buckets"
            + " (hands per bucket: fewest \(Terminal.grouped(used.first ?? 0)), median \(Terminal.grouped(used.isEmpty ? 0 : used[used.count / 2])), most \(Terminal.grouped(used.last ?? 0))"
            + (hands.count > used.count ? "; \(hands.count - used.count) empty)" : ")"))
      }
      if !cards.isEmpty {
        print("  \(cards.map(\.description).joined(separator: " ")):")
        for (name, bucket) in buckets {
          print("    \(name.padding(toLength: 8, withPad: " ", startingAt: 0)) bucket \(bucket)")
        }
      }
    }
  }
}
