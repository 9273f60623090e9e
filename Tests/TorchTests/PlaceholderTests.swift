import Testing

@Test func packageBuildsTorch() { #expect(Bool(true)) }
