import Arena
import GameTheoreticProbability
import PokerRules

/// The human's running result: chips, the mean per hand in the arena's unit (mbb/hand with
/// blinds, chips/hand with antes: ``MatchRunner/unit(_:)``), and the anytime-valid confidence
/// sequence for the mean (valid however often it is looked at, which a person at a table does
/// after every hand).
public struct Scoreboard: Sendable {
  public let alpha: Double
  public private(set) var hands = 0
  public private(set) var chips = 0.0
  /// The unit of ``perHand`` and ``interval`` (`mbb/hand` or `chips/hand`).
  public let unit: String
  /// That unit per chip: 1,000 / big blind for mbb/hand, 1 for chips/hand.
  public let scale: Double
  var comparison: PairedComparison

  public init(game: GameDefinition, alpha: Double = 0.05) throws(ProbabilityError) {
    self.alpha = alpha
    (unit, scale) = MatchRunner.unit(game)
    comparison = try PairedComparison(alpha: alpha, range: MatchRunner.largestWin(game))
  }

  public mutating func record(_ won: Double) {
    hands += 1
    chips += won
    try? comparison.observe(difference: won)
  }

  /// The (1 − α) interval for your mean win, in ``unit``.
  public var interval: ClosedRange<Double>? {
    comparison.sequence.exactInterval().map { ($0.lowerBound * scale)...($0.upperBound * scale) }
  }

  /// Your mean win per hand, in ``unit``.
  public var perHand: Double { hands > 0 ? chips / Double(hands) * scale : 0 }

  /// `after 3 hands: +50 chips · +1667 mbb/hand · 95% interval [-2000, +5000] mbb/hand`, or in
  /// chips/hand for games with antes.
  public var line: String {
    guard hands > 0 else { return "no hands finished yet" }
    let level = Int((1 - alpha) * 100)
    let range = interval.map { "[\(Scoreboard.signed($0.lowerBound)), \(Scoreboard.signed($0.upperBound))]" } ?? "[…]"
    return
      "after \(hands) hand\(hands == 1 ? "" : "s"): \(Scoreboard.signed(chips)) chips · \(Scoreboard.signed(perHand)) \(unit) · \(level)% interval \(range) \(unit)"
  }

  /// A number with its sign, no decimals past what matters: `+5`, `-0.5`, `+1667`.
  static func signed(_ value: Double) -> String {
    let rounded = abs(value) >= 10 ? value.rounded() : (value * 100).rounded() / 100
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    return rounded > 0 ? "+" + text : text
  }
}
