import Foundation

/// The betting confidence sequence with hedged capital (Waudby-Smith and Ramdas): for a candidate
/// mean m, one bettor bets up with λ⁺ = min(λ_t, c/m), another down with λ⁻ = min(λ_t, c/(1 − m)),
/// λ_t the predictable plug-in size, and K_t(m) = max(θ K⁺_t(m), (1 − θ) K⁻_t(m)). The interval is
/// {m : K_t(m) < 1/α}, intersected over time.
///
/// Streaming: log K⁺ and log K⁻ are kept on a grid of candidate means and updated per
/// observation, for the grid points still inside the interval only; ``interval`` reads the grid
/// (an outer bound, accurate to ``resolution``). ``exactInterval()`` finds the ends by bisection
/// on the stored observations between the bracketing grid points: exact to 1e-12, at a cost of
/// O(t) per step, for final reports.
public struct HedgedConfidenceSequence: ConfidenceSequence {
  public let alpha: Double
  public let lower: Double
  public let upper: Double
  public let theta: Double
  public let cap: Double
  /// Whether the interval is intersected over time (the default). Without it every grid point is
  /// updated every time, and the interval is today's set {m : K_t(m) < 1/α}.
  public let runningIntersection: Bool
  /// Grid spacing on the [0, 1] scale.
  public var resolution: Double { 1 / Double(gridSize) }
  let gridSize: Int
  let threshold: Double
  var moments = RunningMoments()
  /// The observations (scaled) and the plug-in sizes bet on them, for exact ends.
  var observations: [Double] = []
  var sizes: [Double] = []
  var logUp: [Double]
  var logDown: [Double]
  /// Live grid points: lowIndex…highIndex (empty when lowIndex > highIndex).
  var lowIndex: Int
  var highIndex: Int

  public var count: Int { observations.count }

  public init(
    alpha: Double, lower: Double = 0, upper: Double = 1, gridSize: Int = 1_000, theta: Double = 0.5, cap: Double = 0.5,
    runningIntersection: Bool = true
  ) throws(ProbabilityError) {
    try checkSetup(alpha: alpha, lower: lower, upper: upper)
    guard gridSize >= 10 else {
      throw ProbabilityError(.badParameter, "the grid needs at least 10 points, not \(gridSize)")
    }
    guard theta > 0, theta < 1, cap > 0, cap < 1 else {
      throw ProbabilityError(.badParameter, "θ = \(theta) and c = \(cap) must lie strictly between 0 and 1")
    }
    self.alpha = alpha
    self.lower = lower
    self.upper = upper
    self.theta = theta
    self.cap = cap
    self.runningIntersection = runningIntersection
    self.gridSize = gridSize
    threshold = log(1 / alpha)
    logUp = [Double](repeating: 0, count: gridSize + 1)
    logDown = logUp
    lowIndex = 0
    highIndex = gridSize
  }

  /// Grid point i on the [0, 1] scale.
  func gridPoint(_ i: Int) -> Double { Double(i) / Double(gridSize) }

  /// log K for a candidate from its two bettors' log capitals.
  func combined(_ up: Double, _ down: Double) -> Double {
    max(log(theta) + up, log(1 - theta) + down)
  }

  public mutating func observe(_ x: Double) throws(ProbabilityError) {
    let value = try scaled(x, lower, upper, index: count + 1)
    let t = Double(moments.count + 1)
    let size = (2 * log(2 / alpha) / (moments.variance * t * log(1 + t))).squareRoot()
    observations.append(value)
    sizes.append(size)
    moments.add(value)
    if !runningIntersection {
      lowIndex = 0
      highIndex = gridSize
    }
    guard lowIndex <= highIndex else { return }
    for i in lowIndex...highIndex {
      let m = gridPoint(i)
      let up = min(size, cap / max(m, 1e-12))
      let down = min(size, cap / max(1 - m, 1e-12))
      logUp[i] += log1p(up * (value - m))
      logDown[i] += log1p(-down * (value - m))
    }
    while lowIndex <= highIndex && combined(logUp[lowIndex], logDown[lowIndex]) >= threshold { lowIndex += 1 }
    while highIndex >= lowIndex && combined(logUp[highIndex], logDown[highIndex]) >= threshold { highIndex -= 1 }
  }

  func unscale(_ m: Double) -> Double { lower + m * (upper - lower) }

  /// The exact interval after all of `observations`, in one call (the batch API).
  public static func interval(
    of observations: [Double], alpha: Double, lower: Double = 0, upper: Double = 1, runningIntersection: Bool = true
  ) throws(ProbabilityError) -> ClosedRange<Double>? {
    var sequence = try HedgedConfidenceSequence(
      alpha: alpha, lower: lower, upper: upper, runningIntersection: runningIntersection)
    for x in observations { try sequence.observe(x) }
    return sequence.exactInterval()
  }

  /// The interval from the grid: from the last excluded point below to the first above, so it
  /// contains the exact interval.
  public var interval: ClosedRange<Double>? {
    guard lowIndex <= highIndex else { return nil }
    return unscale(gridPoint(max(lowIndex - 1, 0)))...unscale(gridPoint(min(highIndex + 1, gridSize)))
  }

  /// log K_t(m) computed from the stored observations.
  func logCapital(at m: Double) -> Double {
    var up = 0.0
    var down = 0.0
    let upCap = cap / max(m, 1e-12)
    let downCap = cap / max(1 - m, 1e-12)
    for (x, size) in zip(observations, sizes) {
      up += log1p(min(size, upCap) * (x - m))
      down += log1p(-min(size, downCap) * (x - m))
    }
    return combined(up, down)
  }

  /// The interval with its ends found by bisection on the stored observations, between the grid
  /// points that bracket them (and within the running intersection the grid keeps).
  public func exactInterval() -> ClosedRange<Double>? {
    guard lowIndex <= highIndex else { return nil }
    func root(_ excluded: Double, _ included: Double) -> Double {
      var (outside, inside) = (excluded, included)
      for _ in 0..<45 {
        let middle = (outside + inside) / 2
        if logCapital(at: middle) >= threshold { outside = middle } else { inside = middle }
      }
      return inside
    }
    let low = lowIndex == 0 ? 0 : root(gridPoint(lowIndex - 1), gridPoint(lowIndex))
    let high = highIndex == gridSize ? 1 : root(gridPoint(highIndex + 1), gridPoint(highIndex))
    return unscale(low)...unscale(high)
  }
}
