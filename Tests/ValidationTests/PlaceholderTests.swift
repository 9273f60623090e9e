import Testing

@Test func packageBuildsValidation() { #expect(Bool(true)) }
