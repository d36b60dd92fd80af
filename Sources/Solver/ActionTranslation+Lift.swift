import Cards
import PokerRules

extension ActionTranslation {
  /// The strategy a bot plays in the real game `real` (every bet size) when it plays `abstract`
  /// (a policy of the menu game) and reads the opponent's bets through this mapping.
  ///
  /// Each player's behaviour at a real decision is the mix, over the ways the opponent's earlier
  /// bets could have been read, weighted by the reading's probability and the player's own
  /// probability of its earlier actions, of the abstract strategy there; the menu's sizes are
  /// turned into chips in the real pot (all-in stays all-in). Where the real hand goes on past
  /// where the read one ended (a bet read as all-in, the real stacks not), the bot checks and
  /// calls.
  public func lift(_ abstract: Policy, to real: CompiledGame) -> Policy {
    var probabilities = Policy.uniform(real).probabilities
    for me in 0..<real.numPlayers {
      var lifting = Lifting(
        abstract: abstract, real: real, me: me, translation: self, hands: real.hands.count)
      let root = State(game: real.definition, holeCardsHidden: true)
      let start = Reading(node: 0, state: root, weights: [Double](repeating: 1, count: real.hands.count))
      lifting.walk(0, root, [start], into: &probabilities)
    }
    return Policy(game: real, probabilities: probabilities)
  }

  /// How a bot reads the opponent's `action` in the real `state`, where its own game is at
  /// `menuState` with the actions `menu`: each menu action it may read it as (by index) and the
  /// probability. Fold and call read as themselves; a raise as the menu raises around its share
  /// of the pot (all-in as all-in). Empty when the menu has no such action (a raise where the
  /// menu allows none).
  public func readings(of action: Action, in state: State, menu: [Action], menuState: State) -> [(
    index: Int, probability: Double
  )] {
    switch action {
    case .fold: return menu.firstIndex(of: .fold).map { [($0, 1)] } ?? []
    case .call: return menu.firstIndex(of: .call).map { [($0, 1)] } ?? []
    case .raise(let to):
      let raises = menu.enumerated().compactMap { index, each -> (index: Int, share: Double, allIn: Bool)? in
        guard case .raise(let menuTo) = each else { return nil }
        return (
          index, ActionMenu.potShare(raisingTo: menuTo, in: menuState),
          menuTo == menuState.legalActions?.raiseTo?.upperBound
        )
      }
      guard !raises.isEmpty else { return [] }
      if to == state.legalActions?.raiseTo?.upperBound, let allIn = raises.first(where: \.allIn) {
        return [(allIn.index, 1)]
      }
      let share = ActionMenu.potShare(raisingTo: to, in: state)
      guard let upper = raises.firstIndex(where: { $0.share >= share }) else { return [(raises.last!.index, 1)] }
      if upper == 0 || raises[upper].share == share { return [(raises[upper].index, 1)] }
      let (a, b) = (raises[upper - 1], raises[upper])
      let p = lowerProbability(share, between: a.share, and: b.share)
      return [(a.index, p), (b.index, 1 - p)]
    }
  }

  /// Reads the opponent's `action` at play time: one menu action (by index), drawn by the
  /// mapping's probabilities, or nil when the menu has no such action.
  public func read(
    _ action: Action, in state: State, menu: [Action], menuState: State,
    using generator: inout some RandomNumberGenerator
  ) -> Int? {
    let choices = readings(of: action, in: state, menu: menu, menuState: menuState)
    guard let first = choices.first else { return nil }
    if choices.count == 1 { return first.index }
    let draw = Double(generator.next() >> 11) * 0x1p-53
    return draw < first.probability ? first.index : choices[1].index
  }

  /// The real action a bot takes in `state` for its menu action `action` at `menuState`: fold
  /// and call as themselves (a fold with nothing to call as a call), a raise as the same share
  /// of the real pot in chips (all-in as all-in), held within the legal range; a raise where
  /// the real game allows none as a call.
  public static func carry(_ action: Action, from menuState: State, to state: State) -> Action {
    guard let legal = state.legalActions else { return .call }
    switch action {
    case .fold: return legal.canFold ? .fold : .call
    case .call: return .call
    case .raise(let to):
      guard let range = legal.raiseTo else { return .call }
      if to == menuState.legalActions?.raiseTo?.upperBound { return .raise(to: range.upperBound) }
      let share = ActionMenu.potShare(raisingTo: to, in: menuState)
      let toCall = state.maxSpent - state.spent[state.currentPlayer]
      let chips = state.maxSpent + Int((share * Double(state.pot + toCall)).rounded())
      return .raise(to: min(max(chips, range.lowerBound), range.upperBound))
    }
  }

  /// One way the history so far reads in the menu game: its node there (-1 once the hands have
  /// parted: the bot checks and calls from then on), its state, and per hand the probability of
  /// the reading times the bot's own probability of its actions.
  struct Reading {
    var node: Int
    var state: State
    var weights: [Double]
  }

