/// What an equity calculation found for each player, and how.
public struct EquityResult: Codable, Sendable, Hashable {
  /// One player's share of the pot over all the deals considered.
  public struct Player: Codable, Sendable, Hashable {
    /// The hand or range as given.
    public var holding: String
    /// Weight of the deals this player won outright (a count of boards when exact and unweighted).
    public var wins: Double
    /// Weight of the deals this player tied for the best hand.
    public var ties: Double
    /// Expected share of the pot, in [0, 1].
    public var equity: Double
    /// Half-width of the 95% confidence interval on `equity` (Monte Carlo only; 0 when exact).
    public var confidenceHalfWidth: Double
  }

  /// The players, in the order given.
  public var players: [Player]
  /// Total weight of the deals considered (boards, times combination weights for ranges).
  public var deals: Double
  /// True when every deal was enumerated; false for a Monte Carlo estimate.
  public var exact: Bool
  /// Monte Carlo trials (0 when exact).
  public var trials: Int
  /// The seed of a Monte Carlo estimate.
  public var seed: UInt64?
}
