import Cards
import Dispatch
import PokerRules

/// One pass over the public tree for one player, vectorised over private hands.
///
/// The same walk serves three purposes (``Purpose``): a CFR update of the traverser's regrets and
/// average-strategy sums, a best response of the traverser to everyone else's policy, and the
/// traverser's value under a fixed policy profile. Values are counterfactual: each hand's value
/// already carries the chance probability of the deal and the other players' reach.
/// What the workers of ``Walker/parallelChance(_:_:_:_:)`` share.
struct SharedWalk<S: BinaryFloatingPoint, Width: HandWidth>: @unchecked Sendable {
  let walker: Walker<S, Width>
  let reach: UnsafeMutablePointer<Double>
  let outputs: UnsafeMutablePointer<Double>
}

struct Walker<S: BinaryFloatingPoint, Width: HandWidth> {
  enum Purpose {
    /// Update regrets (or record instantaneous regrets) and average-strategy sums.
    case update
    /// Play the best action per hand at the traverser's nodes; others follow `policy`.
    case bestResponse
    /// Everyone follows `policy`.
    case onPolicy
  }

  /// How regrets change with an instantaneous regret `r`.
  enum Rule {
    case plain
    case floored
    case discounted(positive: Double, negative: Double)
    case predictive
  }

  let game: GameView
  let traverser: Int
  let purpose: Purpose
  /// Cumulative regrets and average-strategy sums (update), both `slotCount` long.
  var regrets: UnsafeMutablePointer<S>? = nil
  var sums: UnsafeMutablePointer<S>? = nil
  /// The last instantaneous regrets (predictive rule), or where to collect instantaneous regrets
  /// for a simultaneous update.
  var predictions: UnsafeMutablePointer<S>? = nil
  var collected: UnsafeMutablePointer<Double>? = nil
  var rule: Rule = .plain
  var averageWeight: Double = 1
  /// A fixed policy, `slotCount` probabilities (best response and on-policy).
  var policy: UnsafePointer<Double>? = nil
  /// Workers for splitting large chance nodes; nil inside a worker and when single-threaded.
  var workers: Workers? = nil
  /// When set (best response), the responder's best action per (node, hand) is written here as a
  /// one-hot row of the table layout.
  var bestActions: UnsafeMutablePointer<Double>? = nil

  /// The number of hands, a compile-time constant for the common widths so loops unroll.
  @inline(__always) var handCount: Int { Width.value > 0 ? Width.value : game.handCount }

  /// Scratch doubles one level of the walk may use.
  static func scratchPerLevel(_ game: GameView) -> Int {
    (3 * game.maxActions + game.numPlayers + 2) * game.handCount
  }

  /// Scratch doubles for a whole walk from the root: the root's reach and output, then every
  /// level's share.
  static func scratchCount(_ game: GameView) -> Int {
    (game.depth + 2) * scratchPerLevel(game) + game.numPlayers * game.handCount + game.handCount
  }

