import Cards

/// The suit permutations that leave a spot unchanged (the board as a set, and both ranges with
/// their weights), used to solve one card of each class of isomorphic cards and copy its values
/// to the others.
///
/// On Qs Jh 2h with suit-symmetric ranges, clubs and diamonds are interchangeable: the turn 7d
/// plays exactly as 7c with the two suits swapped in every hand, so only 7c is solved.
struct SuitSymmetry: Sendable {
  /// Suit maps (`permutation[suit]` is the new suit); index 0 is the identity.
  let permutations: [[Int]]
  /// `handMaps[permutation][player][hand]`: the index of the permuted hand.
  let handMaps: [[[Int32]]]

  init(board: [Card], hands: [[HoleCombo]], enabled: Bool) {
    var permutations: [[Int]] = [[0, 1, 2, 3]]
    var handMaps: [[[Int32]]] = [hands.map { $0.indices.map(Int32.init) }]
    if enabled {
      let boardSet = CardSet(board)
      for candidate in SuitSymmetry.allPermutations where candidate != [0, 1, 2, 3] {
        guard CardSet(board.map { SuitSymmetry.apply(candidate, $0) }) == boardSet else { continue }
        var maps: [[Int32]] = []
        for list in hands {
          var lookup: [HoleCombo: (index: Int32, weight: Double)] = [:]
          for (index, combo) in list.enumerated() {
            lookup[HoleCombo(combo.cards[0], combo.cards[1])] = (Int32(index), combo.weight)
          }
          var map: [Int32] = []
          for combo in list {
            let image = HoleCombo(
              SuitSymmetry.apply(candidate, combo.cards[0]), SuitSymmetry.apply(candidate, combo.cards[1]))
            guard let found = lookup[image], found.weight == combo.weight else { break }
            map.append(found.index)
          }
          if map.count == list.count { maps.append(map) }
        }
        if maps.count == 2 {
          permutations.append(candidate)
          handMaps.append(maps)
        }
      }
    }
    self.permutations = permutations
    self.handMaps = handMaps
  }

  static let allPermutations: [[Int]] = {
    var result: [[Int]] = []
    for a in 0..<4 {
      for b in 0..<4 where b != a {
        for c in 0..<4 where c != a && c != b {
          result.append([a, b, c, 6 - a - b - c])
        }
      }
    }
    return result
  }()

  static func apply(_ permutation: [Int], _ card: Card) -> Card {
    Card(rank: card.rank, suit: permutation[card.suit])
  }

  /// One dealt card of each class, in increasing card order.
  struct Deal {
    /// The card solved for the class.
    let card: Card
    /// For each other card of the class, the permutation (an index into ``permutations``) that
    /// maps it onto ``card``.
    let mirrors: [Int]
    /// The permutations that still leave the board unchanged once ``card`` is dealt.
    let stabilizer: [Int]
  }

  /// The classes of cards that can come on `board`, given the permutations `valid` (indices)
  /// that leave it unchanged.
  func deal(board: CardSet, valid: [Int]) -> [Deal] {
    var seen = board
    var deals: [Deal] = []
    for card in CardSet.fullDeck.subtracting(board) where !seen.contains(card) {
      var mirrors: [Int] = []
      var stabilizer: [Int] = []
      var orbit = CardSet([card])
      for index in valid {
        let image = SuitSymmetry.apply(permutations[index], card)
        if image == card { stabilizer.append(index) } else { orbit.insert(image) }
      }
      for other in orbit where other != card {
        let index = valid.first { SuitSymmetry.apply(permutations[$0], other) == card }!
        mirrors.append(index)
      }
      seen.formUnion(orbit)
      deals.append(Deal(card: card, mirrors: mirrors, stabilizer: stabilizer))
    }
    return deals
  }
}
