import Foundation
import Plotting
import Solver

/// The match's files: `match.log` (ACPC `STATE:` lines after a `#` header) and `events.jsonl`
/// (one JSON object per hand), appended and flushed as each hand ends; `report.json`,
/// `report.txt` and `report.svg` at the end, written atomically.
final class MatchLogs {
  let directory: String
  let log: FileHandle
  let events: FileHandle
  var pendingLog = ""
  var pendingEvents = ""
  var lastSync = Date()

  /// Opens the logs for appending; `fresh` starts new files (refusing to overwrite a match).
  init(directory: String, header: String, fresh: Bool) throws(ArenaError) {
    self.directory = directory
    if fresh && FileManager.default.fileExists(atPath: directory + "/events.jsonl") {
      throw ArenaError(
        "\(directory) already holds a match; continue it with --resume \(directory) or choose another --out")
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ArenaError("\(directory): cannot create the output folder: \(error.localizedDescription)")
    }
    func open(_ name: String, _ first: String?) throws(ArenaError) -> FileHandle {
      let path = directory + "/" + name
      if !FileManager.default.fileExists(atPath: path) {
        _ = FileManager.default.createFile(atPath: path, contents: first.map { Data(($0 + "\n").utf8) })
      }
      guard let handle = FileHandle(forWritingAtPath: path) else {
        throw ArenaError("\(path): cannot open for appending")
      }
      handle.seekToEndOfFile()
      return handle
    }
    log = try open("match.log", header)
    events = try open("events.jsonl", nil)
  }

  deinit {
    try? log.close()
    try? events.close()
  }

  /// Adds a finished hand to both logs' buffers; ``flush()`` writes them.
  func append(_ record: HandRecord, pair: String) throws(ArenaError) {
    pendingLog += record.acpcLine
    pendingLog += "\n"
    pendingEvents += record.jsonLine(pair: pair)
    pendingEvents += "\n"
    if pendingLog.utf8.count > 1 << 16 { try flush() }
  }

  /// Writes the buffered hands to both files (one write each; they survive the process being
  /// killed) and, at most once a second or when `durable`, forces them to disk.
  func flush(durable: Bool = false) throws(ArenaError) {
    do {
      if !pendingLog.isEmpty {
        try log.write(contentsOf: Data(pendingLog.utf8))
        try events.write(contentsOf: Data(pendingEvents.utf8))
        pendingLog = ""
        pendingEvents = ""
      }
      let now = Date()
      if durable || now.timeIntervalSince(lastSync) > 1 {
        try log.synchronize()
        try events.synchronize()
        lastSync = now
      }
    } catch {
      throw ArenaError("\(directory): cannot append to the logs: \(error.localizedDescription)")
    }
  }

  /// Writes the match's configuration, which `--resume` reads back.
  func saveConfiguration(_ configuration: MatchRunner.Configuration) throws(ArenaError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    do {
      try AtomicFile.write((try? encoder.encode(configuration)) ?? Data(), to: directory + "/match.json")
    } catch {
      throw ArenaError("\(error)")
    }
  }

  /// Reads the configuration of the match in `directory`.
  static func configuration(in directory: String) throws(ArenaError) -> MatchRunner.Configuration {
    guard let data = FileManager.default.contents(atPath: directory + "/match.json"),
      let configuration = try? JSONDecoder().decode(MatchRunner.Configuration.self, from: data)
    else { throw ArenaError("\(directory)/match.json is missing or unreadable; there is no match to resume there") }
    return configuration
  }

  /// The finished hands of an interrupted match, by pair, from `events.jsonl` (a last line cut
  /// off by the kill is dropped); both logs are rewritten to hold exactly those hands.
  static func recover(directory: String, header: String) throws(ArenaError) -> [String: [HandRecord]] {
    struct Tagged: Decodable { var pair: String }
    let text =
      (FileManager.default.contents(atPath: directory + "/events.jsonl")).map { String(decoding: $0, as: UTF8.self) }
      ?? ""
    var records: [String: [HandRecord]] = [:]
    var order: [(String, HandRecord)] = []
    let decoder = JSONDecoder()
    for line in text.split(separator: "\n") {
      let data = Data(line.utf8)
      guard let tag = try? decoder.decode(Tagged.self, from: data),
        let record = try? decoder.decode(HandRecord.self, from: data),
        record.hand == records[tag.pair, default: []].count
      else { continue }
      records[tag.pair, default: []].append(record)
      order.append((tag.pair, record))
    }
    var log = header + "\n"
    var events = ""
    for (pair, record) in order {
      log += record.acpcLine + "\n"
      events += record.jsonLine(pair: pair) + "\n"
    }
    do {
      try AtomicFile.write(Data(log.utf8), to: directory + "/match.log")
      try AtomicFile.write(Data(events.utf8), to: directory + "/events.jsonl")
    } catch {
      throw ArenaError("\(error)")
    }
    return records
  }

  func writeReport(_ report: MatchReport) throws(ArenaError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let plots = report.pairs.map { pair in
      LinePlot(
        title: "\(pair.first) vs \(pair.second)", xLabel: "hands", yLabel: "\(pair.first) wins (\(pair.unit))",
        logX: true, logY: false,
        series: [
          .init(
            name: "lower",
            points: pair.curve.compactMap { point in point.lower.map { (Double(point.hands), $0 * pair.scale) } },
            color: "#1f77b4"),
          .init(
            name: "upper",
            points: pair.curve.compactMap { point in point.upper.map { (Double(point.hands), $0 * pair.scale) } },
            color: "#d62728"),
        ])
    }
    do {
      try AtomicFile.write(try encoder.encode(report), to: directory + "/report.json")
      try AtomicFile.write(Data((report.text + "\n").utf8), to: directory + "/report.txt")
      try AtomicFile.write(Data(LinePlot.document(plots).utf8), to: directory + "/report.svg")
    } catch {
      throw ArenaError("\(error)")
    }
  }
}