  /// Runs `body` with zeroed scratch for a whole walk, freed afterwards.
  static func withScratch<R>(_ game: GameView, _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
    let count = scratchCount(game)
    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: count)
    scratch.initialize(repeating: 0, count: count)
    defer { scratch.deallocate() }
    return body(scratch)
  }

  /// 1 / `actions`, looked up rather than divided: a division's latency is on the critical path
  /// of every strategy.
  @inline(__always)
  static func uniformProbability(_ actions: Int) -> Double {
    switch actions {
    case 2: 0.5
    case 3: 1.0 / 3.0
    case 4: 0.25
    default: 1 / Double(actions)
    }
  }

  /// The strategy at a decision node into `sigma` (`actions × hands`).
  func strategy(node: Int, actions: Int, sigma: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
    // A copy per common action count, its loops over actions unrolled (see `decision`).
    switch actions {
    case 2: strategyBody(node: node, actions: 2, sigma: sigma, scratch: scratch)
    case 3: strategyBody(node: node, actions: 3, sigma: sigma, scratch: scratch)
    default: strategyBody(node: node, actions: actions, sigma: sigma, scratch: scratch)
    }
  }

  @inline(__always)
  func strategyBody(
    node: Int, actions: Int, sigma: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    let slot = Int(game.slotOffset[node])
    if let policy {
      sigma.update(from: policy + slot, count: actions * hands)
      return
    }
    let regrets = regrets!
    let totals = scratch
    let uniform = Walker.uniformProbability(actions)
    let fallback = totals + hands
    if let predictions {
      for a in 0..<actions {
        let row = sigma + a * hands
        let stored = regrets + slot + a * hands
        let predicted = predictions + slot + a * hands
        for h in 0..<hands { row[h] = max(Double(stored[h]) + Double(predicted[h]), 0) }
      }
    } else {
      for a in 0..<actions {
        let row = sigma + a * hands
        let stored = regrets + slot + a * hands
        for h in 0..<hands { row[h] = max(Double(stored[h]), 0) }
      }
    }
    // The totals in action order, then sigma = positive / total, or uniform where nothing is
    // positive; each loop is a plain loop over hands.
    for h in 0..<hands { totals[h] = sigma[h] }
    for a in 1..<max(actions, 1) {
      let row = sigma + a * hands
      for h in 0..<hands { totals[h] += row[h] }
    }
    for h in 0..<hands {
      let total = totals[h]
      totals[h] = total > 0 ? 1 / total : 0
      fallback[h] = total > 0 ? 0 : uniform
    }
    for a in 0..<actions {
      let row = sigma + a * hands
      for h in 0..<hands { row[h] = row[h] * totals[h] + fallback[h] }
    }
  }

  /// Walks the subtree at `node`: writes the traverser's counterfactual value per hand to `out`.
  /// `reach` holds each player's reach per hand (`numPlayers × hands`); `free` is scratch space.
  func walk(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ free: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    switch game.kind[node] {
    case CompiledGame.Kind.terminal.rawValue:
      if game.numPlayers == 2 {
        headsUpTerminal(node, reach, out)
      } else {
        multiwayTerminal(node, reach, out)
      }
    case CompiledGame.Kind.chance.rawValue:
      if let workers, Int(game.subtreeSize[node]) * hands >= workers.threshold {
        parallelChance(node, reach, out, workers)
        return
      }
      out.update(repeating: 0, count: hands)
      let childOut = free
      let start = Int(game.childStart[node])
      let childReach = free + hands
      let players = game.numPlayers
      for i in 0..<Int(game.childCount[node]) {
        let child = Int(game.children[start + i])
        // Hands holding a card just dealt to the board are impossible below: no reach, no value.
        let dealt = game.board[child] & ~game.board[node]
        childReach.update(from: reach, count: players * hands)
        for h in 0..<hands where game.hands[h] & dealt != 0 {
          for p in 0..<players { childReach[p * hands + h] = 0 }
        }
        walk(child, childReach, childOut, childReach + players * hands)
        for h in 0..<hands where game.hands[h] & dealt == 0 { out[h] += childOut[h] }
      }
    default:
      decision(node, reach, out, free)
    }
  }

  /// A chance node's children walked by several workers: worker w takes children w, w + k, …
  /// with its own scratch and writes each child's values to its own row; the rows are then summed
  /// in child order, so the result does not depend on the number of workers.
  func parallelChance(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ workers: Workers
  ) {
    let hands = handCount
    let players = game.numPlayers
    let start = Int(game.childStart[node])
    let count = Int(game.childCount[node])
    let outputs = UnsafeMutablePointer<Double>.allocate(capacity: count * hands)
    defer { outputs.deallocate() }
    var inner = self
    inner.workers = nil
    // Workers write disjoint table slots (different boards lead to different nodes) and their own
    // scratch and output rows, which is why sharing these pointers across threads is safe.
    let shared = SharedWalk(walker: inner, reach: reach, outputs: outputs)
    DispatchQueue.concurrentPerform(iterations: workers.count) { index in
      let worker = shared.walker
      let reach = shared.reach
      let outputs = shared.outputs
      let childReach = workers.arena(index)
      for i in stride(from: index, to: count, by: workers.count) {
        let child = Int(worker.game.children[start + i])
        let dealt = worker.game.board[child] & ~worker.game.board[node]
        for j in 0..<(players * hands) { childReach[j] = reach[j] }
        for h in 0..<hands where worker.game.hands[h] & dealt != 0 {
          for p in 0..<players { childReach[p * hands + h] = 0 }
        }
        let childOut = outputs + i * hands
        worker.walk(child, childReach, childOut, childReach + players * hands)
        for h in 0..<hands where worker.game.hands[h] & dealt != 0 { childOut[h] = 0 }
      }
    }
    for h in 0..<hands { out[h] = 0 }
    for i in 0..<count {
      for h in 0..<hands { out[h] += outputs[i * hands + h] }
    }
  }

  func decision(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ free: UnsafeMutablePointer<Double>
  ) {
    // The common action counts get their own copy of the body, with every loop over actions
    // unrolled: a loop that runs two times here and three there costs a mispredicted branch.
    switch Int(game.childCount[node]) {
    case 2: decision(node, reach, out, free, actions: 2)
    case 3: decision(node, reach, out, free, actions: 3)
    case let actions: decision(node, reach, out, free, actions: actions)
    }
  }

  @inline(__always)
  func decision(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ free: UnsafeMutablePointer<Double>, actions: Int
  ) {
    let hands = handCount
    let players = game.numPlayers
    let actor = Int(game.player[node])
    let start = Int(game.childStart[node])
    let sigma = free
    let childReach = sigma + actions * hands
    let values = childReach + players * hands
    let next = values + actions * hands
    let actorRow = childReach + actor * hands
    let parentRow = reach + actor * hands
    if actor == traverser && purpose == .bestResponse {
      childReach.update(from: reach, count: players * hands)
      for a in 0..<actions { walk(Int(game.children[start + a]), childReach, values + a * hands, next) }
      out.update(from: values, count: hands)
      var best = [Int](repeating: 0, count: bestActions == nil ? 0 : hands)
      for a in 1..<max(actions, 1) {
        let row = values + a * hands
        for h in 0..<hands where row[h] > out[h] {
          out[h] = row[h]
          if bestActions != nil { best[h] = a }
        }
      }
      if let bestActions {
        let slot = Int(game.slotOffset[node])
        for a in 0..<actions {
          for h in 0..<hands { bestActions[slot + a * hands + h] = best[h] == a ? 1 : 0 }
        }
      }
      return
    }
    strategy(node: node, actions: actions, sigma: sigma, scratch: next)
    for i in 0..<(players * hands) { childReach[i] = reach[i] }
    for a in 0..<actions {
      let row = sigma + a * hands
      var reached = 0.0
      for h in 0..<hands {
        actorRow[h] = parentRow[h] * row[h]
        reached += actorRow[h]
      }
      if purpose == .update && actor != traverser && reached == 0 {
        // No opponent reaches below: the traverser's values there are exactly zero, and only its
        // average-strategy sums (and discounting) need the walk.
        let zero = values + a * hands
        for h in 0..<hands { zero[h] = 0 }
        unreached(Int(game.children[start + a]), childReach, next)
        continue
      }
      let child = Int(game.children[start + a])
      if players == 2 && game.kind[child] == CompiledGame.Kind.terminal.rawValue {
        // Most children are terminals: evaluate them here, a call shallower.
        headsUpTerminal(child, childReach, values + a * hands)
      } else {
        walk(child, childReach, values + a * hands, next)
      }
    }
    for h in 0..<hands { out[h] = 0 }
    if actor != traverser {
      for a in 0..<actions {
        let row = values + a * hands
        for h in 0..<hands { out[h] += row[h] }
      }
      return
    }
    for a in 0..<actions {
      let row = values + a * hands
      let probabilities = sigma + a * hands
      for h in 0..<hands { out[h] += probabilities[h] * row[h] }
    }
    if purpose == .update {
      update(node: node, actions: actions, sigma: sigma, values: values, value: out, ownReach: parentRow)
    }
  }

  /// Walks a subtree no opponent reaches (update purpose only): the traverser's instantaneous
  /// regrets there are all zero, so only strategy sums, discounting and predictions change.
  /// Opponents' strategies are not needed; terminals are skipped. Gives the same bits as a full
  /// walk.
  func unreached(_ node: Int, _ reach: UnsafeMutablePointer<Double>, _ free: UnsafeMutablePointer<Double>) {
    let hands = handCount
    let players = game.numPlayers
    switch game.kind[node] {
    case CompiledGame.Kind.terminal.rawValue:
      return
    case CompiledGame.Kind.chance.rawValue:
      let start = Int(game.childStart[node])
      let childReach = free
      for i in 0..<Int(game.childCount[node]) {
        let child = Int(game.children[start + i])
        let dealt = game.board[child] & ~game.board[node]
        for j in 0..<(players * hands) { childReach[j] = reach[j] }
        for h in 0..<hands where game.hands[h] & dealt != 0 {
          for p in 0..<players { childReach[p * hands + h] = 0 }
        }
        unreached(child, childReach, childReach + players * hands)
      }
    default:
      let actor = Int(game.player[node])
      let actions = Int(game.childCount[node])
      let start = Int(game.childStart[node])
      guard actor == traverser else {
        for a in 0..<actions { unreached(Int(game.children[start + a]), reach, free) }
        return
      }
      let sigma = free
      let childReach = sigma + actions * hands
      let next = childReach + players * hands
      strategy(node: node, actions: actions, sigma: sigma, scratch: next)
      let zeros = next
      for i in 0..<(actions * hands) { zeros[i] = 0 }
      update(node: node, actions: actions, sigma: sigma, values: zeros, value: zeros, ownReach: reach + actor * hands)
      for i in 0..<(players * hands) { childReach[i] = reach[i] }
      let actorRow = childReach + actor * hands
      let parentRow = reach + actor * hands
      for a in 0..<actions {
        let row = sigma + a * hands
        for h in 0..<hands { actorRow[h] = parentRow[h] * row[h] }
        unreached(Int(game.children[start + a]), childReach, next + actions * hands)
      }
    }
  }

  /// Adds this iteration's regrets and strategy weight at one of the traverser's nodes. The rule
  /// is chosen once per row, so each inner loop over hands is a plain arithmetic loop.
  @inline(__always)
  func update(
    node: Int, actions: Int, sigma: UnsafeMutablePointer<Double>, values: UnsafeMutablePointer<Double>,
    value: UnsafeMutablePointer<Double>, ownReach: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    let slot = Int(game.slotOffset[node])
    let weight = averageWeight
    for a in 0..<actions {
      let offset = a * hands
      let row = values + offset
      let probabilities = sigma + offset
      let sums = sums! + slot + offset
      for h in 0..<hands { sums[h] += S(weight * ownReach[h] * probabilities[h]) }
      if let collected {
        let target = collected + slot + offset
        for h in 0..<hands { target[h] = row[h] - value[h] }
        continue
      }
      let regrets = regrets! + slot + offset
      switch rule {
      case .plain:
        for h in 0..<hands { regrets[h] = S(Double(regrets[h]) + (row[h] - value[h])) }
      case .floored:
        for h in 0..<hands { regrets[h] = S(max(Double(regrets[h]) + (row[h] - value[h]), 0)) }
      case .discounted(let positive, let negative):
        for h in 0..<hands {
          let updated = Double(regrets[h]) + (row[h] - value[h])
          regrets[h] = S(updated * (updated > 0 ? positive : negative))
        }
      case .predictive:
        let predictions = predictions! + slot + offset
        for h in 0..<hands {
          let instant = row[h] - value[h]
          regrets[h] = S(max(Double(regrets[h]) + instant, 0))
          predictions[h] = S(instant)
        }
      }
    }
  }

  /// Applies one instantaneous regret under a rule.
  @inline(__always)
  static func apply(
    _ rule: Rule, instant: Double, regret: UnsafeMutablePointer<S>, prediction: UnsafeMutablePointer<S>?
  ) {
    switch rule {
    case .plain:
      regret.pointee = S(Double(regret.pointee) + instant)
    case .floored:
      regret.pointee = S(max(Double(regret.pointee) + instant, 0))
    case .discounted(let positive, let negative):
      let updated = Double(regret.pointee) + instant
      regret.pointee = S(updated * (updated > 0 ? positive : negative))
    case .predictive:
      regret.pointee = S(max(Double(regret.pointee) + instant, 0))
      prediction?.pointee = S(instant)
    }
  }

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
