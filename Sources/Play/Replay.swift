import Cards
import PokerRules

/// Rebuilds a hand's state from chosen hole cards, its board and its betting, calling `visit`
/// before each action with the state it was taken in.
enum Replay {
  static func state(
    game: GameDefinition, holeCards: [[Card]], board: [Card], actions: [[Action]],
    visit: (State, Action) -> Void = { _, _ in }
  ) -> State? {
    var state = State(game: game)
    var cards = (holeCards.joined() + board).makeIterator()
    var moves = actions.joined().makeIterator()
    while !state.isTerminal {
      if state.isChanceNode {
        guard let card = cards.next(), (try? state.deal(card)) != nil else { return state }
        continue
      }
      guard let action = moves.next() else { return state }
      visit(state, action)
      guard (try? state.apply(action)) != nil else { return nil }
    }
    return state
  }
}
