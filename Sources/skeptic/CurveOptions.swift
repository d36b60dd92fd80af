import ArgumentParser
import Foundation

/// The options the curve benchmarks share.
struct CurveOptions: ParsableArguments {
  @Option(help: "Worker threads (the same results for any count).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Seed for training (and LBR).")
  var seed: UInt64 = 1

  @Option(help: "Write the curve as an SVG picture here.")
  var svg: String?

  @Flag(help: "Print JSON.")
  var json = false
}
