import Core
import Foundation
import Models
import Testing

@Suite struct GANConfigTests {
  @Test func faithfulConfigHasTheKerasParameterCounts() throws {
    let config = GANConfig()
    try config.validate()
    #expect(config.generatorParameterCount == 1_364_983)
    #expect(config.discriminatorParameterCount == 87_354)
    #expect(config.discriminatorFeatures == 19_152)
    #expect(
      config.generatorShapes.map { $0 } == [
        [9, 9, 8], [54, 54, 48], [49, 49, 41], [50, 50, 38], [51, 51, 35], [52, 52, 32], [52, 52, 28],
        [52, 52, 26], [51, 51, 25],
      ])
    #expect(
      config.discriminatorShapes == [
        [51, 51, 25], [47, 46, 22], [43, 41, 19], [39, 36, 14], [19, 18, 7],
      ])
  }

  @Test func presetsAreValidAndMatchTheReferenceScript() throws {
    // Counts printed by Scripts/fixtures/make_3dgan_fixtures.py for the reduced config.
    let reduced = GANConfig.reduced
    try reduced.validate()
    #expect(reduced.generatorParameterCount == 9_445)
    #expect(reduced.discriminatorParameterCount == 2_674)
    let port = GANConfig.pytorchPort
    try port.validate()
    #expect(port.discriminatorShapes.first == [51, 52, 26])
    #expect(port.discriminatorFeatures == 19_152)
    #expect(port.discriminatorParameterCount == 87_354)
  }

  @Test func evenKernelSamePaddingPutsTheSmallerHalfInFront() {
    let amounts = Padding.same.amounts(kernel: [5, 6, 6])
    #expect(amounts.map(\.before) == [2, 2, 2])
    #expect(amounts.map(\.after) == [2, 3, 3])
  }

  @Test func jsonOverlayChangesOnlyTheGivenKeys() throws {
    let json =
      #"{"preset": "reduced", "discriminator": {"dropout": 0}, "generator": {"upsampling": "trilinear"}}"#
    let config = try JSONDecoder().decode(GANConfig.self, from: Data(json.utf8))
    var expected = GANConfig.reduced
    expected.discriminator.dropout = 0
    expected.generator.upsampling = .trilinear
    #expect(config == expected)
  }

  @Test func unknownKeyIsNamedWithItsNearMiss() {
    let json = #"{"discriminator": {"leakSlope": 0.2}}"#
    do {
      _ = try JSONDecoder().decode(GANConfig.self, from: Data(json.utf8))
      Issue.record("decoding should fail")
    } catch let DecodingError.dataCorrupted(context) {
      #expect(dottedPath(context.codingPath) == "discriminator.leakSlope")
      #expect(context.debugDescription.contains("did you mean 'leakySlope'"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func shapesThatDoNotMeetNameTheKey() {
    var config = GANConfig()
    config.generator.upsample = [6, 6, 5]
    #expect(throws: ModelsError.self) { try config.validate() }
    do {
      try config.validate()
    } catch {
      #expect(error.context == "model.generator.blocks")
    }
  }
}
