import BotProtocol
import Foundation
import PokerRules

/// Agents that misbehave on purpose, to test the arena: `garbage` answers with text that is no
/// action; `sleep:MS` waits before calling; `exit:N` quits the process at its N-th decision;
/// `record:FILE` calls and appends every match state it is sent to FILE, each line ending with
/// its process id (several processes may share the file).
public struct GarbageAgent: Agent {
  public let name = "garbage"
  public init() {}
  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action { .call }
  public func override(_ decision: Message.Decide) -> Override? { .text("¿qué?") }
}

public struct SleepyAgent: Agent {
  public let name = "sleep"
  public let milliseconds: Int
  public init(milliseconds: Int) { self.milliseconds = milliseconds }
  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
    return .call
  }
}

public struct QuittingAgent: Agent {
  public let name = "exit"
  public let after: Int
  var decisions = 0
  public init(after: Int) { self.after = after }
  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action { .call }
  public mutating func override(_ decision: Message.Decide) -> Override? {
    decisions += 1
    return decisions >= after ? .exit : nil
  }
}

public struct RecordingAgent: Agent {
  public let name = "record"
  let handle: FileHandle?
  let process = ProcessInfo.processInfo.processIdentifier
  public init(path: String) {
    // Opened for appending: each line is one write, whole, whoever else writes the file.
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    handle = descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil
  }
  func record(_ line: String) { try? handle?.write(contentsOf: Data((line + " \(process)\n").utf8)) }
  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    record("decide " + decision.matchState)
    return .call
  }
  public func handEnded(_ end: Message.HandEnd, game: GameDefinition) { record("end " + end.matchState) }
}
