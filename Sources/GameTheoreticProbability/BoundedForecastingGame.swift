/// The bounded forecasting protocol played one round at a time, with the bookkeeping enforced:
/// Forecaster announces a price for an outcome in `[lower, upper]`, Skeptic stakes `M`, and only
/// then is the outcome revealed; capital becomes `K + M (x − m)`.
///
/// A stake that could make capital negative for some outcome in the range is refused. The bet
/// is placed through ``announce(price:)`` and ``Round/bet(_:)``, which return a ``Round`` that
/// alone can ``Round/reveal(_:)`` the outcome, so code cannot look at the outcome first.
public struct BoundedForecastingGame: Sendable {
  public let lower: Double
  public let upper: Double
  /// Skeptic's capital.
  public private(set) var capital: Double
  /// Rounds played.
  public private(set) var rounds = 0

  /// A game over outcomes in `[lower, upper]` with Skeptic's starting capital.
  public init(lower: Double, upper: Double, capital: Double = 1) throws(ProbabilityError) {
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw ProbabilityError(.badParameter, "the outcome range [\(lower), \(upper)] must be finite with lower < upper")
    }
    guard capital.isFinite, capital >= 0 else {
      throw ProbabilityError(.badParameter, "starting capital \(capital) must be finite and not negative")
    }
    self.lower = lower
    self.upper = upper
    self.capital = capital
  }

  /// A round in progress: the price announced; Skeptic's stake next, then the outcome.
  public struct Round: Sendable {
    fileprivate var game: BoundedForecastingGame
    public let price: Double
    public private(set) var stake: Double?

    /// Stakes `M` (positive: betting the outcome exceeds the price). Refused if some outcome in
    /// range would make capital negative.
    public mutating func bet(_ stake: Double) throws(ProbabilityError) {
      guard self.stake == nil else {
        throw ProbabilityError(.protocolViolation, "the stake for this round is already placed")
      }
      guard stake.isFinite else { throw ProbabilityError(.badParameter, "stake \(stake) is not finite") }
      let worst = min(game.capital + stake * (game.lower - price), game.capital + stake * (game.upper - price))
      guard worst >= -1e-12 * max(1, game.capital) else {
        throw ProbabilityError(
          .protocolViolation,
          "stake \(stake) at price \(price) could leave capital \(worst) < 0; Skeptic must stay solvent")
      }
      self.stake = stake
    }

    /// Reveals the outcome and returns the game after the round.
    public func reveal(_ outcome: Double) throws(ProbabilityError) -> BoundedForecastingGame {
      guard let stake else {
        throw ProbabilityError(.protocolViolation, "the outcome cannot be revealed before the stake is placed")
      }
      guard outcome >= game.lower, outcome <= game.upper, outcome.isFinite else {
        throw ProbabilityError(.outOfRange, "outcome \(outcome) is outside [\(game.lower), \(game.upper)]")
      }
      var next = game
      next.capital = max(0, game.capital + stake * (outcome - price))
      next.rounds += 1
      return next
    }
  }

  /// Forecaster announces the price of the next outcome.
  public func announce(price: Double) throws(ProbabilityError) -> Round {
    guard price >= lower, price <= upper, price.isFinite else {
      throw ProbabilityError(.outOfRange, "price \(price) is outside [\(lower), \(upper)]")
    }
    return Round(game: self, price: price, stake: nil)
  }
}
