import Foundation

/// Reads one numeric column of a CSV file: by header name, or the first column. A first line
/// with a field that is not a number is taken as the header. Quoted fields are understood.
/// Errors name the file, the row (1-based, counting the header) and the column.
public enum OutcomeColumn {
  /// - Parameter matching: when given, only rows whose field in that column (by header name)
  ///   equals the value are read, such as `("pair", "cfr vs random")` in an arena's `hands.csv`.
  public static func read(path: String, column: String?, matching: (column: String, value: String)? = nil)
    throws(ProbabilityError) -> [Double]
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ProbabilityError(.badInput, "\(path): cannot read the file (missing or unreadable)")
    }
    let text = String(decoding: data, as: UTF8.self)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    guard let first = lines.first else { throw ProbabilityError(.badInput, "\(path): the file is empty") }
    let firstFields = fields(first)
    let hasHeader = firstFields.contains { Double($0.trimmingCharacters(in: .whitespaces)) == nil }
    var index = 0
    if let column {
      guard hasHeader else {
        throw ProbabilityError(.badInput, "\(path): --column \(column) was given but the file has no header row")
      }
      guard let found = firstFields.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == column }) else {
        throw ProbabilityError(
          .badInput, "\(path): no column named '\(column)'; the columns are \(firstFields.joined(separator: ", "))")
      }
      index = found
    }
    let name = hasHeader ? firstFields[index] : "column 1"
    var filter: (index: Int, value: String)?
    if let matching {
      guard hasHeader,
        let found = firstFields.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == matching.column })
      else {
        throw ProbabilityError(
          .badInput,
          "\(path): no column named '\(matching.column)' to select rows by; the columns are \(firstFields.joined(separator: ", "))"
        )
      }
      filter = (found, matching.value)
    }
    var values: [Double] = []
    for (offset, line) in lines.enumerated().dropFirst(hasHeader ? 1 : 0) {
      let row = fields(line)
      if let filter {
        guard filter.index < row.count, row[filter.index].trimmingCharacters(in: .whitespaces) == filter.value else {
          continue
        }
      }
      guard index < row.count else {
        throw ProbabilityError(.badInput, "\(path): row \(offset + 1) has \(row.count) fields, no '\(name)'")
      }
      let field = row[index].trimmingCharacters(in: .whitespaces)
      guard let value = Double(field), value.isFinite else {
        throw ProbabilityError(
          .badInput, "\(path): row \(offset + 1), column '\(name)': '\(field)' is not a finite number")
      }
      values.append(value)
    }
    guard !values.isEmpty else {
      if let matching {
        throw ProbabilityError(.badInput, "\(path): no row has \(matching.column) = '\(matching.value)'")
      }
      throw ProbabilityError(.badInput, "\(path): no observations below the header")
    }
    return values
  }

  /// Splits a CSV line, honouring double quotes.
  static func fields(_ line: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quoted = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case "\"" where quoted:
        current.append("\"")
        quoted = false
      case "\"" where current.isEmpty || current.last == "\"":
        if current.last == "\"" { current.removeLast() }
        quoted = true
      case "," where !quoted:
        result.append(current)
        current = ""
      default:
        current.append(character)
      }
    }
    result.append(current)
    return result
  }
}
