/// How good a spot solver's average strategy is, and what each player can expect from it.
///
/// Chips are counted as a share of the pot: each player's expected final share of the pot minus
/// the chips it put in during the spot, so the two EVs add up to the starting pot.
public struct SpotEvaluation: Hashable, Sendable, Codable {
  /// Each player's EV with both playing the average strategy (OOP first).
  public var ev: [Double]
  /// Each player's EV when it best-responds to the other's average strategy.
  public var bestResponse: [Double]
  /// Each player's equity: its share of the pot if every street were checked down.
  public var equity: [Double]
  /// Half the sum of what best responses gain over the pot, in chips (NashConv / 2).
  public var exploitability: Double
  /// ``exploitability`` as a percentage of the starting pot, the unit PioSOLVER, postflop-solver
  /// and TexasSolver report.
  public var exploitabilityPercentOfPot: Double
}
