import Cards
import Foundation

extension Spot {
  /// Reads a spot file: one `key: value` per line, `#` starts a comment.
  ///
  /// ```
  /// board: Qs Jh 2h 8d 3s
  /// pot: 100
  /// stack: 500
  /// oop range: QQ,JJ,TT,AQ,KTs
  /// ip range: AA,KK,AK,A5s:0.5
  /// bets: 50%, 100%, allin
  /// raises: 100%, allin
  /// river oop donks: 50%
  /// allin threshold: 0.67
  /// raise cap: 4
  /// ```
  ///
  /// Size keys end in `bets`, `raises` or `donks`, led by any of `flop`, `turn`, `river`, `oop`,
  /// `ip`; a key that names more applies over one that names less, whatever the order of lines.
  ///
  /// - Parameter path: the file's name, used in errors.
  /// - Throws: ``SpotError`` naming the line and the field.
  public init(parsing text: String, path: String = "spot") throws(SpotError) {
    var entries: [(key: String, value: String, line: Int)] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
      if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw SpotError(
          .badLine, field: "line", "'\(line.trimmingCharacters(in: .whitespaces))' is not 'key: value'",
          location: "\(path):\(number + 1)")
      }
      let key = line[..<colon].lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
      entries.append((key, value, number + 1))
    }
    do {
      try self.init(entries: entries.map { ($0.key, $0.value) })
    } catch {
      var located = error
      if let line = entries.first(where: { $0.key == error.field || error.field.hasPrefix($0.key) })?.line {
        located.location = "\(path):\(line)"
      } else {
        located.location = path
      }
      throw located
    }
  }

  /// Builds a spot from `key: value` pairs, as in a spot file (the CLI's flags arrive this way).
  public init(entries: [(key: String, value: String)]) throws(SpotError) {
    var values: [String: String] = [:]
    var sizes: [(streets: [Street], players: [Int], kind: String, sizes: [BetSize], specificity: Int, order: Int)] = []
    for (order, entry) in entries.enumerated() {
      let words = entry.key.split(separator: " ").map(String.init)
      if let kind = words.last, ["bets", "raises", "donks"].contains(kind) {
        var streets: [Street] = []
        var players: [Int] = []
        for word in words.dropLast() {
          switch word {
          case "flop": streets.append(.flop)
          case "turn": streets.append(.turn)
          case "river": streets.append(.river)
          case "oop": players.append(0)
          case "ip": players.append(1)
          default:
            throw SpotError(
              .badLine, field: entry.key,
              "'\(word)' is not a street (flop, turn, river) or a player (oop, ip); a size key reads like 'river oop bets'"
            )
          }
        }
        let parsed = try BetSize.parseList(entry.value, field: entry.key)
        sizes.append(
          (
            streets.isEmpty ? Street.allCases : streets, players.isEmpty ? [0, 1] : players, kind, parsed,
            (streets.isEmpty ? 0 : 1) + (players.isEmpty ? 0 : 2), order
          ))
        continue
      }
      guard Spot.keys.contains(entry.key) else {
        throw SpotError(
          .badLine, field: entry.key,
          "unknown key; keys are \(Spot.keys.joined(separator: ", ")) and size keys such as 'bets' or 'river ip raises'"
        )
      }
      values[entry.key] = entry.value
    }
    func required(_ key: String) throws(SpotError) -> String {
      guard let value = values[key], !value.isEmpty else {
        throw SpotError(.badLine, field: key, "missing; a spot needs board, pot, stack, oop range and ip range")
      }
      return value
    }
    let board: [Card]
    do {
      board = try Card.parseList(try required("board"))
    } catch let error as CardError {
      throw SpotError(.badBoard, field: "board", error.description)
    } catch let error as SpotError {
      throw error
    } catch {
      throw SpotError(.badBoard, field: "board", "\(error)")
    }
    // `Spot.init` refuses a board of another size, naming the field, before the rules are used.
    let street = Street(boardCount: board.count) ?? .flop
    func integer(_ key: String) throws(SpotError) -> Int {
      let text = try required(key)
      guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
        throw SpotError(.badAmount, field: key, "'\(text)' is not a whole number of chips")
      }
      return value
    }
    var ranges: [HandRange] = []
    for key in ["oop range", "ip range"] {
      do {
        ranges.append(try HandRange(parsing: try required(key)))
      } catch let error as CardError {
        throw SpotError(.badRange, field: key, error.description)
      } catch let error as SpotError {
        throw error
      } catch {
        throw SpotError(.badRange, field: key, "\(error)")
      }
    }
    var threshold = 1.0
    if let text = values["allin threshold"] {
      guard let value = Double(text) else {
        throw SpotError(.badAmount, field: "allin threshold", "'\(text)' is not a number in (0, 1]")
      }
      threshold = value
    }
    var cap = 4
    if values["raise cap"] != nil { cap = try integer("raise cap") }
    var menus: [Street: [StreetMenu]] = [:]
    for each in Street.allCases where each >= street {
      var menu: [StreetMenu] = []
      for player in 0..<2 {
        func pick(_ kind: String) -> [BetSize]? {
          sizes.filter { $0.kind == kind && $0.streets.contains(each) && $0.players.contains(player) }
            .max { ($0.specificity, $0.order) < ($1.specificity, $1.order) }?.sizes
        }
        menu.append(StreetMenu(bets: pick("bets") ?? [], raises: pick("raises") ?? [], donks: pick("donks")))
      }
      menus[each] = menu
    }
    let rules = BettingRules(
      pot: try integer("pot"), stack: try integer("stack"), street: street, menus: menus, allInThreshold: threshold,
      raiseCap: cap)
    try self.init(board: board, ranges: ranges, rules: rules)
  }

  /// The keys a spot file may use besides size keys.
  public static let keys = ["board", "pot", "stack", "oop range", "ip range", "allin threshold", "raise cap"]

  /// The spot as a spot file that reads back to the same spot.
  public var text: String {
    var lines = [
      "board: " + board.map(\.description).joined(separator: " "),
      "pot: \(rules.pot)",
      "stack: \(rules.stack)",
      "oop range: \(ranges[0].text)",
      "ip range: \(ranges[1].text)",
      "allin threshold: \(rules.allInThreshold)",
      "raise cap: \(rules.raiseCap)",
    ]
    for street in Street.allCases where street >= rules.street {
      for player in 0..<2 {
        let menu = rules.menus[street]![player]
        let name = "\(street) \(Spot.playerNames[player].lowercased())"
        lines.append("\(name) bets: " + menu.bets.map(\.description).joined(separator: ", "))
        lines.append("\(name) raises: " + menu.raises.map(\.description).joined(separator: ", "))
        if let donks = menu.donks {
          lines.append("\(name) donks: " + donks.map(\.description).joined(separator: ", "))
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
