import Foundation

extension Policy {
  /// Each information set, by its readable key (see ``InformationSetKey``), mapped to its actions
  /// (in ACPC notation: `f`, `c`, `r` or `r<total>`) and their probabilities.
  public func exportedProbabilities() -> [String: [String: Double]] {
    var result: [String: [String: Double]] = [:]
    let hands = game.hands.count
    let noLimit = game.definition.betting == .noLimit
    for node in game.decisionNodes.map(Int.init) {
      let actions = game.actions(at: node).map { $0.acpc(withSize: noLimit) }
      for hand in 0..<hands where game.isPossible(hand: hand, at: node) {
        var entry: [String: Double] = [:]
        for (a, name) in actions.enumerated() {
          entry[name] = probabilities[Int(game.slotOffset[node]) + a * hands + hand]
        }
        result[game.informationSetKey(node: node, hand: hand)] = entry
      }
    }
    return result
  }
}
