extension GameDefinition {
  /// The definition as ACPC text, in a fixed key order; parsing it gives back an equal value.
  public var text: String {
    func line(_ key: String, _ numbers: [Int]) -> String {
      "\(key) = \(numbers.map(String.init).joined(separator: " "))"
    }
    var lines = ["GAMEDEF", betting.rawValue]
    lines.append(line("numPlayers", [numPlayers]))
    lines.append(line("numRounds", [numRounds]))
    if let stacks { lines.append(line("stack", stacks)) }
    lines.append(line("blind", blinds))
    if betting == .limit { lines.append(line("raiseSize", raiseSizes)) }
    lines.append(line("firstPlayer", firstPlayer.map { $0 + 1 }))
    if let maxRaises { lines.append(line("maxRaises", maxRaises)) }
    lines.append(line("numSuits", [numSuits]))
    lines.append(line("numRanks", [numRanks]))
    lines.append(line("numHoleCards", [numHoleCards]))
    lines.append(line("numBoardCards", boardCards))
    lines.append("END GAMEDEF")
    return lines.joined(separator: "\n") + "\n"
  }
}
