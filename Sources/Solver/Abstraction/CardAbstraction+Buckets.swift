import Cards

extension CardAbstraction: CardBuckets {
  public var bucketCounts: [Int] { sizes.buckets }

  /// The file's checksum (an abstraction built in memory and not read from a file has none).
  public var identity: String {
    fileChecksum.map { "SKCARD01 " + String($0, radix: 16) } ?? "unsaved \(sizes)"
  }

  public func buckets(
    hole: UnsafeBufferPointer<Card>, board: UnsafeBufferPointer<Card>, through lastRound: Int,
    into buckets: UnsafeMutablePointer<Int32>
  ) {
    withUnsafeTemporaryAllocation(of: Card.self, capacity: 7) { cards in
      cards[0] = hole[0]
      cards[1] = hole[1]
      for i in 0..<min(board.count, 5) { cards[2 + i] = board[i] }
      let all = UnsafeBufferPointer(cards)
      for round in 0...lastRound {
        let index = indexers[round].index(all, round: round == 0 ? 0 : 1)
        buckets[round] = Int32(UInt16(littleEndian: tables[round][index]))
      }
    }
  }
}
