import Foundation

extension GameDefinition {
  /// Reads ACPC game-definition text: the lines between `GAMEDEF` and `END GAMEDEF`, keys
  /// case-insensitive, `#` comments and blank lines skipped.
  ///
  /// - Parameter source: the file name or game name used in error messages.
  /// - Throws: ``GameDefinitionError`` naming the line and key of anything malformed, unknown,
  ///   missing or inconsistent.
  public init(parsing text: String, source: String = "<game definition>") throws(GameDefinitionError) {
    var values: [String: (line: Int, numbers: [Int])] = [:]
    var betting: (line: Int, kind: Betting)?
    var inside = false
    var finished = false
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let lineNumber = offset + 1
      let line = rawLine.trimmingCharacters(in: " \t\r")
      if line.isEmpty || line.hasPrefix("#") { continue }
      let lower = line.lowercased()
      if !inside {
        guard lower == "gamedef" else {
          throw GameDefinitionError(
            .missingBlock, source: source, line: lineNumber,
            "expected 'GAMEDEF' to open the definition, found '\(line)'")
        }
        inside = true
        continue
      }
      if lower == "end gamedef" {
        finished = true
        break
      }
      if lower == "limit" || lower == "nolimit" {
        if let earlier = betting {
          throw GameDefinitionError(
            .inconsistent, source: source, line: lineNumber, key: lower,
            "the betting type was already given on line \(earlier.line)")
        }
        betting = (lineNumber, lower == "limit" ? .limit : .noLimit)
        continue
      }
      if lower == "pot limit" || lower == "potlimit" {
        throw GameDefinitionError(
          .unknownKey, source: source, line: lineNumber, key: lower,
          "pot-limit betting is not supported; use 'limit' or 'nolimit'")
      }
      let parts = line.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else {
        throw GameDefinitionError(
          .malformedValue, source: source, line: lineNumber,
          "expected 'key = value', 'limit' or 'nolimit', found '\(line)'")
      }
      let key = parts[0].trimmingCharacters(in: " \t").lowercased()
      guard GameDefinition.knownKeys.contains(key) else {
        throw GameDefinitionError(
          .unknownKey, source: source, line: lineNumber, key: String(parts[0]).trimmingCharacters(in: " \t"),
          "unknown key; the keys are \(GameDefinition.knownKeyNames.joined(separator: ", "))")
      }
      if let earlier = values[key] {
        throw GameDefinitionError(
          .inconsistent, source: source, line: lineNumber, key: key, "given twice (first on line \(earlier.line))")
      }
      var numbers: [Int] = []
      for word in parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        guard let number = Int(word), number >= 0 else {
          throw GameDefinitionError(
            .malformedValue, source: source, line: lineNumber, key: key, "'\(word)' is not a non-negative whole number")
        }
        numbers.append(number)
      }
      guard !numbers.isEmpty else {
        throw GameDefinitionError(
          .malformedValue, source: source, line: lineNumber, key: key, "needs at least one number")
      }
      values[key] = (lineNumber, numbers)
    }
    guard inside else {
      throw GameDefinitionError(.missingBlock, source: source, "no 'GAMEDEF' … 'END GAMEDEF' block found")
    }
    guard finished else {
      throw GameDefinitionError(.missingBlock, source: source, "'END GAMEDEF' is missing")
    }
    guard let betting else {
      throw GameDefinitionError(
        .missingKey, source: source, key: "limit/nolimit",
        "the betting type is missing: add a line 'limit' or 'nolimit'")
    }
    var reader = KeyReader(values: values, source: source)
    let numPlayers = try reader.single("numplayers", in: 2...10)
    let numRounds = try reader.single("numrounds", in: 1...4)
    let numSuits = try reader.single("numsuits", in: 1...4)
    let numRanks = try reader.single("numranks", in: 1...13)
    let numHoleCards = try reader.single("numholecards", in: 1...7)
    let blinds = try reader.list("blind", count: numPlayers, what: "one per player")
    let boardCards = try reader.list("numboardcards", count: numRounds, what: "one per round")
    let firstPlayer = try reader.list("firstplayer", count: numRounds, what: "one per round").enumerated().map {
      round, seat throws(GameDefinitionError) in
      guard (1...numPlayers).contains(seat) else {
        throw GameDefinitionError(
          .inconsistent, source: source, line: values["firstplayer"]?.line, key: "firstPlayer",
          "round \(round + 1) names seat \(seat); seats are 1 to \(numPlayers)")
      }
      return seat - 1
    }
    let maxRaises = try reader.optionalList("maxraises", count: numRounds, what: "one per round")
    var stacks = try reader.optionalList("stack", count: numPlayers, what: "one per player")
    var raiseSizes: [Int] = []
    switch betting.kind {
    case .limit:
      raiseSizes = try reader.list("raisesize", count: numRounds, what: "one per round")
    case .noLimit:
      if let line = values["raisesize"]?.line {
        throw GameDefinitionError(
          .inconsistent, source: source, line: line, key: "raiseSize", "no-limit games have no fixed raise size")
      }
      guard stacks != nil else {
        throw GameDefinitionError(
          .missingKey, source: source, key: "stack", "a no-limit game needs 'stack', one per player")
      }
      guard blinds.max()! > 0 else {
        throw GameDefinitionError(
          .inconsistent, source: source, line: values["blind"]?.line, key: "blind",
          "a no-limit game needs a positive big blind to set the minimum raise")
      }
    }
    if let given = stacks {
      for seat in 0..<numPlayers where blinds[seat] > given[seat] {
        throw GameDefinitionError(
          .inconsistent, source: source, line: values["stack"]?.line, key: "stack",
          "seat \(seat + 1)'s stack \(given[seat]) is smaller than its blind \(blinds[seat])")
      }
    } else {
      stacks = nil
    }
    self.init(
      betting: betting.kind, numPlayers: numPlayers, numRounds: numRounds, stacks: stacks, blinds: blinds,
      raiseSizes: raiseSizes, firstPlayer: firstPlayer, maxRaises: maxRaises, numSuits: numSuits,
      numRanks: numRanks, numHoleCards: numHoleCards, boardCards: boardCards)
    let dealt = cardsDealt
    guard dealt <= deckSize else {
      throw GameDefinitionError(
        .inconsistent, source: source, line: values["numholecards"]?.line, key: "numHoleCards",
        "a hand deals \(dealt) cards (\(numPlayers) × \(numHoleCards) hole + \(boardCards.reduce(0, +)) board) but the deck holds \(deckSize) (\(numRanks) ranks × \(numSuits) suits)"
      )
    }
    if let unused = reader.unused.first {
      throw GameDefinitionError(
        .inconsistent, source: source, line: values[unused]?.line, key: unused,
        "this key does not apply to a \(betting.kind == .limit ? "limit" : "no-limit") game")
    }
  }

  /// Reads the definition in a file.
  public init(contentsOfFile path: String) throws(GameDefinitionError) {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw GameDefinitionError(.unreadableFile, source: path, "cannot read the file: \(error.localizedDescription)")
    }
    try self.init(parsing: text, source: path)
  }

  static let knownKeyNames = [
    "numPlayers", "numRounds", "stack", "blind", "raiseSize", "firstPlayer", "maxRaises", "numSuits",
    "numRanks", "numHoleCards", "numBoardCards",
  ]
  static let knownKeys = Set(knownKeyNames.map { $0.lowercased() })
}

