import Basics
import Foundation
import TestSupport
import Testing

@Suite struct JSONTests {
  @Test func theJSONReaderFollowsTheGrammarAndNamesTheFault() throws {
    let text = #" { "a" : [1, -2.5e1, true, false, null, "x\"\\\/\n\u00e9\ud83c\udca1"], "b": {} } "#
    let value = try JSONValue(parsing: Array(text.utf8))
    #expect(
      value["a"]
        == .array([.int(1), .double(-25), .bool(true), .bool(false), .null, .string("x\"\\/\n\u{e9}\u{1F0A1}")]))
    #expect(value["b"] == .object([]))
    for (bad, fault) in [
      ("{\"a\":}", "expected a value at byte 5"), ("[1,]", "expected a value at byte 3"),
      ("{\"a\" 1}", "expected ':' at byte 5"), ("\"tab\there\"", "no control character"),
      ("01", "the end of the document at byte 1"), ("[1 2]", "expected ',' or ']' at byte 3"),
      ("tru", "expected true at byte 0"), ("\"\\q\"", "an escape"),
    ] {
      #expect(throws: BasicsError.self) { try JSONValue(parsing: Array(bad.utf8)) }
      do {
        _ = try JSONValue(parsing: Array(bad.utf8))
      } catch {
        #expect(error.message.contains(fault), "\(bad): \(error.message)")
      }
    }
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: BasicsError(.badJSON, "not valid JSON: nested deeper than 64")) {
      try JSONValue(parsing: Array(deep.utf8))
    }
  }

  @Test func theWriterGivesCompactJSONThatTheReaderReadsBack() throws {
    var out = JSONWriter()
    out.beginObject()
    out.key("a")
    out.beginArray()
    out.int(-3)
    out.double(0.1)
    out.string("q\"\n\u{1}")
    out.null()
    out.bool(true)
    out.endArray()
    out.key("b")
    out.beginObject()
    out.endObject()
    out.endObject()
    let value = try JSONValue(parsing: out.bytes)
    #expect(value["a"] == .array([.int(-3), .double(0.1), .string("q\"\n\u{1}"), .null, .bool(true)]))
    #expect(value["b"] == .object([]))
    #expect(!out.bytes.contains(UInt8(ascii: " ")))
  }
}

@Suite struct AtomicFileTests {
  @Test func aWriteReplacesTheFileWhole() throws {
    let directory = try Scratch.directory("basics").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/file.txt"
    try AtomicFile.write(Data("first".utf8), to: path)
    try AtomicFile.write(Data("second".utf8), to: path)
    #expect(FileManager.default.contents(atPath: path) == Data("second".utf8))
    // No temporary file is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["file.txt"])
  }

  @Test func aFolderThatDoesNotExistIsAnErrorNamingThePath() {
    let path = "/nonexistent-\(UUID().uuidString)/file.txt"
    do {
      try AtomicFile.write(Data("x".utf8), to: path)
      Issue.record("the write should have failed")
    } catch {
      #expect(error.code == .io)
      #expect(error.message.hasPrefix(path))
    }
  }
}
