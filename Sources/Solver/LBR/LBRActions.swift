import PokerRules

/// What local best response may do at its decisions, round by round (the last round's set
/// repeats for later rounds).
///
/// The presets are Lisý and Bowling's (2017) settings: ``foldCall``; ``checkCallThenPot``
/// (check or call preflop and on the flop, then fold, call, pot or all-in: the setting of the
/// published anchors); ``fiftySixSizes``; and ``limit`` (fold, call, raise) for limit games.
public struct LBRActions: Sendable, Hashable, CustomStringConvertible {
  /// One of LBR's actions.
  public enum Choice: Sendable, Hashable {
    case fold
    case call
    /// A bet or raise of this share of the pot (a raise's of the pot after the call).
    case pot(Double)
    case allIn
  }

  public var name: String
  public var rounds: [[Choice]]

  public init(name: String, rounds: [[Choice]]) {
    self.name = name
    self.rounds = rounds
  }

  public var description: String { name }

  /// The choices in `round`.
  public func choices(round: Int) -> [Choice] { rounds[min(round, rounds.count - 1)] }

  /// Fold or call, every round.
  public static let foldCall = LBRActions(name: "fc", rounds: [[.fold, .call]])
  /// Check or call preflop and on the flop; fold, call, pot or all-in on the turn and river.
  public static let checkCallThenPot = LBRActions(
    name: "cc-fcpa", rounds: [[.call], [.call], [.fold, .call, .pot(1), .allIn]])
  /// Fold, call, all-in and 53 shares of the pot (0.1 to 15), every round: 56 actions.
  public static let fiftySixSizes: LBRActions = {
    var shares: [Double] = stride(from: 10, through: 100, by: 5).map { Double($0) / 100 }
    shares += stride(from: 11, through: 20, by: 1).map { Double($0) / 10 }
    shares += stride(from: 9, through: 20, by: 1).map { Double($0) / 4 }
    shares += stride(from: 11, through: 20, by: 1).map { Double($0) / 2 }
    shares += [12, 15]
    return LBRActions(name: "56", rounds: [[.fold, .call, .allIn] + shares.map { .pot($0) }])
  }()
  /// Fold, call or raise, every round (limit games).
  public static let limit = LBRActions(name: "fcr", rounds: [[.fold, .call, .pot(1)]])

  /// The presets by name.
  public static let presets: [LBRActions] = [.foldCall, .checkCallThenPot, .fiftySixSizes, .limit]

  /// The preset a game is judged with by default: the anchors' setting for no-limit, every
  /// action for limit.
  public static func standard(for game: GameDefinition) -> LBRActions {
    game.betting == .limit ? .limit : .checkCallThenPot
  }

  /// The real actions these choices are at a decision of `state`: fold when legal, call, then
  /// raises by increasing amount without repeats.
  public func actions(at state: State) -> [Action] {
    guard let legal = state.legalActions else { return [] }
    var folds = false
    var raises: [Int] = []
    for choice in choices(round: state.round) {
      switch choice {
      case .fold: folds = legal.canFold
      case .call: break
      case .allIn: if let range = legal.raiseTo { raises.append(range.upperBound) }
      case .pot(let share):
        guard let range = legal.raiseTo else { continue }
        let toCall = state.maxSpent - state.spent[state.currentPlayer]
        let to = state.maxSpent + Int((share * Double(state.pot + toCall)).rounded())
        raises.append(min(max(to, range.lowerBound), range.upperBound))
      }
    }
    var result: [Action] = folds ? [.fold, .call] : [.call]
    for to in Set(raises).sorted() { result.append(.raise(to: to)) }
    return result
  }
}