/// Takes values out of the parsed key table, checking counts and ranges.
private struct KeyReader {
  let values: [String: (line: Int, numbers: [Int])]
  let source: String
  var used: Set<String> = []

  init(values: [String: (line: Int, numbers: [Int])], source: String) {
    self.values = values
    self.source = source
  }

  var unused: [String] { values.keys.filter { !used.contains($0) }.sorted() }

  private func name(_ key: String) -> String {
    GameDefinition.knownKeyNames.first { $0.lowercased() == key } ?? key
  }

  mutating func single(_ key: String, in range: ClosedRange<Int>) throws(GameDefinitionError) -> Int {
    let numbers = try list(key, count: 1, what: "one number")
    guard range.contains(numbers[0]) else {
      throw GameDefinitionError(
        .inconsistent, source: source, line: values[key]?.line, key: name(key),
        "\(numbers[0]) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
    }
    return numbers[0]
  }

  mutating func list(_ key: String, count: Int, what: String) throws(GameDefinitionError) -> [Int] {
    guard let entry = try optionalList(key, count: count, what: what) else {
      throw GameDefinitionError(.missingKey, source: source, key: name(key), "required key is missing (\(what))")
    }
    return entry
  }

  mutating func optionalList(_ key: String, count: Int, what: String) throws(GameDefinitionError) -> [Int]? {
    guard let entry = values[key] else { return nil }
    used.insert(key)
    guard entry.numbers.count == count else {
      throw GameDefinitionError(
        .inconsistent, source: source, line: entry.line, key: name(key),
        "expected \(count) value\(count == 1 ? "" : "s") (\(what)), found \(entry.numbers.count)")
    }
    return entry.numbers
  }
}
