/// The walks and spans of one training run, handed to the concurrent loops (each worker writes
/// only its own walk and the spans of the deals it drew): one walk per thread, each on its own
/// cache lines (their counters and generators change all the time), and per deal of a batch and
/// merging part, where the deal's updates sit in the logs (``DealSpan``).
struct BatchHandle: @unchecked Sendable {
  let walks: UnsafeMutableRawPointer
  let stride: Int
  let threads: Int
  let spans: UnsafeMutablePointer<DealSpan>

  /// Fresh walks for each of `trainer`'s threads and spans for one batch; ``release()`` frees them.
  init(trainer: BlueprintTrainer) {
    threads = trainer.settings.threads
    stride = (MemoryLayout<BlueprintWalk>.stride + 127) / 128 * 128
    walks = UnsafeMutableRawPointer.allocate(byteCount: threads * stride, alignment: 128)
    for t in 0..<threads {
      (walks + t * stride).initializeMemory(as: BlueprintWalk.self, to: BlueprintWalk(trainer: trainer))
    }
    spans = UnsafeMutablePointer<DealSpan>.allocate(capacity: trainer.settings.batch * threads)
  }

  func walk(_ worker: Int) -> UnsafeMutablePointer<BlueprintWalk> {
    (walks + worker * stride).assumingMemoryBound(to: BlueprintWalk.self)
  }

  /// Frees the walks' logs, the walks and the spans.
  func release() {
    for t in 0..<threads {
      walk(t).pointee.free()
      walk(t).deinitialize(count: 1)
    }
    walks.deallocate()
    spans.deallocate()
  }
}
