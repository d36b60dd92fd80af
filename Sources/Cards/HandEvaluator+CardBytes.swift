extension HandEvaluator {
  /// The rank of the seven cards whose indices (``Card/index``) are the bytes `cards[0 ..< 7]`.
  ///
  /// The fastest way to rank cards held as index bytes (dealt or drawn at random): the first six
  /// are read two at a time as 16-bit words, each word indexing the key of its two cards, so a
  /// hand takes four key loads where summing seven ``Hand`` values takes seven. Suit masks are
  /// gathered only when a suit holds five cards.
  ///
  /// - Precondition: the seven bytes are distinct card indices below 52 (not checked).
  @inlinable
  public func rank(sevenCardBytes cards: UnsafePointer<UInt8>) -> HandRank {
    let raw = UnsafeRawPointer(cards)
    let key =
      pairKeys[Int(raw.loadUnaligned(as: UInt16.self))]
      &+ pairKeys[Int(raw.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
      &+ pairKeys[Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self))] &+ cardKeys[Int(cards[6])]
    if (key &+ HandEvaluator.counterBias) & HandEvaluator.flushCheckMask != 0 {
      var masks: UInt64 = 0
      for card in 0..<7 { masks |= cardMasks[Int(cards[card])] }
      return rank(of: Hand(key: key, suitMasks: masks))
    }
    return HandRank(value: nonFlushRank(key: key))
  }
}
