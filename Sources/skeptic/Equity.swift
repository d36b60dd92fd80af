import ArgumentParser
import Cards
import Foundation

extension Skeptic {
  /// `skeptic equity`: all-in equity of hands or ranges.
  struct Equity: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "All-in equity of two or more hold'em hands or ranges, exact where feasible.",
      discussion: """
        Each holding is two cards (AhKh) or a range (QQ+,AKs,AQo-ATo,KhQh; AKs:0.5 weights a \
        token). Exact enumeration is used unless it would rank more than --exact-limit deals, \
        then a seeded Monte Carlo estimate with a 95% interval.

        Examples:
          skeptic equity AhKh QsQd
          skeptic equity AK QQ --board Qh7c2d
          skeptic equity 'QQ+,AKs' random --trials 200000 --seed 7 --json
        """
    )

    @Argument(help: "Two or more hands or ranges.")
    var holdings: [String]

    @Option(help: "Board cards already dealt, such as Qh7c2d (0 to 5 cards).")
    var board: String = ""

    @Option(help: "Dead cards that cannot be dealt.")
    var dead: String = ""

    @Option(help: "Monte Carlo trials when enumeration is too large.")
    var trials: Int = 1_000_000

    @Option(help: "Seed for Monte Carlo sampling.")
    var seed: UInt64 = 1

    @Option(help: "Largest number of deals to enumerate exactly before sampling instead.")
    var exactLimit: Double = 3e9

    @Flag(help: "Always sample, even when exact enumeration is small.")
    var monteCarlo = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
      guard holdings.count >= 2 else {
        throw ValidationError("give at least two hands or ranges, e.g. 'skeptic equity AhKh QsQd'")
      }
      guard holdings.count <= 10 else { throw ValidationError("at most ten players fit a deck") }
      guard trials > 0 else { throw ValidationError("--trials must be positive") }
    }

    func run() throws {
      let ranges: [HandRange]
      let boardCards: [Card]
      let deadCards: [Card]
      do {
        ranges = try holdings.map { try HandRange.handOrRange($0) }
        boardCards = try Card.parseList(board)
        deadCards = try Card.parseList(dead)
      } catch {
        throw CommandError(error)
      }
      let calculator = EquityCalculator()
      let start = Date()
      let result: EquityResult
      do {
        let hands = ranges.compactMap(\.singleHand)
        if !monteCarlo && hands.count == ranges.count {
          result = try calculator.exact(hands: hands, board: boardCards, dead: deadCards)
        } else if !monteCarlo && calculator.exactWork(ranges: ranges, board: boardCards) <= exactLimit {
          result = try calculator.exact(ranges: ranges, board: boardCards, dead: deadCards)
        } else {
          result = try calculator.monteCarlo(
            ranges: ranges, board: boardCards, dead: deadCards, trials: trials, seed: seed)
        }
      } catch {
        throw CommandError(error)
      }
      if json {
        print(try JSONOutput.string(result))
        return
      }
      let elapsed = Date().timeIntervalSince(start)
      let method =
        result.exact
        ? "exact, \(Int(result.deals)) deals" : "Monte Carlo, \(result.trials) trials, seed \(result.seed ?? 0)"
      print("equity (\(method), \(String(format: "%.1f", elapsed * 1000)) ms)")
      let width = max(8, result.players.map(\.holding.count).max() ?? 0)
      for player in result.players {
        let name = player.holding.padding(toLength: width, withPad: " ", startingAt: 0)
        var line = String(format: "  %@  %8.4f%%", name, player.equity * 100)
        if !result.exact { line += String(format: " ± %.4f%%", player.confidenceHalfWidth * 100) }
        if result.exact { line += String(format: "   wins %.0f  ties %.0f", player.wins, player.ties) }
        print(line)
      }
    }
  }
}
