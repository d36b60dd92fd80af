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

  init(directory: String, header: String) throws(ArenaError) {
    self.directory = directory
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ArenaError("\(directory): cannot create the output folder: \(error.localizedDescription)")
    }
    func open(_ name: String, _ first: String?) throws(ArenaError) -> FileHandle {
      let path = directory + "/" + name
      if !FileManager.default.fileExists(atPath: path) {
        FileManager.default.createFile(atPath: path, contents: first.map { Data(($0 + "\n").utf8) })
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

  func append(_ record: HandRecord, pair: String) throws(ArenaError) {
    do {
      try log.write(contentsOf: Data((record.acpcLine + "\n").utf8))
      var event = record.jsonLine
      event.removeLast()
      try events.write(contentsOf: Data((event + ",\"pair\":\"\(pair)\"}\n").utf8))
      try log.synchronize()
      try events.synchronize()
    } catch {
      throw ArenaError("\(directory): cannot append to the logs: \(error.localizedDescription)")
    }
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
      try AtomicFile.write((try? encoder.encode(report)) ?? Data(), to: directory + "/report.json")
      try AtomicFile.write(Data((report.text + "\n").utf8), to: directory + "/report.txt")
      try AtomicFile.write(Data(LinePlot.document(plots).utf8), to: directory + "/report.svg")
    } catch {
      throw ArenaError("\(error)")
    }
  }
}
