/// The running estimates betting strategies use, with the conventional priors:
/// μ̂_t = (1/2 + Σ x_i) / (t + 1) and σ̂²_t = (1/4 + Σ (x_i − μ̂_i)²) / (t + 1), for outcomes in
/// [0, 1]. "Before" values are those of the first t − 1 outcomes, the predictable ones.
public struct RunningMoments: Sendable, Hashable {
  public private(set) var count = 0
  private var sum = 0.0
  private var squares = 0.0

  public init() {}

  /// μ̂ of the outcomes so far.
  public var mean: Double { (0.5 + sum) / Double(count + 1) }
  /// σ̂² of the outcomes so far.
  public var variance: Double { (0.25 + squares) / Double(count + 1) }

  public mutating func add(_ x: Double) {
    sum += x
    count += 1
    let centred = x - mean
    squares += centred * centred
  }
}
