extension Connection {
  /// Plays `hands` of one pair over this connection's seats with up to `window` hands in flight
  /// (``MatchPipeline`` over a ``RouterTransport``), handing each finished hand to `commit` in
  /// hand order and running `flush` after each batch of commits.
  ///
  /// `sessions` holds each player's session, by player, for each table: one table, or two with
  /// duplicate deals.
  func play(
    referee: Referee, names: [String], sessions: [Seat], hands: Range<Int>, window: Int,
    commit: (HandRecord) throws(ArenaError) -> Bool, flush: () throws(ArenaError) -> Void
  ) throws(ArenaError) -> MatchPipeline<RouterTransport>.Traffic {
    var pipeline = MatchPipeline(
      referee: referee, names: names, sessions: sessions.count, hands: hands, window: window,
      transport: RouterTransport(connection: self, sessions: sessions))
    return try pipeline.run(commit: commit, flush: flush)
  }
}
