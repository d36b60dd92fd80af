/// One player's bet sizes on one street.
public struct StreetMenu: Hashable, Sendable {
  /// Sizes for opening the betting on the street.
  public var bets: [BetSize]
  /// Sizes for raising a bet or a raise.
  public var raises: [BetSize]
  /// Sizes by raise depth past the first raise: `reraises[0]` for raising a raise, `reraises[1]`
  /// for the raise after, the last entry for every deeper one; empty means ``raises`` at every
  /// depth.
  public var reraises: [[BetSize]] = []
  /// Sizes for out of position leading into the player who made the last bet or raise on the street
  /// before (a donk bet); nil means the ordinary ``bets``.
  public var donks: [BetSize]?

  public init(bets: [BetSize], raises: [BetSize], donks: [BetSize]? = nil, reraises: [[BetSize]] = []) {
    self.bets = bets
    self.raises = raises
    self.donks = donks
    self.reraises = reraises
  }

  /// The sizes for raising when `depth` bets and raises have been made on the street (1: a bet
  /// is faced).
  public func raiseSizes(depth: Int) -> [BetSize] {
    guard depth >= 2, let last = reraises.last else { return raises }
    return depth - 2 < reraises.count ? reraises[depth - 2] : last
  }
}
