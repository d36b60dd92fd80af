import Basics
import Foundation
import Plotting

/// The match's files: `match.log` (ACPC `STATE:` lines after a `#` header), `events.jsonl`
/// (one JSON object per hand) and `hands.csv` (one row per hand, which `skeptic stats` reads), appended and flushed as each hand ends; `report.json`,
/// `report.txt` and `report.svg` at the end, written atomically.
final class MatchLogs {
  let directory: String
  let log: FileHandle
  let events: FileHandle
  let table: FileHandle
  var pendingLog = ""
  var pendingTable = ""
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
    table = try open("hands.csv", MatchLogs.tableHeader)
  }

  /// `hands.csv`'s columns: the pair, the hand, the seat of the pair's first bot, and the chips
  /// won by the pair's first and second bots.
  static let tableHeader = "pair,hand,first_seat,first,second"

  /// A hand's row in `hands.csv`.
  static func tableRow(_ record: HandRecord, pair: String) -> String {
    let first = record.seating.firstIndex(of: 0) ?? 0
    let values = [record.payoffs[first], record.payoffs[1 - first]].map {
      $0 == $0.rounded() ? String(Int($0)) : String($0)
    }
    let quoted = pair.contains(",") ? "\"\(pair.replacingOccurrences(of: "\"", with: "\"\""))\"" : pair
    return "\(quoted),\(record.hand),\(first),\(values[0]),\(values[1])"
  }

  deinit {
    try? log.close()
    try? events.close()
    try? table.close()
  }

  /// Adds a finished hand to the logs' buffers; ``flush()`` writes them.
  func append(_ record: HandRecord, pair: String) throws(ArenaError) {
    pendingLog += record.acpcLine
    pendingLog += "\n"
    pendingEvents += record.jsonLine(pair: pair)
    pendingEvents += "\n"
    pendingTable += MatchLogs.tableRow(record, pair: pair)
    pendingTable += "\n"
    if pendingLog.utf8.count > 1 << 16 { try flush() }
  }

  /// Writes the buffered hands to the three files (one write each; they survive the process being
  /// killed) and, at most once a second or when `durable`, forces them to disk. `events.jsonl`
  /// goes first: it is what `--resume` recovers from (rewriting the other two to match), so a kill
  /// between the writes can leave it ahead of `match.log`, never behind.
  func flush(durable: Bool = false) throws(ArenaError) {
    do {
      if !pendingLog.isEmpty {
        try events.write(contentsOf: Data(pendingEvents.utf8))
        try log.write(contentsOf: Data(pendingLog.utf8))
        try table.write(contentsOf: Data(pendingTable.utf8))
        pendingTable = ""
        pendingLog = ""
        pendingEvents = ""
      }
      let now = Date()
      if durable || now.timeIntervalSince(lastSync) > 1 {
        try events.synchronize()
        try log.synchronize()
        try table.synchronize()
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
  /// off by the kill is dropped); the logs are rewritten to hold exactly those hands.
  static func recover(directory: String, header: String) throws(ArenaError) -> [String: [HandRecord]] {
    let text =
      (FileManager.default.contents(atPath: directory + "/events.jsonl")).map { String(decoding: $0, as: UTF8.self) }
      ?? ""
    var records: [String: [HandRecord]] = [:]
    var order: [(String, HandRecord)] = []
    for line in text.split(separator: "\n") {
      guard let (pair, record) = try? HandRecord.parse(jsonLine: line),
        record.hand == records[pair, default: []].count
      else { continue }
      records[pair, default: []].append(record)
      order.append((pair, record))
    }
    var log = header + "\n"
    var events = ""
    var table = MatchLogs.tableHeader + "\n"
    for (pair, record) in order {
      log += record.acpcLine + "\n"
      events += record.jsonLine(pair: pair) + "\n"
      table += MatchLogs.tableRow(record, pair: pair) + "\n"
    }
    do {
      try AtomicFile.write(Data(log.utf8), to: directory + "/match.log")
      try AtomicFile.write(Data(events.utf8), to: directory + "/events.jsonl")
      try AtomicFile.write(Data(table.utf8), to: directory + "/hands.csv")
    } catch {
      throw ArenaError("\(error)")
    }
    return records
  }

  func writeReport(_ report: MatchReport) throws(ArenaError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      try AtomicFile.write(try encoder.encode(report), to: directory + "/report.json")
      try AtomicFile.write(Data((report.text + "\n").utf8), to: directory + "/report.txt")
      try AtomicFile.write(Data(LinePlot.document(rows: report.plotRows()).utf8), to: directory + "/report.svg")
    } catch {
      throw ArenaError("\(error)")
    }
  }
}
