import Core
import Testing

@Suite struct CaloTwinErrorTests {
  @Test func reportNamesWhereWhatCauseAndRemedy() {
    let error = CoreError(
      .invalidValue, "cell energy is +inf", where: ErrorLocation(file: "a.h5", dataset: "ECAL", event: 17),
      cause: nil, remedy: "fix the file")
    #expect(error.report == "a.h5: dataset 'ECAL': event 17: cell energy is +inf; fix the file")
    #expect(error.exitStatus == 2)
  }

  @Test func lineLocationsReadLikeCompilerMessages() {
    let location = ErrorLocation(file: "train.yaml", line: 4, column: 3, key: "model.cellsx")
    #expect(location.description == "train.yaml:4:3: key 'model.cellsx'")
    #expect(ErrorLocation(key: "--energy").description == "--energy")
  }
}

@Suite struct LimitsTests {
  @Test func productsStopAtTheLimitAndAtOverflow() {
    #expect(Limits.product([51, 51, 25]) == 65_025)
    #expect(Limits.product([10_000, 10_000]) == nil)
    #expect(Limits.product([Int.max / 2, 3], limit: .max) == nil)
    #expect(Limits.product([]) == 1)
  }
}

@Suite struct UnitsTests {
  @Test func edgesConvertBothWays() {
    #expect(Units.mev(fromGeV: 100) == 100_000)
    #expect(Units.gev(fromMeV: 2_500) == 2.5)
    #expect(abs(Units.radians(fromDegrees: 90) - Double.pi / 2) < 1e-15)
    #expect(abs(Units.degrees(fromRadians: Double.pi) - 180) < 1e-12)
  }
}
