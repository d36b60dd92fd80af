import Arena
import GameTheoreticProbability
import PokerRules

/// The human's running result: chips, milli-big-blinds per hand, and the anytime-valid
/// confidence sequence for the mean (valid however often it is looked at, which a person at a
/// table does after every hand).
public struct Scoreboard: Sendable {
  public let alpha: Double
  public private(set) var hands = 0
  public private(set) var chips = 0.0
  /// Milli-big-blinds per chip (the big blind, or the ante in Kuhn and Leduc, is 1,000).
  public let mbbPerChip: Double
  var comparison: PairedComparison

  public init(game: GameDefinition, alpha: Double = 0.05) throws(ProbabilityError) {
    self.alpha = alpha
    mbbPerChip = 1000 / Double(max(game.bigBlind, 1))
    comparison = try PairedComparison(alpha: alpha, range: MatchRunner.largestWin(game))
  }

  public mutating func record(_ won: Double) {
    hands += 1
    chips += won
    try? comparison.observe(difference: won)
  }

  /// The (1 − α) interval for your mean win, in milli-big-blinds per hand.
  public var interval: ClosedRange<Double>? {
    comparison.sequence.exactInterval().map { ($0.lowerBound * mbbPerChip)...($0.upperBound * mbbPerChip) }
  }

  public var mbbPerHand: Double { hands > 0 ? chips / Double(hands) * mbbPerChip : 0 }

  /// `after 3 hands: +5 chips · +1667 mbb/hand · 95% interval [-2000, +5000]`.
  public var line: String {
    guard hands > 0 else { return "no hands finished yet" }
    let level = Int((1 - alpha) * 100)
    let range = interval.map { "[\(Scoreboard.signed($0.lowerBound)), \(Scoreboard.signed($0.upperBound))]" } ?? "[…]"
    return
      "after \(hands) hand\(hands == 1 ? "" : "s"): \(Scoreboard.signed(chips)) chips · \(Scoreboard.signed(mbbPerHand)) mbb/hand · \(level)% interval \(range)"
  }

  /// A number with its sign, no decimals past what matters: `+5`, `-0.5`, `+1667`.
  static func signed(_ value: Double) -> String {
    let rounded = abs(value) >= 10 ? value.rounded() : (value * 100).rounded() / 100
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    return rounded > 0 ? "+" + text : text
  }
}