  struct Lifting {
    let abstract: Policy
    let real: CompiledGame
    let me: Int
    let translation: ActionTranslation
    let hands: Int

    var game: CompiledGame { abstract.game }

    func child(_ node: Int, _ index: Int) -> Int { Int(game.children[Int(game.childStart[node]) + index]) }

    /// The menu game's action for the bot's own abstract action `action` at `reading`, carried
    /// into the real `state`: the real action's index among `actions`.
    func realIndex(of action: Action, reading: Reading, state: State, actions: [Action]) -> Int {
      let carried = ActionTranslation.carry(action, from: reading.state, to: state)
      return actions.firstIndex(of: carried) ?? actions.firstIndex(of: .call)!
    }

    /// How the opponent's real `action` in `state` reads at `reading`: menu actions and their
    /// probabilities (empty: the hands have parted).
    func read(_ action: Action, state: State, reading: Reading) -> [(index: Int, probability: Double)] {
      translation.readings(of: action, in: state, menu: game.actions(at: reading.node), menuState: reading.state)
    }

    mutating func walk(_ node: Int, _ state: State, _ readings: [Reading], into probabilities: inout [Double]) {
      switch real.kind[node] {
      case .terminal:
        return
      case .chance:
        let start = Int(real.childStart[node])
        for k in 0..<Int(real.childCount[node]) {
          let child = Int(real.children[start + k])
          let board = real.board[child]
          var next = state
          for card in board.subtracting(CardSet(state.board)) { try! next.deal(card) }
          let nextReadings = readings.map { reading -> Reading in
            guard reading.node >= 0, game.kind[reading.node] == .chance else { return parted(reading) }
            let first = Int(game.childStart[reading.node])
            for j in 0..<Int(game.childCount[reading.node]) {
              let candidate = Int(game.children[first + j])
              if game.board[candidate] == board {
                var moved = reading.state
                for card in board.subtracting(CardSet(reading.state.board)) { try! moved.deal(card) }
                return Reading(node: candidate, state: moved, weights: reading.weights)
              }
            }
            return parted(reading)
          }
          walk(child, next, nextReadings, into: &probabilities)
        }
      case .decision:
        let actions = real.actions(at: node)
        var next = [[Reading]](repeating: [], count: actions.count)
        let mine = Int(real.player[node]) == me
        if mine {
          var mass = [Double](repeating: 0, count: actions.count * hands)
          for reading in readings {
            guard reading.node >= 0, game.kind[reading.node] == .decision, Int(game.player[reading.node]) == me else {
              let call = actions.firstIndex(of: .call)!
              for h in 0..<hands { mass[call * hands + h] += reading.weights[h] }
              next[call].append(parted(reading))
              continue
            }
            for (j, action) in game.actions(at: reading.node).enumerated() {
              let k = realIndex(of: action, reading: reading, state: state, actions: actions)
              var weights = reading.weights
              for h in 0..<hands {
                weights[h] *= abstract.probability(node: reading.node, action: j, hand: h)
                mass[k * hands + h] += weights[h]
              }
              next[k].append(
                Reading(node: child(reading.node, j), state: try! reading.state.applying(action), weights: weights))
            }
          }
          let slot = Int(real.slotOffset[node])
          for h in 0..<hands {
            let total = (0..<actions.count).reduce(0.0) { $0 + mass[$1 * hands + h] }
            for k in 0..<actions.count {
              probabilities[slot + k * hands + h] =
                total > 0 ? mass[k * hands + h] / total : (actions[k] == .call ? 1 : 0)
            }
          }
        } else {
          for (k, action) in actions.enumerated() {
            for reading in readings {
              guard reading.node >= 0, game.kind[reading.node] == .decision else {
                next[k].append(parted(reading))
                continue
              }
              let reads = read(action, state: state, reading: reading)
              if reads.isEmpty { next[k].append(parted(reading)) }
              let menu = game.actions(at: reading.node)
              for (j, p) in reads where p > 0 {
                next[k].append(
                  Reading(
                    node: child(reading.node, j), state: try! reading.state.applying(menu[j]),
                    weights: reading.weights.map { $0 * p }))
              }
            }
          }
        }
        let start = Int(real.childStart[node])
        for k in 0..<actions.count {
          walk(Int(real.children[start + k]), try! state.applying(actions[k]), merged(next[k]), into: &probabilities)
        }
      }
    }

    func parted(_ reading: Reading) -> Reading { Reading(node: -1, state: reading.state, weights: reading.weights) }

    /// Readings at the same menu node added together (their futures are the same).
    func merged(_ readings: [Reading]) -> [Reading] {
      var result: [Reading] = []
      var position: [Int: Int] = [:]
      for reading in readings {
        if let at = position[reading.node] {
          for h in 0..<hands { result[at].weights[h] += reading.weights[h] }
        } else {
          position[reading.node] = result.count
          result.append(reading)
        }
      }
      return result
    }
  }
}
