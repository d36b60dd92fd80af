import Arena
import Foundation
import Testing

@Suite struct MatchReportTests {
  /// An e-value past the largest double (raise against random over 20,000 limit hold'em hands)
  /// still encodes: capped, with its exact size in log10 beside it and in the text.
  @Test func anOverflowingEValueStillEncodes() throws {
    var pair = PairReport(first: "raise", second: "rnd", unit: "mbb/hand")
    pair.setEValues(logFirstBetter: 2_000, logSecondBetter: -3)
    #expect(pair.eValueFirstBetter == .greatestFiniteMagnitude)
    #expect(abs(pair.log10EValueFirstBetter - 868.589) < 1e-3)
    #expect(abs(pair.eValueSecondBetter - exp(-3)) < 1e-15)
    let report = MatchReport(
      game: "limit-holdem", seed: 1, duplicate: false, alpha: 0.05, pairs: [pair], exploitability: [:], seconds: 1)
    let data = try JSONEncoder().encode(report)
    #expect(!data.isEmpty)
    let decoded = try JSONDecoder().decode(MatchReport.self, from: data)
    #expect(decoded.pairs[0].log10EValueFirstBetter == pair.log10EValueFirstBetter)
    #expect(report.text.contains("raise better: 10^868.6"), "\(report.text)")
  }
}
