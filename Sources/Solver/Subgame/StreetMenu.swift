/// One player's bet sizes on one street.
public struct StreetMenu: Hashable, Sendable {
  /// Sizes for opening the betting on the street.
  public var bets: [BetSize]
  /// Sizes for raising a bet or a raise.
  public var raises: [BetSize]
  /// Sizes for out of position leading into the player who made the last bet or raise on the street
  /// before (a donk bet); nil means the ordinary ``bets``.
  public var donks: [BetSize]?

  public init(bets: [BetSize], raises: [BetSize], donks: [BetSize]? = nil) {
    self.bets = bets
    self.raises = raises
    self.donks = donks
  }
}
