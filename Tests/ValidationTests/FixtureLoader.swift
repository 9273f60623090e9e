import Foundation

/// Reads the committed JSON fixtures made by Scripts/fixtures/make_validation_fixtures.py.
enum FixtureLoader {
  static func json(_ name: String) throws -> [String: Any] {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json") else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }

  /// A JSON number as Double, whatever Foundation decoded it as.
  static func number(_ value: Any) -> Double {
    if let d = value as? Double { return d }
    if let i = value as? Int { return Double(i) }
    if let n = value as? NSNumber { return n.doubleValue }
    fatalError("not a number: \(value)")
  }

  static func matrix(_ value: Any?) -> [[Double]] {
    (value as! [Any]).map { ($0 as! [Any]).map(number) }
  }
}

extension Dictionary where Key == String, Value == Any {
  func doubles(_ key: String) -> [Double] { (self[key] as! [Any]).map(FixtureLoader.number) }
  func double(_ key: String) -> Double { FixtureLoader.number(self[key]!) }
  func ints(_ key: String) -> [Int] { doubles(key).map { Int($0) } }
  func object(_ key: String) -> [String: Any] { self[key] as! [String: Any] }
}
