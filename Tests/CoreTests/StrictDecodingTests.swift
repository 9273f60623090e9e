import Core
import Testing

/// A small config in the style of the real ones: defaults in `init()`, a nested mapping, a list, a range
/// check.
private struct Demo: Sendable, Equatable, Codable, OverlayDecodable {
  var name = "demo"
  var cellsX = 51
  var scale = 1.0
  var inner = Inner()
  var items: [Inner] = []

  struct Inner: Sendable, Equatable, Codable, OverlayDecodable {
    var depth = 0.5
    init() {}
    enum CodingKeys: String, CodingKey, CaseIterable { case depth }
    mutating func overlay(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      try c.update(&depth, forKey: .depth)
      try c.check(depth > 0, forKey: .depth, "must be positive, got \(depth)")
    }
  }

  init() {}
  enum CodingKeys: String, CodingKey, CaseIterable { case name, cellsX, scale, inner, items }
  mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.update(&name, forKey: .name)
    try c.update(&cellsX, forKey: .cellsX)
    try c.update(&scale, forKey: .scale)
    try c.overlay(&inner, forKey: .inner)
    try c.update(&items, forKey: .items)
  }
}

@Suite struct StrictDecodingTests {
  func failure(_ yaml: String, overrides: [String] = []) -> CoreError? {
    do {
      _ = try StrictDecoding.decode(Demo.self, yaml: yaml, source: "small-ecal.yaml", overrides: overrides)
      return nil
    } catch {
      return error
    }
  }

  @Test func unknownKeyNamesFileLineColumnAndNearestKey() throws {
    let error = try #require(failure("name: small\n\ncellsx: 12\n"))
    #expect(error.code == .invalidConfig && error.exitStatus == 2)
    #expect(error.location == ErrorLocation(file: "small-ecal.yaml", line: 3, column: 1, key: "cellsx"))
    #expect(error.remedy?.hasPrefix("did you mean 'cellsX'?") == true)
    #expect(error.report.hasPrefix("small-ecal.yaml:3:1: key 'cellsx': unknown key; did you mean 'cellsX'?"))
  }

  @Test func nestedUnknownKeyPointsAtTheKeyInsideAList() throws {
    let yaml = "items:\n  - depth: 1\n  - {depth: 2, dpth: 3}\n"
    let error = try #require(failure(yaml))
    #expect(error.location.key == "items[1].dpth")
    #expect(error.location.line == 3 && error.location.column == 16)
    #expect(error.remedy?.contains("'depth'") == true)
  }

  @Test func wrongTypeNamesTheValuePosition() throws {
    let error = try #require(failure("cellsX: lots\n"))
    #expect(error.location == ErrorLocation(file: "small-ecal.yaml", line: 1, column: 9, key: "cellsX"))
    #expect(error.what.contains("integer") && error.what.contains("'lots'"))
  }

  @Test(arguments: [".nan", ".inf", "-.inf", "1e999"])
  func nonFiniteNumbersAreRefusedWithTheirLine(value: String) throws {
    let error = try #require(failure("name: x\ninner:\n  depth: \(value)\n"))
    #expect(error.location.line == 3 && error.location.column == 10)
    #expect(error.location.key == "inner.depth")
    #expect(error.what.contains("not a finite number"))
  }

  @Test func quotedNaNIsAString() throws {
    let config = try StrictDecoding.decode(Demo.self, yaml: "name: '.nan'\n", source: "a.yaml")
    #expect(config.name == ".nan")
  }

  @Test func rangeChecksPointAtTheValue() throws {
    let error = try #require(failure("inner:\n  depth: -2\n"))
    #expect(error.location.line == 2 && error.location.column == 10 && error.location.key == "inner.depth")
    #expect(error.what == "must be positive, got -2.0")
  }

  @Test func jsonGetsLineNumbersToo() throws {
    let error = try #require(failure("{\n  \"name\": \"x\",\n  \"scal\": 2\n}\n"))
    #expect(error.location.line == 3 && error.location.column == 3 && error.location.key == "scal")
    #expect(error.remedy?.hasPrefix("did you mean 'scale'?") == true)
  }

  @Test func overrideErrorsNameTheFlagNotTheFile() throws {
    let unknown = try #require(failure("name: x\n", overrides: ["cellz=3"]))
    #expect(unknown.location == ErrorLocation(key: "--set cellz"))
    #expect(unknown.report.hasPrefix("--set cellz: unknown key; did you mean 'cellsX'?"))
    let wrongType = try #require(failure("", overrides: ["inner.depth=deep"]))
    #expect(wrongType.location == ErrorLocation(key: "--set inner.depth"))
    let nan = try #require(failure("", overrides: ["scale=.nan"]))
    #expect(nan.location == ErrorLocation(key: "--set scale"))
    let malformed = try #require(failure("", overrides: ["scale"]))
    #expect(malformed.location == ErrorLocation(key: "--set"))
  }

