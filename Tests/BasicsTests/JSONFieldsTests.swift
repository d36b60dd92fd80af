import Basics
import Testing

@Suite struct JSONFieldsTests {
  let fields = JSONFields(
    try! JSONValue(
      parsing: Array(
        #"{"n":3,"d":4.0,"f":4.5,"s":"x","null":null,"b":true,"xs":[1,2.0],"mixed":["a",null],"in":{"k":1},"list":[{"k":2},{"j":3}]}"#
          .utf8)),
    noun: "test record")

  @Test func valuesReadAsTheirTypes() throws {
    #expect(try fields.int("n") == 3)
    #expect(try fields.int("d") == 4)
    #expect(try fields.string("s") == "x")
    #expect(try fields.bool("b"))
    #expect(try fields.ints("xs") == [1, 2])
    #expect(try fields.doubles("xs") == [1, 2])
    #expect(try fields.optionalStrings("mixed") == ["a", nil])
    #expect(try fields.nested("in").int("k") == 1)
    #expect(try fields.objects("list").map { try $0.optionalInt("k") } == [2, nil])
    #expect(try fields.optionalInt("null") == nil)
    #expect(try fields.optionalString("absent") == nil)
    #expect(fields.present("null") == nil)
  }

  @Test func theSubjectIsQuotedWithAName() {
    #expect(JSONFields(.null, noun: "message", name: "decide").subject == #"a "decide" message"#)
    #expect(fields.subject == "a test record")
  }

  @Test func faultsNameTheSubjectTheFieldAndWhatWasExpected() {
    let cases: [(() throws(BasicsError) -> Void, String)] = [
      ({ () throws(BasicsError) in _ = try fields.int("absent") }, #"a test record needs the field "absent""#),
      ({ () throws(BasicsError) in _ = try fields.int("null") }, #"a test record needs the field "null""#),
      (
        { () throws(BasicsError) in _ = try fields.int("f") },
        #"in a test record, "f" has the wrong type (expected an integer)"#
      ),
      (
        { () throws(BasicsError) in _ = try fields.strings("mixed") },
        #"in a test record, "mixed" has the wrong type (expected an array of strings)"#
      ),
      (
        { () throws(BasicsError) in _ = try fields.nested("in").string("k") },
        #"in a test record, "in.k" has the wrong type (expected a string)"#
      ),
      (
        { () throws(BasicsError) in _ = try fields.objects("list")[1].int("k") },
        #"a test record needs the field "list[1].k""#
      ),
      (
        { () throws(BasicsError) in _ = try fields.nested("s") },
        #"in a test record, "s" has the wrong type (expected an object)"#
      ),
    ]
    for (read, message) in cases {
      #expect(throws: BasicsError(.badField, message)) { try read() }
    }
  }
}
