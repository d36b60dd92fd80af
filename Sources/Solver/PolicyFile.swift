import Basics
import Foundation
import PokerRules

/// A policy on disk: the average strategy of a training run with everything needed to use it.
///
/// Format (version 1): the `BinaryFormat` container with magic `SKPOLICY`; the header is JSON
/// (``Header``: the game definition text, algorithm, iterations, exploitability when known, the
/// table layout), the body the probabilities as little-endian 64-bit floats in the solver's
/// layout (decision nodes in depth-first order of the public tree, each `actions × hands`).
public struct PolicyFile: Sendable {
  /// What the header records.
  public struct Header: Codable, Sendable, Hashable {
    public var format = "skeptic-policy"
    /// The ACPC definition text of the game.
    public var gameDefinition: String
    public var algorithm: String
    public var alternatingUpdates: Bool
    public var precision: String
    public var iterations: Int
    /// NashConv / players in chips per game, when it was computed.
    public var exploitability: Double?
    public var slotCount: Int
    public var handCount: Int

    public init(
      gameDefinition: String, algorithm: String, alternatingUpdates: Bool, precision: String, iterations: Int,
      exploitability: Double?, slotCount: Int, handCount: Int
    ) {
      self.gameDefinition = gameDefinition
      self.algorithm = algorithm
      self.alternatingUpdates = alternatingUpdates
      self.precision = precision
      self.iterations = iterations
      self.exploitability = exploitability
      self.slotCount = slotCount
      self.handCount = handCount
    }
  }

  static let magic = "SKPOLICY"
  static let version: UInt32 = 1

  public var header: Header
  public var policy: Policy

  public init(header: Header, policy: Policy) {
    self.header = header
    self.policy = policy
  }

  /// The file's bytes.
  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let header = (try? encoder.encode(self.header)) ?? Data()
    var body = Data(capacity: policy.probabilities.count * 8)
    for probability in policy.probabilities { BinaryFormat.append(&body, probability.bitPattern) }
    return BinaryFormat.encode(magic: PolicyFile.magic, version: PolicyFile.version, header: header, body: body)
  }

  /// Writes the file atomically.
  public func write(to path: String) throws(SolverError) {
    try AtomicFile.save(encoded(), to: path)
  }

  /// Reads and checks a policy file; refuses anything truncated, corrupted or inconsistent.
  public static func read(from path: String) throws(SolverError) -> PolicyFile {
    let (header, body) = try BinaryFormat.read(
      path, magic: magic, version: version, what: "policy file", header: Header.self)
    let game = try CompiledGame.compile(embeddedIn: header.gameDefinition, file: path)
    guard game.slotCount == header.slotCount, game.hands.count == header.handCount, body.count == header.slotCount * 8
    else {
      throw SolverError(
        .badFile, "\(path): the strategy table (\(header.slotCount) entries) does not fit the game (\(game.slotCount))")
    }
    let bytes = [UInt8](body)
    var offset = 0
    var probabilities = [Double](repeating: 0, count: header.slotCount)
    for i in 0..<header.slotCount {
      probabilities[i] = Double(bitPattern: BinaryFormat.read(bytes, &offset, 8))
      guard probabilities[i].isFinite, probabilities[i] >= 0, probabilities[i] <= 1 + 1e-9 else {
        throw SolverError(.badFile, "\(path): entry \(i) is \(probabilities[i]), not a probability")
      }
    }
    return PolicyFile(header: header, policy: Policy(game: game, probabilities: probabilities))
  }
}
