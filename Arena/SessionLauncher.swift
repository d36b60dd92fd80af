import BotProtocol
import Foundation

/// Starts the match's local bots as `skeptic bot` processes, one per session (each pair, and each
/// half of duplicate deals, gets fresh processes that have seen nothing before it), and ends them.
///
/// Each process is given its seat's secret and the arena's process id in its environment
/// (`SKEPTIC_SEAT_SECRET`, `SKEPTIC_ARENA_PID`): the secret is how it claims its seat, so no one
/// else can; the process id is how it knows to exit when the arena is gone. Its standard error
/// is kept in the match folder, `bots/NAME-pairK[-mirror].stderr`.
final class SessionLauncher {
  let config: MatchRunner.Configuration
  let connection: Connection
  var started: [Process] = []
  var errorFiles: [Seat: String] = [:]

  init(config: MatchRunner.Configuration, connection: Connection) {
    self.config = config
    self.connection = connection
  }

  /// Starts one process for each of `seats` (all local bots) for pair number `pair`.
  func launch(_ seats: [Seat], pair: Int) throws(ArenaError) {
    let folder = config.outDirectory + "/bots"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for seat in seats {
      guard let index = config.bots.firstIndex(where: { $0.name == seat.name }) else { continue }
      let bot = config.bots[index]
      let secret = SeatSecret.make()
      let process = Process()
      process.executableURL = URL(fileURLWithPath: config.executable)
      process.arguments = [
        "bot", "--agent", bot.spec, "--connect", connection.endpoint, "--name", bot.name, "--game", config.game,
        "--seed", String(config.seed &+ UInt64(index) &* 7919),
      ]
      var environment = ProcessInfo.processInfo.environment
      environment["SKEPTIC_SEAT_SECRET"] = secret
      environment["SKEPTIC_ARENA_PID"] = String(getpid())
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      let errorPath = "\(folder)/\(bot.name)-pair\(pair)\(seat.table == 1 ? "-mirror" : "").stderr"
      if FileManager.default.createFile(atPath: errorPath, contents: nil),
        let handle = FileHandle(forWritingAtPath: errorPath)
      {
        process.standardError = handle
        errorFiles[seat] = errorPath
      } else {
        process.standardError = FileHandle.nullDevice
      }
      do { try process.run() } catch { throw ArenaError("cannot start bot \(bot.name): \(error)") }
      // The child has its own copy of the descriptor; the arena's would stay open all match.
      if let handle = process.standardError as? FileHandle, handle !== FileHandle.nullDevice { try? handle.close() }
      started.append(process)
      connection.secrets[secret] = seat
      connection.processes[seat] = process
    }
  }

  /// Ends the sessions of `seats`: tells each its pair is over, collects any notes it sends
  /// (waiting up to 2 s for the processes to exit), stops any still running and frees the seats.
  func end(_ seats: [Seat]) -> [Seat: [String]] {
    for seat in seats { connection.send(seat, .matchEnd(.init(reason: "pair over"))) }
    let notes = connection.collectNotes(from: seats, timeoutMs: 2_000)
    for seat in seats {
      if let process = connection.processes[seat], process.isRunning { process.terminate() }
      connection.release(seat)
    }
    return notes
  }

  /// The last line the session's process wrote to its standard error, if any.
  func lastError(_ seat: Seat) -> String? {
    guard let path = errorFiles[seat], let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init)
  }

  /// Stops every process still running (at the end of the match, or when it fails).
  func stopAll() {
    for process in started where process.isRunning { process.terminate() }
  }
}
