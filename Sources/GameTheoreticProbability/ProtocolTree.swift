/// A finite forecasting protocol as a tree: at each round Forecaster announces a price (one
/// value, or any value in an interval, chosen anew at every node), Skeptic bets at that price,
/// and Reality picks one of finitely many outcomes; leaves carry a payoff.
///
/// ``upperExpectation`` is the least initial capital from which Skeptic can end with at least
/// the payoff whatever Forecaster and Reality do; ``lowerExpectation`` is minus the upper
/// expectation of minus the payoff. Upper and lower probabilities are those of 0/1 payoffs.
public indirect enum ProtocolTree<Value: ProtocolScalar>: Sendable {
  case leaf(Value)
  /// Forecaster's prices for this round, and Reality's outcomes with what follows each.
  case round(prices: Prices, outcomes: [(outcome: Value, next: ProtocolTree)])

  /// What Forecaster may announce.
  public enum Prices: Sendable {
    /// One price.
    case exactly(Value)
    /// Any price in a closed interval.
    case within(Value, Value)
  }
}

extension ProtocolTree {
  /// The upper expectation of the payoff, by backward induction.
  public var upperExpectation: Value {
    switch self {
    case .leaf(let payoff):
      return payoff
    case .round(let prices, let outcomes):
      let points = outcomes.map { (x: $0.outcome, value: $0.next.upperExpectation) }
      return ProtocolTree.upperPrice(points, prices)
    }
  }

  /// The lower expectation: minus the upper expectation of minus the payoff.
  public var lowerExpectation: Value { -negated.upperExpectation }

  /// The same protocol with every payoff negated.
  public var negated: ProtocolTree {
    switch self {
    case .leaf(let payoff): .leaf(-payoff)
    case .round(let prices, let outcomes):
      .round(prices: prices, outcomes: outcomes.map { ($0.outcome, $0.next.negated) })
    }
  }

  /// One round's upper price of outcome-dependent values: for a price m, the least capital c
  /// with some stake M such that c + M (x − m) ≥ value(x) for every outcome x, which is the
  /// concave envelope of the points evaluated at m (infinite when m lies outside the outcomes'
  /// range, where Skeptic could win without risk: such a price is incoherent). With an interval
  /// of prices Forecaster picks the worst for Skeptic: the envelope is concave and piecewise
  /// linear, so its largest value on the interval is at an end or at an outcome inside it.
  static func upperPrice(_ points: [(x: Value, value: Value)], _ prices: Prices) -> Value {
    switch prices {
    case .exactly(let m):
      return envelope(points, at: m)
    case .within(let low, let high):
      var candidates = [low, high]
      for point in points where low < point.x && point.x < high { candidates.append(point.x) }
      return candidates.map { envelope(points, at: $0) }.max()!
    }
  }

  /// The concave envelope of the points at `m`: the best value of a point at m, or of a chord
  /// between a point at or left of m and one at or right of it.
  static func envelope(_ points: [(x: Value, value: Value)], at m: Value) -> Value {
    var best: Value?
    for left in points where !(m < left.x) {
      for right in points where !(right.x < m) {
        let value: Value
        if left.x == right.x {
          value = max(left.value, right.value)
        } else {
          value = (left.value * (right.x - m) + right.value * (m - left.x)) / (right.x - left.x)
        }
        if best == nil || best! < value { best = value }
      }
    }
    guard let best else {
      preconditionFailure(
        "a price outside the outcomes' range lets Skeptic win without risk; the protocol is incoherent")
    }
    return best
  }
}

extension ProtocolTree {
  /// `rounds` rounds with the same prices and outcomes; the payoff is `payoff` of the outcomes.
  public static func repeated(
    rounds: Int, prices: Prices, outcomes: [Value], payoff: ([Value]) -> Value
  ) -> ProtocolTree {
    func build(_ history: [Value]) -> ProtocolTree {
      if history.count == rounds { return .leaf(payoff(history)) }
      return .round(prices: prices, outcomes: outcomes.map { ($0, build(history + [$0])) })
    }
    return build([])
  }
}
