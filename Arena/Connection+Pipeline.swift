import BotProtocol
import Dispatch
import Foundation
import ZeroMQ

extension Connection {
  /// Plays `hands` of one pair with up to `window` hands in flight at once, and hands each
  /// finished hand to `commit` in hand order. `commit` returns false to stop dealing: no new hand
  /// starts, but every hand already dealt is played out (a failed bot's decisions answered by its
  /// failure) and committed, so a hand whose `handEnd` a bot received is always in the record.
  /// `flush` runs after each batch of commits, before waiting on the bots again.
  ///
  /// `sessions` holds each player's session, by player, for each table: one table, or two with
  /// duplicate deals (even hands at table 0, their mirrors at table 1, each table's sessions
  /// seeing only its own hands).
  ///
  /// Each decision carries its own id and deadline (the smaller of the action limit and what is
  /// left of the seat's hand limit, counted from when it was sent). A frame that is not a
  /// protocol message, or a message that is neither an `act` nor a `leave`, answers the
  /// session's oldest outstanding decision as an invalid action (played as a call, counted and
  /// logged with its text); an `act` with an unknown id (late, after a time-out) is ignored. A
  /// session that times out, whose process dies or that says `leave` fails every decision it
  /// still owes, in every hand.
  ///
  /// Returns how many decisions were answered, their summed round-trip time, and how each
  /// session failed, if it did.
  @discardableResult
  func play(
    referee: Referee, names: [String], sessions: [Seat], hands: Range<Int>, window: Int,
    commit: (HandRecord) throws(ArenaError) -> Bool, flush: () throws(ArenaError) -> Void
  ) throws(ArenaError) -> (decisions: Int, roundTripNanoseconds: UInt64, failures: [PlayerReply?]) {
    let window = max(1, window)
    var decisions = 0
    var roundTrip: UInt64 = 0
    // A link is one session: player + players × table.
    let players = names.count
    let tables = max(1, sessions.count / players)
    func link(_ player: Int, hand: Int) -> Int { player + players * (hand % tables) }
    var identityOf: [[UInt8]] = []
    var linkOf: [[UInt8]: Int] = [:]
    for (index, seat) in sessions.enumerated() {
      let identity = identities[seat] ?? []
      identityOf.append(identity)
      if !identity.isEmpty { linkOf[identity] = index }
    }
    let launched = sessions.map { processes[$0] }
    struct Outstanding {
      var slot: Int
      var link: Int
      var sentNs: UInt64
      var deadlineNs: UInt64
    }
    // Hands in play live in fixed slots, mutated in place.
    var slots = [HandInPlay?](repeating: nil, count: window)
    var freeSlots = Array((0..<window).reversed())
    var waiting: [Int: Outstanding] = [:]
    /// Each session's outstanding decision ids, oldest first.
    var queues = [[Int]](repeating: [], count: sessions.count)
    var failed = [PlayerReply?](repeating: nil, count: sessions.count)
    for (index, identity) in identityOf.enumerated() where identity.isEmpty { failed[index] = .disconnected }
    var finished: [Int: HandRecord] = [:]
    var nextHand = hands.lowerBound
    var nextCommit = hands.lowerBound
    var dealing = true
    var lastProcessCheck = DispatchTime.now().uptimeNanoseconds

    func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    // Messages wait here while a batch of answers is handled and then go out together, so that
    // ZeroMQ's I/O thread is woken once per batch rather than once per message.
    var outbox: [(link: Int, frame: [UInt8], mustArrive: Bool)] = []

    /// Sends the hand's pending decision, or finishes it, until it waits on a bot or is over.
    func drive(_ slot: Int) {
      while slots[slot] != nil {
        if slots[slot]!.isFinished {
          let play = slots[slot].take()!
          for (player, end) in play.endings() where failed[link(player, hand: play.hand)] == nil {
            outbox.append((link(player, hand: play.hand), Message.handEnd(end).encoded(), false))
          }
          finished[play.hand] = play.record(names: names)
          freeSlots.append(slot)
          return
        }
        guard var request = slots[slot]!.pending, let player = slots[slot]!.pendingPlayer else { return }
        let to = link(player, hand: request.hand)
        if let failure = failed[to] {
          slots[slot]!.answer(failure, elapsedMs: 0)
          continue
        }
        if players == 2 { request.opponent = names[1 - player] }
        outbox.append((to, Message.decide(request).encoded(), true))
        let sent = now()
        waiting[request.id] = Outstanding(
          slot: slot, link: to, sentNs: sent, deadlineNs: sent + UInt64(max(request.timeLeftMs, 0)) * 1_000_000)
        queues[to].append(request.id)
        // One hand in flight leaves nothing to batch with: send at once.
        if window == 1 { sendOutbox() }
        return
      }
    }

    func deliver(_ id: Int, _ reply: PlayerReply, at time: UInt64) {
      guard let outstanding = waiting.removeValue(forKey: id) else { return }
      if case .action = reply {
        decisions += 1
        roundTrip &+= time &- outstanding.sentNs
      }
      if let position = queues[outstanding.link].firstIndex(of: id) {
        queues[outstanding.link].remove(at: position)
      }
      guard slots[outstanding.slot] != nil else { return }
      slots[outstanding.slot]!.answer(reply, elapsedMs: Int((time &- outstanding.sentNs) / 1_000_000))
      drive(outstanding.slot)
    }

    func fail(_ link: Int, _ reply: PlayerReply, at time: UInt64) {
      failed[link] = reply
      for id in queues[link] { deliver(id, reply, at: time) }
    }

    /// Sends what is queued; a decision that cannot be sent fails its bot (which may queue more).
    func sendOutbox() {
      var next = 0
      while next < outbox.count {
        let (to, frame, mustArrive) = outbox[next]
        next += 1
        guard failed[to] == nil else { continue }
        do {
          try router.send([identityOf[to], frame], dontWait: !mustArrive)
        } catch {
          if mustArrive { fail(to, .disconnected, at: now()) }
        }
      }
      outbox.removeAll(keepingCapacity: true)
    }

    while true {
      // Commit first, so that a reason to stop is known before another hand is dealt; and no
      // hand is dealt once a session has failed.
      var committed = false
      while let record = finished.removeValue(forKey: nextCommit) {
        nextCommit += 1
        committed = true
        if try !commit(record) { dealing = false }
      }
      if committed { try flush() }
      if failed.contains(where: { $0 != nil }) { dealing = false }
      while let slot = freeSlots.popLast() {
        // The window runs in hand order: hand k is dealt only once every hand up to
        // k − window is committed (its hand end already sent), which bots may rely on.
        guard dealing && nextHand < hands.upperBound && nextHand < nextCommit + window else {
          freeSlots.append(slot)
          break
        }
        slots[slot] = HandInPlay(referee: referee, hand: nextHand)
        nextHand += 1
        drive(slot)
      }
      sendOutbox()
      if nextCommit >= (dealing ? hands.upperBound : nextHand) { return (decisions, roundTrip, failed) }
      if dealing && freeSlots.count == window && nextHand < min(hands.upperBound, nextCommit + window) { continue }
      // Wait for answers, no longer than the nearest deadline.
      var time = now()
      let nearest = waiting.values.map(\.deadlineNs).min() ?? time + 50_000_000
      let timeout = nearest > time ? Int(min((nearest - time + 999_999) / 1_000_000, 50)) : 0
      let ready = (try? Poller.poll([(router, .readable)], timeout: timeout)) ?? []
      if ready == [.readable] {
        while let frames = try? router.tryReceive() {
          guard frames.count >= 2, let from = linkOf[frames[0]] else {
            _ = admit(frames, waiting: [])
            continue
          }
          guard failed[from] == nil else { continue }
          let message: Message
          do { message = try Message.decode(frames.last!) } catch {
            if let oldest = queues[from].first {
              deliver(
                oldest, .unreadable(String(decoding: frames.last!.prefix(80), as: UTF8.self), "\(error)"), at: now())
            }
            continue
          }
          switch message {
          case .act(let act):
            if waiting[act.id]?.link == from { deliver(act.id, .action(act.action), at: now()) }
          case .leave:
            fail(from, .left, at: now())
          default:
            if let oldest = queues[from].first {
              deliver(
                oldest, .unreadable(String(decoding: frames.last!.prefix(80), as: UTF8.self), "not an act message"),
                at: now())
            }
          }
        }
        sendOutbox()
      }
      time = now()
      for outstanding in waiting.values where outstanding.deadlineNs <= time && failed[outstanding.link] == nil {
        fail(outstanding.link, .timedOut, at: time)
      }
      if time &- lastProcessCheck > 50_000_000 || ready != [.readable] {
        lastProcessCheck = time
        for (index, process) in launched.enumerated() where failed[index] == nil {
          if let process, !process.isRunning { fail(index, .disconnected, at: time) }
        }
      }
    }
  }
}
