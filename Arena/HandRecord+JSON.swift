import Basics

/// A hand's line in `events.jsonl`: written with ``Basics/JSONWriter`` and read back with
/// ``Basics/JSONValue``, the same codec both ways.
extension HandRecord {
  /// One JSON line, keys sorted (so the same hand gives the same bytes), tagged with its pair.
  public func jsonLine(pair: String) -> String {
    var out = JSONWriter(capacity: 256)
    out.beginObject()
    out.key("betting")
    out.string(betting)
    out.key("cards")
    out.string(cards)
    out.key("corrected")
    out.beginArray()
    for count in corrected { out.int(count) }
    out.endArray()
    out.key("failures")
    out.beginArray()
    for failure in failures {
      if let failure { out.string(failure) } else { out.null() }
    }
    out.endArray()
    out.key("hand")
    out.int(hand)
    if !invalid.isEmpty {
      out.key("invalid")
      out.beginArray()
      for entry in invalid {
        out.beginObject()
        out.key("reason")
        out.string(entry.reason)
        out.key("seat")
        out.int(entry.seat)
        out.key("text")
        out.string(entry.text)
        out.endObject()
      }
      out.endArray()
    }
    out.key("names")
    out.beginArray()
    for name in names { out.string(name) }
    out.endArray()
    out.key("pair")
    out.string(pair)
    out.key("payoffs")
    out.beginArray()
    for payoff in payoffs { out.double(payoff) }
    out.endArray()
    out.key("seating")
    out.beginArray()
    for player in seating { out.int(player) }
    out.endArray()
    out.endObject()
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Reads one line of `events.jsonl`: the pair it belongs to and the hand. `invalid` may be
  /// absent (hands logged before it was kept); anything else missing or of the wrong type is an
  /// error naming the field.
  public static func parse(jsonLine line: some StringProtocol) throws(ArenaError) -> (pair: String, record: HandRecord)
  {
    let value: JSONValue
    do { value = try JSONValue(parsing: Array(line.utf8)) } catch { throw ArenaError("a logged hand: \(error)") }
    func field(_ key: String) throws(ArenaError) -> JSONValue {
      guard let member = value[key] else { throw ArenaError("a logged hand has no \"\(key)\"") }
      return member
    }
    func wrong(_ key: String, _ expected: String) -> ArenaError {
      ArenaError("a logged hand's \"\(key)\" is not \(expected)")
    }
    func string(_ key: String) throws(ArenaError) -> String {
      guard case .string(let text) = try field(key) else { throw wrong(key, "a string") }
      return text
    }
    func list(_ key: String) throws(ArenaError) -> [JSONValue] {
      guard case .array(let items) = try field(key) else { throw wrong(key, "an array") }
      return items
    }
    func integers(_ key: String) throws(ArenaError) -> [Int] {
      var out: [Int] = []
      for item in try list(key) {
        guard case .int(let number) = item else { throw wrong(key, "an array of integers") }
        out.append(number)
      }
      return out
    }
    guard case .int(let hand) = try field("hand") else { throw wrong("hand", "an integer") }
    var names: [String] = []
    for item in try list("names") {
      guard case .string(let name) = item else { throw wrong("names", "an array of strings") }
      names.append(name)
    }
    var payoffs: [Double] = []
    for item in try list("payoffs") {
      switch item {
      case .int(let number): payoffs.append(Double(number))
      case .double(let number): payoffs.append(number)
      default: throw wrong("payoffs", "an array of numbers")
      }
    }
    var failures: [String?] = []
    for item in try list("failures") {
      switch item {
      case .null: failures.append(nil)
      case .string(let text): failures.append(text)
      default: throw wrong("failures", "an array of strings and nulls")
      }
    }
    var invalid: [InvalidAction] = []
    if value["invalid"] != nil {
      for item in try list("invalid") {
        guard case .int(let seat)? = item["seat"], case .string(let text)? = item["text"],
          case .string(let reason)? = item["reason"]
        else { throw wrong("invalid", "an array of {seat, text, reason}") }
        invalid.append(InvalidAction(seat: seat, text: text, reason: reason))
      }
    }
    let record = HandRecord(
      hand: hand, names: names, seating: try integers("seating"), betting: try string("betting"),
      cards: try string("cards"), payoffs: payoffs, corrected: try integers("corrected"), failures: failures,
      invalid: invalid)
    return (try string("pair"), record)
  }
}
