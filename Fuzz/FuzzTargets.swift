import Foundation

// libFuzzer entry for every parser that reads what someone else wrote. `scripts/fuzz` compiles
// this file with the sources of Randomness, Cards, PokerRules, Solver (blueprint files included)
// and BotProtocol (and the CSV reader of GameTheoreticProbability) as one module, instrumented with
// `-sanitize=fuzzer,address`; the target is chosen by SKEPTIC_FUZZ_TARGET. A target may throw
// any error it likes; it must not crash, hang or allocate without bound.

/// The target this process fuzzes.
let fuzzTarget = ProcessInfo.processInfo.environment["SKEPTIC_FUZZ_TARGET"] ?? ""

/// Where file-reading targets put each input (memory-backed when /dev/shm exists).
let fuzzFile: String = {
  let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  return "\(folder)/skeptic-fuzz-\(getpid())-\(fuzzTarget)"
}()

let fuzzLeduc = BundledGame.leduc.definition
let fuzzNoLimit = BundledGame.noLimitHoldem.definition

@_cdecl("LLVMFuzzerTestOneInput")
public func skepticFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let text = String(decoding: bytes, as: UTF8.self)
  switch fuzzTarget {
  case "gamedef":
    if let game = try? GameDefinition(parsing: text, source: "fuzz") {
      _ = game.text
      _ = try? GameDefinition(parsing: game.text, source: "fuzz (printed)")
    }
  case "matchstate":
    for game in [fuzzLeduc, fuzzNoLimit] {
      if let state = try? MatchState(parsing: text, game: game) {
        _ = state.description
        _ = try? state.replay(game: game)
      }
    }
  case "message":
    if let message = try? Message.decode(bytes) { _ = try? Message.decode(message.encoded()) }
  case "range":
    _ = try? HandRange.handOrRange(text)
  case "policy":
    _ = FileManager.default.createFile(atPath: fuzzFile, contents: Data(bytes))
    _ = try? PolicyFile.read(from: fuzzFile)
    _ = try? BlueprintPolicy(contentsOf: fuzzFile)
  case "checkpoint":
    _ = FileManager.default.createFile(atPath: fuzzFile, contents: Data(bytes))
    _ = try? CFRSolver.resume(from: fuzzFile)
    _ = try? MonteCarloCFR.resume(from: fuzzFile)
    _ = try? HistoryCFR.resume(from: fuzzFile)
    if let buckets = try? LosslessBuckets(game: BundledGame.kuhn.definition) {
      _ = try? BlueprintTrainer.resume(from: fuzzFile, buckets: buckets, threads: 1)
    }
  case "spot":
    // A spot file, printed back and read again, then laid out under a small memory limit (a tree
    // past it is refused, not built).
    if let spot = try? Spot(parsing: text, path: "fuzz") {
      _ = try? Spot(parsing: spot.text, path: "fuzz (printed)")
      _ = try? SpotGame(spot: spot, maxMemory: 64 << 20)
    }
  case "solution":
    _ = FileManager.default.createFile(atPath: fuzzFile, contents: Data(bytes))
    if let solution = try? SpotSolution(contentsOf: fuzzFile) { _ = try? solution.solver(maxMemory: 64 << 20) }
  case "csv":
    _ = FileManager.default.createFile(atPath: fuzzFile, contents: Data(bytes))
    _ = try? OutcomeColumn.read(path: fuzzFile, column: nil)
    _ = try? OutcomeColumn.read(path: fuzzFile, column: "x")
  default:
    fatalError(
      "set SKEPTIC_FUZZ_TARGET to gamedef, matchstate, message, range, policy, checkpoint, spot, solution or csv")
  }
  return 0
}
