extension Policy {
  /// The policy made by normalising a table per information set: each (node, hand)'s values
  /// divided by their sum, uniform where the sum is not positive. With `floorAtZero` values (plus
  /// `plus`, the predictions of PCFR+) are floored at zero first: regret matching. Without it the
  /// values are strategy sums: the average strategy.
  init<S: BinaryFloatingPoint>(
    normalizing values: UnsafePointer<S>, plus: UnsafePointer<S>?, floorAtZero: Bool, game: CompiledGame
  ) {
    var probabilities = [Double](repeating: 0, count: game.slotCount)
    let hands = game.hands.count
    for node in game.decisionNodes {
      let slot = Int(game.slotOffset[Int(node)])
      let actions = Int(game.childCount[Int(node)])
      for h in 0..<hands {
        var total = 0.0
        for a in 0..<actions {
          let index = slot + a * hands + h
          var value = Double(values[index]) + (plus.map { Double($0[index]) } ?? 0)
          if floorAtZero { value = max(value, 0) }
          probabilities[index] = value
          total += value
        }
        for a in 0..<actions {
          let index = slot + a * hands + h
          probabilities[index] = total > 0 ? probabilities[index] / total : 1 / Double(actions)
        }
      }
    }
    self.init(game: game, probabilities: probabilities)
  }
}
