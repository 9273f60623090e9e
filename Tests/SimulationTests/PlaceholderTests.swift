import Testing

@Test func packageBuildsSimulation() { #expect(Bool(true)) }
