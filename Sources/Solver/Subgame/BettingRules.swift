/// Everything that shapes a postflop betting tree apart from the cards: the pot, the stacks, the
/// street it starts on and each player's bet menu per street.
///
/// Player 0 is out of position (OOP, first to act on every street), player 1 in position (IP).
/// Amounts are whole chips.
public struct BettingRules: Hashable, Sendable {
  /// The pot when the spot starts (both players' commitments so far), counted as dead money.
  public var pot: Int
  /// What each player has behind when the spot starts (the effective stack).
  public var stack: Int
  /// The street the spot starts on.
  public var street: Street
  /// Bet menus, `menus[street][player]`, for each street from ``street`` on.
  public var menus: [Street: [StreetMenu]]
  /// A bet or raise that would put in more than this share of what the player has behind
  /// becomes all-in (0.67 in the usual spots; 1 turns the rule off).
  public var allInThreshold: Double
  /// The most bets and raises on one street (then only fold and call remain).
  public var raiseCap: Int

  public init(
    pot: Int, stack: Int, street: Street, menus: [Street: [StreetMenu]], allInThreshold: Double = 1,
    raiseCap: Int = 4
  ) {
    self.pot = pot
    self.stack = stack
    self.street = street
    self.menus = menus
    self.allInThreshold = allInThreshold
    self.raiseCap = raiseCap
  }

  /// The same menu for both players on every street.
  public static func uniform(
    pot: Int, stack: Int, street: Street, menu: StreetMenu, allInThreshold: Double = 1, raiseCap: Int = 4
  ) -> BettingRules {
    var menus: [Street: [StreetMenu]] = [:]
    for each in Street.allCases where each >= street { menus[each] = [menu, menu] }
    return BettingRules(
      pot: pot, stack: stack, street: street, menus: menus, allInThreshold: allInThreshold, raiseCap: raiseCap)
  }

  /// Checks the numbers, naming the field at fault.
  public func validate() throws(SpotError) {
    guard pot > 0 else {
      throw SpotError(.badAmount, field: "pot", "\(pot) chips; the starting pot is at least 1 chip")
    }
    guard stack >= 0 else {
      throw SpotError(.badAmount, field: "stack", "\(stack) chips; the effective stack is 0 chips or more")
    }
    guard pot <= 1_000_000_000, stack <= 1_000_000_000 else {
      throw SpotError(.badAmount, field: pot > stack ? "pot" : "stack", "at most 1,000,000,000 chips")
    }
    guard allInThreshold > 0, allInThreshold <= 1 else {
      throw SpotError(
        .badAmount, field: "allin threshold", "\(allInThreshold); a share of the stack behind in (0, 1]")
    }
    guard (1...100).contains(raiseCap) else {
      throw SpotError(.badAmount, field: "raise cap", "\(raiseCap); between 1 and 100 bets and raises per street")
    }
    for street in Street.allCases where street >= self.street {
      guard let menu = menus[street], menu.count == 2 else {
        throw SpotError(.badBetSize, field: "\(street) bet sizes", "missing: give each player's sizes on the \(street)")
      }
    }
  }
}
