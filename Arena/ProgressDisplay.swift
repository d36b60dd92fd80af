import Foundation

/// What a pair's progress line shows after each hand: hands per second, the mean, and the
/// confidence sequence's interval, its exact ends refreshed while that costs under 1 % of the
/// pair's time (they take time linear in the hands) and at the last hand, so the last line
/// shows what the report will say; between refreshes, the grid's interval (free, but no finer
/// than its spacing).
struct ProgressDisplay {
  let pair: String
  let target: Int
  let unit: String
  let scale: Double
  let start = Date()
  var exact: ClosedRange<Double>?
  var exactAt = Date.distantPast
  var exactCost = 0.0

  init(pair: String, target: Int, unit: String, scale: Double) {
    self.pair = pair
    self.target = target
    self.unit = unit
    self.scale = scale
  }

  /// The progress after the hands `score` holds.
  mutating func update(_ score: PairScore) -> MatchRunner.Progress {
    let now = Date()
    let hands = score.hands
    if now.timeIntervalSince(exactAt) > 100 * exactCost || hands == target {
      exact = score.comparison.sequence.exactInterval()
      exactCost = Date().timeIntervalSince(now)
      exactAt = Date()
    }
    return MatchRunner.Progress(
      pair: pair, hands: hands, target: target,
      handsPerSecond: Double(hands) / max(now.timeIntervalSince(start), 1e-9), mean: score.mean,
      interval: exact ?? score.comparison.sequence.interval, unit: unit, scale: scale)
  }
}
