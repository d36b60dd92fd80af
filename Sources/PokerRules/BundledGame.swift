/// The games that ship with Skeptic, by name.
public enum BundledGame: String, CaseIterable, Sendable, Codable {
  case kuhn
  case kuhn3p = "kuhn-3p"
  case leduc
  case noLimitKuhn = "nolimit-kuhn"
  case noLimitLeduc = "nolimit-leduc"
  case shortHoldem = "short-holdem"
  case limitHoldem = "limit-holdem"
  case noLimitHoldem = "nolimit-holdem"

  /// One line saying what the game is.
  public var summary: String {
    switch self {
    case .kuhn: "Kuhn poker: three cards, one each, ante 1, one bet of 1"
    case .kuhn3p: "three-player Kuhn poker: four cards, ante 1, one bet of 1"
    case .leduc: "Leduc hold'em: six cards, one private and one public, bets of 2 then 4"
    case .limitHoldem: "heads-up limit Texas hold'em as played in the ACPC (blinds 5/10)"
    case .noLimitKuhn: "no-limit Kuhn poker: three cards, ante 1, stacks of 8, any bet or raise"
    case .noLimitLeduc: "no-limit Leduc hold'em: six cards, ante 1, stacks of 10, any bet or raise"
    case .shortHoldem: "short-deck limit hold'em: twelve cards, two each, a two-card flop and a turn"
    case .noLimitHoldem: "heads-up no-limit Texas hold'em as played in the ACPC, 200 big blinds deep"
    }
  }

  /// The ACPC definition text.
  public var definitionText: String {
    switch self {
    case .kuhn:
      """
      # Kuhn poker, 2 players: three cards, one each, ante 1, one bet of 1.
      GAMEDEF
      limit
      numPlayers = 2
      numRounds = 1
      blind = 1 1
      raiseSize = 1
      firstPlayer = 1
      maxRaises = 1
      numSuits = 1
      numRanks = 3
      numHoleCards = 1
      numBoardCards = 0
      END GAMEDEF

      """
    case .kuhn3p:
      """
      # Kuhn poker, 3 players: four cards.
      GAMEDEF
      limit
      numPlayers = 3
      numRounds = 1
      blind = 1 1 1
      raiseSize = 1
      firstPlayer = 1
      maxRaises = 1
      numSuits = 1
      numRanks = 4
      numHoleCards = 1
      numBoardCards = 0
      END GAMEDEF

      """
    case .leduc:
      """
      # Leduc hold'em: six cards (3 ranks x 2 suits), ante 1, bets of 2 then 4,
      # at most two raises a round, one public card before the second round.
      GAMEDEF
      limit
      numPlayers = 2
      numRounds = 2
      blind = 1 1
      raiseSize = 2 4
      firstPlayer = 1 1
      maxRaises = 2 2
      numSuits = 2
      numRanks = 3
      numHoleCards = 1
      numBoardCards = 0 1
      END GAMEDEF

      """
    case .noLimitKuhn:
      """
      # No-limit Kuhn poker: Kuhn's three cards and antes, stacks of 8, any bet or raise
      # (small enough for the exact best response over every bet size).
      GAMEDEF
      nolimit
      numPlayers = 2
      numRounds = 1
      stack = 8 8
      blind = 1 1
      firstPlayer = 1
      numSuits = 1
      numRanks = 3
      numHoleCards = 1
      numBoardCards = 0
      END GAMEDEF

      """
    case .noLimitLeduc:
      """
      # No-limit Leduc hold'em: Leduc's six cards and antes, stacks of 10, any bet or
      # raise (small enough for the exact best response over every bet size).
      GAMEDEF
      nolimit
      numPlayers = 2
      numRounds = 2
      stack = 10 10
      blind = 1 1
      firstPlayer = 1 1
      numSuits = 2
      numRanks = 3
      numHoleCards = 1
      numBoardCards = 0 1
      END GAMEDEF

      """
    case .shortHoldem:
      """
      # Short-deck limit hold'em: twelve cards (six ranks x two suits), two hole cards
      # each, blinds 2/1, a two-card flop then a turn card, bets of 2 then 4, at most
      # three raises a round: hold'em's shape, small enough for the exact best response.
      GAMEDEF
      limit
      numPlayers = 2
      numRounds = 3
      blind = 2 1
      raiseSize = 2 4 4
      firstPlayer = 2 1 1
      maxRaises = 3 3 3
      numSuits = 2
      numRanks = 6
      numHoleCards = 2
      numBoardCards = 0 2 1
      END GAMEDEF
      """
    case .limitHoldem:
      """
      # Heads-up limit Texas hold'em as played in the ACPC (reverse blinds: the
      # big blind is seat 1 and acts first after the flop).
      GAMEDEF
      limit
      numPlayers = 2
      numRounds = 4
      blind = 10 5
      raiseSize = 10 10 20 20
      firstPlayer = 2 1 1 1
      maxRaises = 3 4 4 4
      numSuits = 4
      numRanks = 13
      numHoleCards = 2
      numBoardCards = 0 3 1 1
      END GAMEDEF

      """
    case .noLimitHoldem:
      """
      # Heads-up no-limit Texas hold'em as played in the ACPC: 200 big blinds deep.
      GAMEDEF
      nolimit
      numPlayers = 2
      numRounds = 4
      stack = 20000 20000
      blind = 100 50
      firstPlayer = 2 1 1 1
      numSuits = 4
      numRanks = 13
      numHoleCards = 2
      numBoardCards = 0 3 1 1
      END GAMEDEF

      """
    }
  }

  /// The parsed definition (the bundled texts are known to be valid).
  public var definition: GameDefinition {
    // The texts above are fixed and covered by tests, so a failure here is a programming error.
    guard let definition = try? GameDefinition(parsing: definitionText, source: rawValue) else {
      preconditionFailure("bundled game \(rawValue) does not parse")
    }
    return definition
  }
}

extension GameDefinition {
  /// A bundled game by name (`kuhn`, `kuhn-3p`, `leduc`, `nolimit-kuhn`, `nolimit-leduc`, `limit-holdem`, `nolimit-holdem`), or
  /// the definition in a `.game` file at a path.
  public static func named(_ nameOrPath: String) throws(GameDefinitionError) -> GameDefinition {
    if let bundled = BundledGame(rawValue: nameOrPath.lowercased()) { return bundled.definition }
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".game") {
      return try GameDefinition(contentsOfFile: nameOrPath)
    }
    let names = BundledGame.allCases.map(\.rawValue).joined(separator: ", ")
    throw GameDefinitionError(
      .unknownGame, source: nameOrPath,
      "no bundled game has this name; the bundled games are \(names), or give a path to a .game file")
  }
}
