import Arena
import GameTheoreticProbability
import PokerRules

/// LBR's results as they come, in the game's report unit: per seat and the paired mean, with
/// the anytime-valid confidence sequence of the paired mean (shifted by a threshold, so the
/// sequence decides above or below it).
struct LBRTally {
  let unit: String
  let scale: Double
  /// The threshold in chips.
  let shift: Double
  private(set) var comparison: PairedComparison
  private(set) var sums = (first: 0.0, second: 0.0)
  private(set) var deals = 0

  /// - Parameter threshold: in the report's unit.
  init(game: GameDefinition, alpha: Double, threshold: Double = 0) throws {
    (unit, scale) = MatchRunner.unit(game)
    shift = threshold / scale
    comparison = try PairedComparison(alpha: alpha, range: MatchRunner.largestWin(game) + abs(shift))
  }

  mutating func observe(_ result: (first: Double, second: Double)) throws {
    sums.first += result.first
    sums.second += result.second
    deals += 1
    try comparison.observe(difference: (result.first + result.second) / 2 - shift)
  }

  /// The paired mean, in the unit.
  var mean: Double { (sums.first + sums.second) / 2 / Double(max(deals, 1)) * scale }
  var meanFirstSeat: Double { sums.first / Double(max(deals, 1)) * scale }
  var meanSecondSeat: Double { sums.second / Double(max(deals, 1)) * scale }

  /// The confidence sequence's interval, in the unit.
  var interval: [Double]? {
    comparison.sequence.interval.map { [($0.lowerBound + shift) * scale, ($0.upperBound + shift) * scale] }
  }

  /// True once the interval excludes the threshold.
  var decided: Bool { comparison.shouldStop([.excludes(0)]) != nil }
}
