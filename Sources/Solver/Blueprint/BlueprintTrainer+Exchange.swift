extension BlueprintTrainer {
  /// Walks at least `count` more deals, in whole batches, as one of `exchange.size` processes:
  /// this process walks its contiguous share of each batch's deals (with its own threads), the
  /// shares' updates are gathered on every process in rank order, which is deal order, and every
  /// process applies all of them exactly as a one-process run merges its threads' logs. The
  /// tables end the same bits on every process, for any number of processes and threads.
  ///
  /// Every process must call this with the same `count` (the calls are collective).
  public func run(
    _ count: Int, exchange: any BatchExchange, tally: inout ExchangeTally, progress: (Int) -> Void = { _ in }
  ) throws {
    let threads = settings.threads
    let batch = settings.batch
    var walks: [UnsafeMutablePointer<BlueprintWalk>] = []
    for _ in 0..<threads {
      let walk = UnsafeMutablePointer<BlueprintWalk>.allocate(capacity: 1)
      walk.initialize(to: BlueprintWalk(trainer: self))
      walks.append(walk)
    }
    let spans = UnsafeMutablePointer<DealSpan>.allocate(capacity: batch * threads)
    defer {
      for walk in walks {
        walk.pointee.free()
        walk.deinitialize(count: 1)
        walk.deallocate()
      }
      spans.deallocate()
    }
    let handle = WalkList(walks: walks, spans: spans)
    let lower = batch * exchange.rank / exchange.size
    let upper = batch * (exchange.rank + 1) / exchange.size
    let end = iterations + count
    while iterations < end {
      let start = iterations
      for walk in walks { walk.pointee.clearLogs() }
      if let pool {
        pool.run(upper - lower) { deal, worker in
          self.walkDeal(start, lower + deal, handle.walks[worker], handle.spans, worker: worker)
        }
      } else {
        for deal in lower..<upper { walkDeal(start, deal, walks[0], spans) }
      }
      let share = packShare(deals: lower..<upper, walks: walks, spans: spans)
      let gathered = try share.withUnsafeBytes { try exchange.allGather($0) }
      tally.batches += 1
      tally.sentBytes += share.count * 8
      tally.gatheredBytes += gathered.count
      gathered.withUnsafeBytes { applyGathered($0) }
      finishBatch(start)
      progress(iterations)
    }
  }

  /// This process's deals of the batch, in deal order: per deal its record and delta counts,
  /// its records (every merging part's, part by part: a slot's records stay in walk order) and
  /// its deltas, padded to whole 8-byte words.
  func packShare(
    deals: Range<Int>, walks: [UnsafeMutablePointer<BlueprintWalk>], spans: UnsafeMutablePointer<DealSpan>
  ) -> [UInt64] {
    let parts = settings.threads
    var words: [UInt64] = []
    for deal in deals {
      var records: [UInt64] = []
      var deltas: [Float] = []
      for part in 0..<parts {
        let span = spans[deal * parts + part]
        let log = walks[span.worker].pointee.logs[part]
        var delta = log.deltas + span.deltas
        for r in span.records {
          let record = log.records[r]
          let count = Int(record & 255)
          records.append(record)
          deltas.append(contentsOf: UnsafeBufferPointer(start: delta, count: count))
          delta += count
        }
      }
      words.append(UInt64(records.count) << 32 | UInt64(deltas.count))
      words.append(contentsOf: records)
      if deltas.count % 2 == 1 { deltas.append(0) }
      deltas.withUnsafeBytes { bytes in
        for w in 0..<(deltas.count / 2) { words.append(bytes.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self)) }
      }
    }
    return words
  }

  /// Applies every process's deals (``packShare(deals:walks:spans:)``'s words, concatenated in
  /// rank order) in deal order, each slot by the thread that owns it.
  func applyGathered(_ bytes: UnsafeRawBufferPointer) {
    let words = bytes.count / 8
    let base = UnsafeRawPointer(bytes.baseAddress!)
    // Where each deal's records and deltas start (word offsets).
    var deals: [(records: Int, count: Int, deltas: Int)] = []
    var w = 0
    while w < words {
      let counts = base.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self)
      let recordCount = Int(counts >> 32)
      let deltaCount = Int(counts & 0xFFFF_FFFF)
      deals.append((w + 1, recordCount, w + 1 + recordCount))
      w += 1 + recordCount + (deltaCount + 1) / 2
    }
    let parts = settings.threads
    let floor = settings.regretFloor
    let list = GatheredDeals(base: base, deals: deals)
    let apply = { (part: Int) in
      for deal in list.deals {
        var delta = 0
        for r in 0..<deal.count {
          let record = list.base.loadUnaligned(fromByteOffset: 8 * (deal.records + r), as: UInt64.self)
          let count = Int(record & 255)
          let slot = Int(record >> 9)
          defer { delta += count }
          guard BlueprintTrainer.owner(of: slot, parts: parts) == part else { continue }
          let values = list.base + 8 * deal.deltas + 4 * delta
          if record & 256 != 0 {
            let target = self.sums + slot
            for a in 0..<count { target[a] += values.loadUnaligned(fromByteOffset: 4 * a, as: Float.self) }
          } else {
            let target = self.regrets + slot
            for a in 0..<count {
              target[a] = max(target[a] + values.loadUnaligned(fromByteOffset: 4 * a, as: Float.self), floor)
            }
          }
        }
      }
    }
    if let pool {
      pool.run(parts) { part, _ in apply(part) }
    } else {
      apply(0)
    }
  }
}

/// The walks of one process, handed to its threads.
struct WalkList: @unchecked Sendable {
  let walks: [UnsafeMutablePointer<BlueprintWalk>]
  let spans: UnsafeMutablePointer<DealSpan>
}

/// The gathered deals, handed to the merging threads (read only).
struct GatheredDeals: @unchecked Sendable {
  let base: UnsafeRawPointer
  let deals: [(records: Int, count: Int, deltas: Int)]
}