  @Test func overridesWinOverTheFileAndKeepItsOtherKeys() throws {
    let config = try StrictDecoding.decode(
      Demo.self, yaml: "name: file\ninner: {depth: 2}\nscale: 3\n", source: "a.yaml",
      overrides: ["inner.depth=4", "cellsX=7"])
    #expect(config.name == "file" && config.scale == 3 && config.inner.depth == 4 && config.cellsX == 7)
  }

  @Test func overlayKeepsTheBaseForKeysTheFileDoesNotState() throws {
    var base = Demo()
    base.name = "preset"
    base.scale = 9
    let config = try StrictDecoding.decode(over: base, yaml: "scale: 2\n", source: "m.yaml")
    #expect(config.name == "preset" && config.scale == 2 && config.cellsX == 51)
  }

  @Test func syntaxErrorsAndDuplicatesHaveALine() throws {
    let syntax = try #require(failure("name: x\ncellsX: [1\n"))
    #expect(syntax.location.file == "small-ecal.yaml" && syntax.location.line != nil)
    let duplicate = try #require(failure("name: x\nname: y\n"))
    #expect(duplicate.what.contains("duplicate key 'name'") && duplicate.location.line != nil)
    let list = try #require(failure("- a\n- b\n"))
    #expect(list.what.contains("not a mapping"))
  }

  @Test func missingRequiredKeyPointsAtItsMapping() throws {
    struct Rule: Decodable {
      var metric: String
      enum CodingKeys: String, CodingKey, CaseIterable { case metric }
      init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        metric = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .metric)
      }
    }
    struct Rules: Decodable { var rules: [Rule] }
    do {
      _ = try StrictDecoding.decode(Rules.self, yaml: "rules:\n  - {metric: fpd}\n  - {}\n", source: "g.yaml")
      Issue.record("a missing key must fail")
    } catch {
      #expect(error.what == "required key 'metric' is missing")
      #expect(error.location == ErrorLocation(file: "g.yaml", line: 3, column: 5, key: "rules[1].metric"))
    }
  }

  @Test func emptyTextGivesTheDefaults() throws {
    #expect(try StrictDecoding.decode(Demo.self, yaml: "", source: "a.yaml") == Demo())
    #expect(try StrictDecoding.decode(Demo.self, yaml: "# only a comment\n", source: "a.yaml") == Demo())
  }

  @Test func missingFileNamesTheOptionAndThePath() throws {
    do {
      _ = try StrictDecoding.load(Demo.self, contentsOf: "/nonexistent/geometry.yaml", option: "--geometry")
      Issue.record("a missing file must fail")
    } catch {
      #expect(error.code == .notFound && error.exitStatus == 2)
      #expect(
        error.report
          == "--geometry: no such file: /nonexistent/geometry.yaml; check the path of the --geometry file")
    }
  }
}

@Suite struct NearMissesTests {
  /// Reference distances worked out by hand (Levenshtein 1966's textbook pairs; with adjacent swaps
  /// counted once, the optimal-string-alignment variant: 'ca' → 'abc' is 3, not Damerau's 2).
  @Test(arguments: [
    ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("", "abc", 3), ("abc", "", 3), ("cellsx", "cellsX", 0),
    ("upsamplng", "upsampling", 1), ("same", "same", 0), ("fdp", "fpd", 1), ("ca", "abc", 3),
    ("abcdef", "badcfe", 3),
  ])
  func editDistanceMatchesHandWorkedValues(a: String, b: String, distance: Int) {
    #expect(editDistance(a, b) == distance)
    #expect(editDistance(b, a) == distance)
  }

  @Test func nearMissesAreClosestFirstWithinTheLimit() {
    #expect(nearMisses(of: "showr", in: ["energy", "showers", "shower"]) == ["shower", "showers"])
    #expect(nearMisses(of: "x", in: ["completely", "different"]).isEmpty)
    #expect(nearMisses(of: "Wx", in: ["W", "Air"]) == ["W"], "short names get at most one edit")
    #expect(nearMisses(of: "incident_energy", in: ["incident_energies"]) == ["incident_energies"])
    #expect(nearMisses(of: "ECAL", in: ["ECAL", "ecal"]) == ["ecal"])
    #expect(didYouMean("showr", in: ["shower"]) == "; did you mean 'shower'?")
    #expect(didYouMean("zzzzzz", in: ["shower"]).isEmpty)
  }
}
