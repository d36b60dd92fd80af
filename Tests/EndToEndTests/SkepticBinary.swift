import Foundation
import TestSupport
import Testing

/// Runs the built `skeptic` executable and captures what it prints.
enum SkepticBinary {
  struct Output {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The executable beside the test bundle (the same build folder), else under `.build`.
  static let url: URL = {
    let fileManager = FileManager.default
    var candidates: [URL] = []
    if let testBinary = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("skeptic"))
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    for configuration in ["release", "debug"] {
      candidates.append(root.appendingPathComponent(".build/\(configuration)/skeptic"))
    }
    return candidates.first { fileManager.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  /// Runs with `arguments`; `input`, when given, is piped to standard input and then closed.
  static func run(_ arguments: [String], input: String? = nil, directory: URL? = nil) throws -> Output {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let feed = Pipe()
    if input != nil { process.standardInput = feed }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let input {
      feed.fileHandleForWriting.write(Data(input.utf8))
      try? feed.fileHandleForWriting.close()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  /// Waits up to `seconds` for a file to appear (an arena writes its seats' secrets as it starts).
  @discardableResult
  static func waitForFile(_ path: String, seconds: Double = 10) -> Bool {
    let start = Date()
    while !FileManager.default.fileExists(atPath: path) {
      if Date().timeIntervalSince(start) > seconds { return false }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Thread.sleep(forTimeInterval: 0.05)
    return true
  }

  /// Starts an arena listening on a port the system picks (`--listen tcp://127.0.0.1:*`) and
  /// returns it with the address it announced and the announcement (its first line on standard
  /// error), so no test guesses a free port. Standard output goes to `output` (or nowhere).
  static func startArena(_ arguments: [String], output: Pipe? = nil) throws -> (
    process: Process, endpoint: String, announced: String
  ) {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments + ["--listen", "tcp://127.0.0.1:*"]
    let err = Pipe()
    process.standardOutput = output ?? FileHandle.nullDevice
    process.standardError = err
    try process.run()
    var said = Data()
    while !said.contains(UInt8(ascii: "\n")) {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      said.append(chunk)
    }
    // Keep reading in the background so the arena never blocks on a full pipe.
    DispatchQueue.global().async { _ = err.fileHandleForReading.readDataToEndOfFile() }
    let line = String(decoding: said, as: UTF8.self)
    guard let range = line.range(of: #"tcp://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
      process.terminate()
      throw ArenaDidNotAnnounce(said: line)
    }
    return (process, String(line[range]), line)
  }

  struct ArenaDidNotAnnounce: Error, CustomStringConvertible {
    let said: String
    var description: String { "the arena announced no address; it said: \(said)" }
  }

  /// Runs another program to its end and returns its exit status.
  static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// A new empty folder under the temporary directory, named `skeptic-PREFIX-UUID`.
  static func temporaryDirectory(_ prefix: String) throws -> URL { try Scratch.directory(prefix) }
}
