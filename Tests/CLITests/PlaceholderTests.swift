import Testing

@Test func packageBuildsCLI() { #expect(Bool(true)) }
