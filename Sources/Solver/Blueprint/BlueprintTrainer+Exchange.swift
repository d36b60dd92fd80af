import Dispatch

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
    let handle = BatchHandle(trainer: self)
    defer { handle.release() }
    let lower = batch * exchange.rank / exchange.size
    let upper = batch * (exchange.rank + 1) / exchange.size
    let end = iterations + count
    while iterations < end {
      let start = iterations
      let clock = DispatchTime.now().uptimeNanoseconds
      for t in 0..<threads { handle.walk(t).pointee.clearLogs() }
      if let pool {
        pool.run(upper - lower) { deal, worker in
          self.walkDeal(start, lower + deal, handle.walk(worker), handle.spans, worker: worker)
        }
      } else {
        for deal in lower..<upper { walkDeal(start, deal, handle.walk(0), handle.spans) }
      }
      let walked = DispatchTime.now().uptimeNanoseconds
      let share = packShare(deals: lower..<upper, handle)
      let gathered = try share.withUnsafeBytes { try exchange.allGather($0) }
      let exchanged = DispatchTime.now().uptimeNanoseconds
      gathered.withUnsafeBytes { applyGathered($0) }
      finishBatch(start)
      let applied = DispatchTime.now().uptimeNanoseconds
      tally.batches += 1
      tally.sentBytes += share.count * 8
      tally.gatheredBytes += gathered.count
      tally.walkSeconds += Double(walked - clock) / 1e9
      tally.gatherSeconds += Double(exchanged - walked) / 1e9
      tally.applySeconds += Double(applied - exchanged) / 1e9
      progress(iterations)
    }
  }

  /// This process's deals of the batch, in deal order: per deal its record and delta counts,
  /// its records (every merging part's, part by part: a slot's records stay in walk order) and
  /// its deltas, padded to whole 8-byte words.
  func packShare(deals: Range<Int>, _ handle: BatchHandle) -> [UInt64] {
    let spans = handle.spans
    let parts = settings.threads
    // Sizes first, so the words are written once into one array.
    var total = 0
    for deal in deals {
      var records = 0
      var deltas = 0
      for part in 0..<parts {
        let span = spans[deal * parts + part]
        records += span.records.count
        deltas += span.deltas.count
      }
      total += 1 + records + (deltas + 1) / 2
    }
    return [UInt64](unsafeUninitializedCapacity: total) { words, written in
      let base = words.baseAddress!
      var w = 0
      for deal in deals {
        let head = w
        w += 1
        var records = 0
        for part in 0..<parts {
          let span = spans[deal * parts + part]
          let log = handle.walk(span.worker).pointee.logs[part]
          (base + w + records).update(from: log.records + span.records.lowerBound, count: span.records.count)
          records += span.records.count
        }
        w += records
        let values = UnsafeMutableRawPointer(base + w)
        var deltas = 0
        for part in 0..<parts {
          let span = spans[deal * parts + part]
          let log = handle.walk(span.worker).pointee.logs[part]
          let count = span.deltas.count
          (values + 4 * deltas).copyMemory(from: log.deltas + span.deltas.lowerBound, byteCount: 4 * count)
          deltas += count
        }
        if deltas % 2 == 1 { (values + 4 * deltas).storeBytes(of: 0, as: Float.self) }
        base[head] = UInt64(records) << 32 | UInt64(deltas)
        w += (deltas + 1) / 2
      }
      written = w
    }
  }

  /// Applies every process's deals (``packShare(deals:_:)``'s words, concatenated in
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
          self.applyRecord(record, list.base + 8 * deal.deltas + 4 * delta, floor: floor)
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

/// The gathered deals, handed to the merging threads (read only).
struct GatheredDeals: @unchecked Sendable {
  let base: UnsafeRawPointer
  let deals: [(records: Int, count: Int, deltas: Int)]
}
