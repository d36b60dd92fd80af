import Cards
import PokerRules
import Randomness

/// The strategy local best response plays against: a blueprint (played exactly as its bot
/// plays it), or one of the simple bots the published figures are anchored on.
public enum LBROpponent: Sendable {
  /// A blueprint over its card buckets, reading off-menu bets through the translation.
  case blueprint(BlueprintPolicy, buckets: any CardBuckets, translation: ActionTranslation)
  /// Folds whenever facing a bet, checks otherwise.
  case alwaysFold
  /// Checks or calls, always.
  case alwaysCall

  /// The game it plays (nil: any).
  public var game: GameDefinition? {
    if case .blueprint(let policy, _, _) = self { return policy.tree.game }
    return nil
  }

  /// Its action at the real decision `state` (whose `history` it saw), holding `hole`: as its
  /// bot would play it, with `seed` for its draws.
  func act(state: State, history: [Action], hole: [Card], seed: SeededGenerator) -> Action {
    switch self {
    case .alwaysFold: return state.legalActions?.canFold == true ? .fold : .call
    case .alwaysCall: return .call
    case .blueprint(let policy, let buckets, let translation):
      guard
        let choice = policy.choice(
          history: history, hole: hole, board: state.board, buckets: buckets, translation: translation,
          reading: seed.substream(1))
      else { return .call }
      var generator = seed.substream(2).substream(UInt64(history.count))
      return choice.action(at: generator.unitDouble())
    }
  }
}
