extension Coach {
  /// An amount of chips given up, `0.17 chips`, `1 chip`; a tiny negative (the policy is an
  /// approximate equilibrium) reads as 0.
  static func chips(_ value: Double) -> String {
    let amount = Scoreboard.signed(max(value, 0)).replacingOccurrences(of: "+", with: "")
    return amount + (amount == "1" ? " chip" : " chips")
  }
}
