/// A strategy for every player of a compiled game: for each decision node, each action's
/// probability for each hand (`actions × hands`, action-major, as the solver lays it out).
public struct Policy: Sendable {
  public let game: CompiledGame
  /// `game.slotCount` probabilities.
  public var probabilities: [Double]

  public init(game: CompiledGame, probabilities: [Double]) {
    precondition(probabilities.count == game.slotCount, "a policy has one probability per information-set action")
    self.game = game
    self.probabilities = probabilities
  }

  /// The uniform random policy.
  public static func uniform(_ game: CompiledGame) -> Policy {
    var probabilities = [Double](repeating: 0, count: game.slotCount)
    for node in game.decisionNodes {
      let slot = Int(game.slotOffset[Int(node)])
      let actions = Int(game.childCount[Int(node)])
      for i in 0..<(actions * game.hands.count) { probabilities[slot + i] = 1 / Double(actions) }
    }
    return Policy(game: game, probabilities: probabilities)
  }

  /// The probability of the `action`-th action at a decision node for a hand.
  public func probability(node: Int, action: Int, hand: Int) -> Double {
    probabilities[Int(game.slotOffset[node]) + action * game.hands.count + hand]
  }
}
