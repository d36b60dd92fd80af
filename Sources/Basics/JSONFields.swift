/// Typed access to the fields of a JSON object, for decoders of documents someone else wrote.
///
/// Each lookup says what it expects; a missing field or one of the wrong type is a
/// ``BasicsError`` with the code `badField` whose message names the subject, the field and what
/// was expected:
///
/// ```swift
/// let fields = JSONFields(try JSONValue(parsing: bytes), noun: "message", name: "hello")
/// let name = try fields.string("name")
/// // a "hello" message needs the field "name"
/// // in a "hello" message, "name" has the wrong type (expected a string)
/// ```
///
/// A `null` counts as absent for the optional lookups. Nothing is allocated until a message is
/// needed (the arena decodes a frame per decision through this).
public struct JSONFields: Sendable {
  /// The object read.
  public let object: JSONValue
  /// What the object is: "message", "logged hand".
  let noun: String
  /// Its name, quoted before the noun when given: the message type.
  let name: String?
  /// The enclosing object's path ("" at the top) and this object's member name and index in it.
  let parent: String
  let member: String?
  let index: Int?

  /// The fields of `object`, which messages call `a "name" noun` (or `a noun` without a name).
  public init(_ object: JSONValue, noun: String, name: String? = nil) {
    self.init(object, noun: noun, name: name, parent: "", member: nil, index: nil)
  }

  init(_ object: JSONValue, noun: String, name: String?, parent: String, member: String?, index: Int?) {
    self.object = object
    self.noun = noun
    self.name = name
    self.parent = parent
    self.member = member
    self.index = index
  }

  /// The subject as messages say it: "a \"decide\" message", "a logged hand".
  public var subject: String { name.map { "a \"\($0)\" \(noun)" } ?? "a \(noun)" }

  /// Prefixed to field names in messages: "" at the top, "legal." or "invalid[0]." below.
  public var path: String {
    guard let member else { return parent }
    return parent + member + (index.map { "[\($0)]" } ?? "") + "."
  }

  /// The error for a field that is absent.
  public func missing(_ key: String) -> BasicsError {
    BasicsError(.badField, "\(subject) needs the field \"\(path)\(key)\"")
  }

  /// The error for a field that holds the wrong kind of value.
  public func wrong(_ key: String, _ expected: String) -> BasicsError {
    BasicsError(.badField, "in \(subject), \"\(path)\(key)\" has the wrong type (expected \(expected))")
  }

  /// The field's value, or nil when it is absent or null.
  public func present(_ key: String) -> JSONValue? {
    guard let value = object[key], value != .null else { return nil }
    return value
  }

  /// A whole number: an integer, or a double with no fractional part below 10^15.
  public static func integer(_ value: JSONValue) -> Int? {
    switch value {
    case .int(let number): return number
    case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
    default: return nil
    }
  }

  public func optionalInt(_ key: String) throws(BasicsError) -> Int? {
    guard let value = present(key) else { return nil }
    guard let number = JSONFields.integer(value) else { throw wrong(key, "an integer") }
    return number
  }

  public func int(_ key: String) throws(BasicsError) -> Int {
    guard let number = try optionalInt(key) else { throw missing(key) }
    return number
  }

  public func optionalString(_ key: String) throws(BasicsError) -> String? {
    guard let value = present(key) else { return nil }
    guard case .string(let text) = value else { throw wrong(key, "a string") }
    return text
  }

  public func string(_ key: String) throws(BasicsError) -> String {
    guard let text = try optionalString(key) else { throw missing(key) }
    return text
  }

  public func bool(_ key: String) throws(BasicsError) -> Bool {
    guard let value = object[key] else { throw missing(key) }
    guard case .bool(let flag) = value else { throw wrong(key, "true or false") }
    return flag
  }

  /// The field's array, of any elements.
  public func array(_ key: String) throws(BasicsError) -> [JSONValue] {
    guard let value = object[key] else { throw missing(key) }
    guard case .array(let values) = value else { throw wrong(key, "an array") }
    return values
  }

  public func ints(_ key: String) throws(BasicsError) -> [Int] {
    var result: [Int] = []
    for element in try array(key) {
      guard let number = JSONFields.integer(element) else { throw wrong(key, "an array of integers") }
      result.append(number)
    }
    return result
  }

  public func optionalInts(_ key: String) throws(BasicsError) -> [Int]? {
    guard present(key) != nil else { return nil }
    return try ints(key)
  }

  /// An array of numbers, integers read as doubles.
  public func doubles(_ key: String) throws(BasicsError) -> [Double] {
    var result: [Double] = []
    for element in try array(key) {
      switch element {
      case .int(let number): result.append(Double(number))
      case .double(let number): result.append(number)
      default: throw wrong(key, "an array of numbers")
      }
    }
    return result
  }

  public func strings(_ key: String) throws(BasicsError) -> [String] {
    var result: [String] = []
    for element in try array(key) {
      guard case .string(let text) = element else { throw wrong(key, "an array of strings") }
      result.append(text)
    }
    return result
  }

  /// An array of strings and nulls.
  public func optionalStrings(_ key: String) throws(BasicsError) -> [String?] {
    var result: [String?] = []
    for element in try array(key) {
      switch element {
      case .null: result.append(nil)
      case .string(let text): result.append(text)
      default: throw wrong(key, "an array of strings and nulls")
      }
    }
    return result
  }

  /// The fields of a nested object, named `key.` in messages.
  public func nested(_ key: String) throws(BasicsError) -> JSONFields {
    guard let value = object[key] else { throw missing(key) }
    guard case .object = value else { throw wrong(key, "an object") }
    return JSONFields(value, noun: noun, name: name, parent: path, member: key, index: nil)
  }

  /// The fields of each object in an array, named `key[i].` in messages.
  public func objects(_ key: String) throws(BasicsError) -> [JSONFields] {
    var result: [JSONFields] = []
    for (index, element) in try array(key).enumerated() {
      guard case .object = element else { throw wrong(key, "an array of objects") }
      result.append(JSONFields(element, noun: noun, name: name, parent: path, member: key, index: index))
    }
    return result
  }
}
