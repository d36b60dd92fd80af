/// A bet menu as its user wrote it (the `--bets`, `--raises`, `--reraises` and `--raise-cap`
/// options): what files record so that the same ``ActionMenu`` is rebuilt when they are read.
public struct BetMenuText: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Bet sizes, such as `50%,100%,allin`.
  public var bets: String
  /// Raise sizes (shares of the pot after the call).
  public var raises: String
  /// Sizes for raising a raise and deeper, one list per depth separated by `/`.
  public var reraises: String
  /// Bets and raises per round at most.
  public var raiseCap: Int
  /// A share of the stack behind past which a bet or raise becomes all-in (1: off).
  public var allInThreshold: Double

  public init(bets: String, raises: String, reraises: String, raiseCap: Int, allInThreshold: Double = 1) {
    self.bets = bets
    self.raises = raises
    self.reraises = reraises
    self.raiseCap = raiseCap
    self.allInThreshold = allInThreshold
  }

  /// The menu, every round alike.
  ///
  /// - Throws: ``SolverError`` (`badParameter`) naming the option that does not parse or the
  ///   menu that cannot be built.
  public func menu() throws(SolverError) -> ActionMenu {
    let street: StreetMenu
    do {
      street = StreetMenu(
        bets: try BetSize.parseList(bets, field: "--bets"), raises: try BetSize.parseList(raises, field: "--raises"),
        reraises: try reraises.split(separator: "/").map { try BetSize.parseList($0, field: "--reraises") })
    } catch {
      throw SolverError(.badParameter, "\(error)")
    }
    return try ActionMenu(rounds: [street], raiseCap: raiseCap, allInThreshold: allInThreshold)
  }

  public var description: String {
    "bets \(bets); raises \(raises); reraises \(reraises); at most \(raiseCap) per round"
      + (allInThreshold < 1 ? "; all-in past \(Int(allInThreshold * 100))% of the stack" : "")
  }
}
