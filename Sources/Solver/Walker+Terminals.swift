import Cards
import Dispatch
import PokerRules

/// The terminal values of a walk: folds and showdowns, heads-up and multiway.
extension Walker {
  /// Two players: the traverser's value per hand against the opponent's reach. Hands that clash
  /// with the board already have zero reach (see the chance case of ``walk``).
  func headsUpTerminal(_ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
    let hands = handCount
    let terminal = Int(game.terminalIndex[node])
    let spent = game.terminalSpent + terminal * 2
    let opponent = 1 - traverser
    let opponentReach = reach + opponent * hands
    let weight = game.dealProbability[node]
    let showdown = Int(game.showdownOffset[terminal])
    if showdown < 0 {
      let folded = game.terminalFolded + terminal * 2
      let payoff = weight * (folded[traverser] ? -Double(spent[traverser]) : Double(spent[opponent]))
      var total = 0.0
      for o in 0..<hands { total += opponentReach[o] }
      // The opponent's reach on hands sharing a card with ours, by inclusion and exclusion over
      // the cards of our hand (`cardReach` sums the reach of the hands holding each card).
      if game.holeCards == 1 {
        // One card each: the only hand sharing a card with ours is our own.
        for h in 0..<hands { out[h] = payoff * (total - opponentReach[h]) }
      } else if game.holeCards == 2 {
        let handCards = game.handCards
        let stride = game.holeCards
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 52) { buffer in
          let cardReach = buffer.baseAddress!
          cardReach.update(repeating: 0, count: 52)
          for o in 0..<hands {
            for c in 0..<stride { cardReach[Int(handCards[stride * o + c])] += opponentReach[o] }
          }
          for h in 0..<hands {
            var clash = 0.0
            for c in 0..<stride { clash += cardReach[Int(handCards[stride * h + c])] }
            // A two-card hand holding both of our cards was counted twice.
            if stride == 2 { clash -= opponentReach[h] }
            out[h] = payoff * (total - clash)
          }
        }
      } else {
        for h in 0..<hands {
          var sum = total
          for o in 0..<hands where game.hands[o] & game.hands[h] != 0 { sum -= opponentReach[o] }
          out[h] = payoff * sum
        }
      }
      return
    }
    let stake = weight * Double(min(spent[0], spent[1]))
    if let signs = game.showdownSigns {
      // Precomputed: +1 where our hand beats theirs, -1 where it loses, 0 for ties and clashes.
      let matrix = signs + Int(game.showdownSignOffset[terminal])
      for h in 0..<hands {
        let row = matrix + h * hands
        var sum = 0.0
        for o in 0..<hands { sum += row[o] * opponentReach[o] }
        out[h] = stake * sum
      }
      return
    }
    let ranks = game.showdownRanks + showdown
    if game.holeCards <= 2, let order = game.showdownOrder {
      sortedShowdown(ranks: ranks, order: order + showdown, opponentReach: opponentReach, stake: stake, out: out)
      return
    }
    // Three or more hole cards: pairs of hands can share two cards, which the card-by-card
    // correction would count twice; compare every pair instead.
    let handBits = game.hands
    for h in 0..<hands {
      let mine = handBits[h]
      let rank = ranks[h]
      var sum = 0.0
      for o in 0..<hands where handBits[o] & mine == 0 {
        if ranks[o] < rank {
          sum += opponentReach[o]
        } else if ranks[o] > rank {
          sum -= opponentReach[o]
        }
      }
      out[h] = stake * sum
    }
  }

  /// A showdown valued in O(hands × hole cards) (one or two hole cards): hands in increasing rank
  /// order, one sweep up
  /// collecting the opponent's reach on weaker hands and one down on stronger ones. Reach on
  /// hands sharing a card with ours is taken out card by card (`cardReach`); a hand sharing both
  /// our cards is our own, which ties and so is in neither sum.
  func sortedShowdown(
    ranks: UnsafePointer<UInt16>, order: UnsafePointer<UInt16>, opponentReach: UnsafePointer<Double>, stake: Double,
    out: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    let cardsPerHand = game.holeCards
    let handCards = game.handCards
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 52) { buffer in
      let cardReach = buffer.baseAddress!
      for h in 0..<hands { out[h] = 0 }
      for direction in [1.0, -1.0] {
        cardReach.update(repeating: 0, count: 52)
        var total = 0.0
        var position = 0
        while position < hands {
          // One group of equal rank: value it against everything before, then add it.
          let index = direction > 0 ? position : hands - 1 - position
          let rank = ranks[Int(order[index])]
          var end = position
          while end < hands && ranks[Int(order[direction > 0 ? end : hands - 1 - end])] == rank { end += 1 }
          for p in position..<end {
            let h = Int(order[direction > 0 ? p : hands - 1 - p])
            var sum = total
            for c in 0..<cardsPerHand { sum -= cardReach[Int(handCards[cardsPerHand * h + c])] }
            out[h] += direction * stake * sum
          }
          for p in position..<end {
            let h = Int(order[direction > 0 ? p : hands - 1 - p])
            total += opponentReach[h]
            for c in 0..<cardsPerHand { cardReach[Int(handCards[cardsPerHand * h + c])] += opponentReach[h] }
          }
          position = end
        }
      }
    }
  }

  /// Any number of players: enumerates the other players' hands (slow, for small games).
  func multiwayTerminal(_ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
    let hands = handCount
    let players = game.numPlayers
    let terminal = Int(game.terminalIndex[node])
    let spent = (0..<players).map { Int(game.terminalSpent[terminal * players + $0]) }
    let folded = (0..<players).map { game.terminalFolded[terminal * players + $0] }
    let showdown = Int(game.showdownOffset[terminal])
    let boardBits = game.board[node]
    let weight = game.dealProbability[node]
    let foldPayoffs = showdown < 0 ? State.payoffs(spent: spent, folded: folded, ranks: nil) : []
    var chosen = [Int](repeating: 0, count: players)
    for h in 0..<hands {
      out[h] = 0
      guard game.hands[h] & boardBits == 0 else { continue }
      chosen[traverser] = h
      var total = 0.0
      func assign(_ seat: Int, _ used: UInt64, _ probability: Double) {
        if seat == players {
          let payoff: Double
          if showdown < 0 {
            payoff = foldPayoffs[traverser]
          } else {
            let ranks = chosen.map { HandRank(value: game.showdownRanks[showdown + $0]) }
            payoff = State.payoffs(spent: spent, folded: folded, ranks: ranks)[traverser]
          }
          total += probability * payoff
          return
        }
        if seat == traverser {
          assign(seat + 1, used, probability)
          return
        }
        for o in 0..<hands where game.hands[o] & used == 0 {
          let p = reach[seat * hands + o]
          if p == 0 { continue }
          chosen[seat] = o
          assign(seat + 1, used | game.hands[o], probability * p)
        }
      }
      assign(0, game.hands[h] | boardBits, 1)
      out[h] = weight * total
    }
  }
}
