import Cards
import PokerRules

/// A hold'em blueprint's preflop decision reached by a line, per starting-hand class (its
/// preflop buckets are the 169 classes): each class's action mix and how often the acting player
/// holds it there.
public struct BlueprintPreflopView: Sendable {
  /// The line's moves as given.
  public var line: [String]
  /// The acting position (ACPC order) and the blind it posted.
  public var position: Int
  public var blind: Int
  /// The moves at the node, and each one's frequency over the acting player's hands (each class
  /// weighted by its combinations times its reach along the line; card removal between the
  /// players left aside).
  public var actions: [Action]
  public var frequencies: [Double]
  /// Per class, its weight (combinations × reach) and its action mix.
  public var classes: [HandClass: Class]
  /// How the line may continue (ACPC notation).
  public var next: [String]

  /// One class's weight and mix.
  public struct Class: Sendable, Hashable {
    public var weight: Double
    public var mix: [Double]
  }
}
