import Dispatch

/// The one threading pattern of the abstraction's board-by-board builds: items `0 ..< count`
/// split among `threads` threads (item i on thread i mod threads), each thread with its own
/// state (shared arrays would have the threads retaining and releasing the same buffers on every
/// hand), progress reported now and then from thread 0 and once at the end. Items write disjoint
/// rows, so the result does not depend on the thread count.
enum BoardSweep {
  static func run<Own>(
    count: Int, threads: Int, reportEvery: Int, progress: @Sendable (Int, Int) -> Void,
    own: @Sendable () -> Own, each body: @Sendable (inout Own, Int) -> Void
  ) {
    let threads = max(1, threads)
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
      var state = own()
      var done = 0
      for item in stride(from: worker, to: count, by: threads) {
        body(&state, item)
        done += 1
        if worker == 0 && done % reportEvery == 0 { progress(min(done * threads, count), count) }
      }
    }
    progress(count, count)
  }
}
