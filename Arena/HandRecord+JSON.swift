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
    do {
      let fields = JSONFields(value, noun: "logged hand")
      let invalid = try (fields.present("invalid") == nil ? [] : fields.objects("invalid")).map {
        (entry) throws(BasicsError) in
        InvalidAction(seat: try entry.int("seat"), text: try entry.string("text"), reason: try entry.string("reason"))
      }
      let record = HandRecord(
        hand: try fields.int("hand"), names: try fields.strings("names"), seating: try fields.ints("seating"),
        betting: try fields.string("betting"), cards: try fields.string("cards"),
        payoffs: try fields.doubles("payoffs"),
        corrected: try fields.ints("corrected"), failures: try fields.optionalStrings("failures"), invalid: invalid)
      return (try fields.string("pair"), record)
    } catch {
      throw ArenaError(error.message)
    }
  }
}
