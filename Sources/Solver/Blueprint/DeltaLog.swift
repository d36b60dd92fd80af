/// One worker's updates from a batch of deals, in the order its walks made them: a record per
/// decision visited (the slot of its first action, the action count, and whether the deltas go
/// to the regrets or the strategy sums) and the deltas themselves.
struct DeltaLog {
  /// `slot << 9 | sums << 8 | count`.
  var records: UnsafeMutablePointer<UInt64>
  var recordCount = 0
  var recordCapacity: Int
  var deltas: UnsafeMutablePointer<Float>
  var deltaCount = 0
  var deltaCapacity: Int

  init() {
    recordCapacity = 1 << 12
    deltaCapacity = 1 << 14
    records = .allocate(capacity: recordCapacity)
    deltas = .allocate(capacity: deltaCapacity)
  }

  func free() {
    records.deallocate()
    deltas.deallocate()
  }

  mutating func clear() {
    recordCount = 0
    deltaCount = 0
  }

  /// Room for one record of `count` deltas; returns where to write them.
  @inline(__always)
  mutating func append(slot: Int, count: Int, sums: Bool) -> UnsafeMutablePointer<Float> {
    if recordCount == recordCapacity {
      let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: recordCapacity * 2)
      grown.moveInitialize(from: records, count: recordCount)
      records.deallocate()
      records = grown
      recordCapacity *= 2
    }
    if deltaCount + count > deltaCapacity {
      let grown = UnsafeMutablePointer<Float>.allocate(capacity: deltaCapacity * 2)
      grown.moveInitialize(from: deltas, count: deltaCount)
      deltas.deallocate()
      deltas = grown
      deltaCapacity *= 2
    }
    records[recordCount] = UInt64(slot) << 9 | (sums ? 256 : 0) | UInt64(count)
    recordCount += 1
    let start = deltas + deltaCount
    deltaCount += count
    return start
  }
}
