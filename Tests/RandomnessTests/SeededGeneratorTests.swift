import Randomness
import Testing

@Suite struct SeededGeneratorTests {
  @Test func splitMixMatchesThePublishedSequenceForSeedZero() {
    var mixer = SplitMix64(seed: 0)
    #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
    #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    var c = SeededGenerator(seed: 43)
    let first = (0..<100).map { _ in a.next() }
    #expect(first == (0..<100).map { _ in b.next() })
    #expect(first != (0..<100).map { _ in c.next() })
  }

  @Test func stateRoundTripsToResumeAStream() {
    var a = SeededGenerator(seed: 7)
    for _ in 0..<10 { _ = a.next() }
    var b = SeededGenerator(state: a.state)
    #expect((0..<50).map { _ in a.next() } == (0..<50).map { _ in b.next() })
  }

  @Test func uniformDrawsStayInRangeAndAreBalanced() {
    var generator = SeededGenerator(seed: 3)
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<70_000 {
      let value = generator.uniform(below: 7)
      #expect((0..<7).contains(value))
      counts[value] += 1
    }
    // Chi-square with 6 degrees of freedom; 22.46 is its 0.999 quantile.
    let chiSquare = counts.reduce(0.0) { $0 + pow2(Double($1) - 10_000) / 10_000 }
    #expect(chiSquare < 22.46)
  }

  @Test func shuffleIsAPermutationFixedBySeed() {
    var first = Array(0..<52)
    var second = Array(0..<52)
    var g1 = SeededGenerator(seed: 11)
    var g2 = SeededGenerator(seed: 11)
    g1.shuffle(&first)
    g2.shuffle(&second)
    #expect(first == second)
    #expect(first.sorted() == Array(0..<52))
    #expect(first != Array(0..<52))
  }

  @Test func substreamsAreDistinctAndReproducible() {
    let root = SeededGenerator(seed: 5)
    var a = root.substream(1)
    var b = root.substream(2)
    var a2 = root.substream(1)
    let x = a.next()
    #expect(x != b.next())
    #expect(x == a2.next())
  }
}

private func pow2(_ x: Double) -> Double { x * x }
