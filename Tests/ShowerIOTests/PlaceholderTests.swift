import Testing

@Test func packageBuildsShowerIO() { #expect(Bool(true)) }
