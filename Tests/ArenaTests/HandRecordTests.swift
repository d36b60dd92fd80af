import Arena
import Testing

@Suite struct HandRecordTests {
  @Test func aLoggedHandReadsBackAsTheSameHandWithItsPair() throws {
    let records = [
      HandRecord(
        hand: 7, names: ["a", "b \"q\""], seating: [1, 0], betting: "r20c/cr40c", cards: "Ks|Qh/2c",
        payoffs: [-20, 20.5], corrected: [0, 2], failures: [nil, "timed out"],
        invalid: [InvalidAction(seat: 1, text: "x\ny", reason: "not an action (played as a call)")]),
      HandRecord(
        hand: 0, names: ["a", "b"], seating: [0, 1], betting: "f", cards: "Ks|Qh", payoffs: [-1, 1],
        corrected: [0, 0], failures: [nil, nil]),
    ]
    for record in records {
      let (pair, back) = try HandRecord.parse(jsonLine: record.jsonLine(pair: "a vs b, again"))
      #expect(pair == "a vs b, again")
      #expect(back == record)
    }
  }

  @Test func aDamagedLineNamesWhatIsWrong() {
    let good = HandRecord(
      hand: 3, names: ["a", "b"], seating: [0, 1], betting: "f", cards: "Ks|Qh", payoffs: [-1, 1],
      corrected: [0, 0], failures: [nil, nil]
    ).jsonLine(pair: "a vs b")
    let cases: [(String, String)] = [
      (String(good.dropLast(9)), "not valid JSON"),
      (
        good.replacingOccurrences(of: "\"hand\":3", with: "\"hand\":\"3\""),
        "\"hand\" has the wrong type (expected an integer)"
      ),
      (good.replacingOccurrences(of: "\"pair\":", with: "\"team\":"), "needs the field \"pair\""),
      (
        good.replacingOccurrences(of: "\"payoffs\":[-1,1]", with: "\"payoffs\":[-1,\"1\"]"),
        "in a logged hand, \"payoffs\" has the wrong type (expected an array of numbers)"
      ),
      (
        good.replacingOccurrences(of: "\"hand\":3", with: "\"hand\":3,\"invalid\":[{\"seat\":1,\"text\":\"x\"}]"),
        "a logged hand needs the field \"invalid[0].reason\""
      ),
    ]
    for (line, fault) in cases {
      #expect(throws: ArenaError.self) { try HandRecord.parse(jsonLine: line) }
      do { _ = try HandRecord.parse(jsonLine: line) } catch { #expect(error.message.contains(fault), "\(error)") }
    }
  }
}
