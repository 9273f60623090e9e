import Core
import Foundation
import Models
import TestSupport
import Testing
import Training

@Suite struct TrainingConfigTests {
  func decodeError(_ yaml: String, overrides: [String] = []) -> TrainingError? {
    do {
      _ = try TrainingConfig.decode(yaml: yaml, overrides: overrides, source: "train.yaml")
      return nil
    } catch { return error }
  }

  @Test func emptyFileGivesTheKerasRecipe() throws {
    let config = try TrainingConfig.decode(yaml: "")
    #expect(config == TrainingConfig())
    #expect(config.lossWeights == [3, 0.1, 25, 0.1])
    #expect(config.optimizer == OptimizerConfig())
    #expect(config.model.generatorParameterCount == 1_364_983)
  }

  @Test func fileStatesOnlyWhatItChanges() throws {
    let yaml = """
      data: {files: [a.h5], energyRangeMeV: [1000, 2000]}
      model: {preset: reduced, discriminator: {dropout: 0.1}}
      epochs: 3
      """
    let config = try TrainingConfig.decode(yaml: yaml, overrides: ["batchSize=8", "model.latentSize=40"])
    #expect(config.epochs == 3)
    #expect(config.batchSize == 8)
    #expect(config.data.files == ["a.h5"])
    #expect(config.data.energyRangeMeV == [1000, 2000])
    #expect(config.data.validationFraction == 0.1)
    #expect(config.model.imageShape == [12, 12, 10])
    #expect(config.model.latentSize == 40)
    #expect(config.model.discriminator.dropout == 0.1)
  }

  @Test func unknownKeyIsNamed() throws {
    let error = try #require(decodeError("model:\n  generator:\n    upsamplng: trilinear\n"))
    #expect(error.code == .invalidConfig)
    #expect(error.context == "train.yaml:3:5: key 'model.generator.upsamplng'")
    #expect(error.message.contains("did you mean 'upsampling'"))
  }

  @Test func unknownOverrideKeyIsNamed() throws {
    let error = try #require(decodeError("", overrides: ["epoch=3"]))
    #expect(error.context == "--set epoch")  // the flag, not the file
    #expect(error.message.contains("did you mean 'epochs'"))
  }

  @Test func wrongTypeIsNamed() throws {
    let error = try #require(decodeError("data: {files: [a.h5]}\nbatchSize: lots\n"))
    #expect(error.code == .invalidConfig)
    #expect(error.context == "train.yaml:2:12: key 'batchSize'")
    let nested = try #require(decodeError("optimizer: {rho: [1]}\n"))
    #expect(nested.context == "train.yaml:1:18: key 'optimizer.rho'")
  }

  @Test func nonFiniteNumbersAreNamedWithTheirLine() throws {
    let error = try #require(decodeError("epochs: 3\noptimizer:\n  learningRate: .nan\n"))
    #expect(error.context == "train.yaml:3:17: key 'optimizer.learningRate'")
    #expect(error.message.contains("not a finite number"))
  }

  /// `model.preset` is a starting point: the file's other model keys change it and `--set` changes both,
  /// whatever the order of the keys (preset < file < flags).
  @Test func modelPresetIsLayeredUnderTheFileAndTheFlags() throws {
    let yaml = "model:\n  latentSize: 40\n  preset: reduced\n  power: 0.5\n"
    let file = try TrainingConfig.decode(yaml: yaml)
    #expect(file.model.imageShape == GANConfig.reduced.imageShape)
    #expect(file.model.latentSize == 40 && file.model.power == 0.5)
    let flagged = try TrainingConfig.decode(yaml: yaml, overrides: ["model.power=0.7"])
    #expect(flagged.model.latentSize == 40 && flagged.model.power == 0.7)
    #expect(flagged.model.generator == GANConfig.reduced.generator)
    let presetFlag = try TrainingConfig.decode(
      yaml: "model: {latentSize: 40}\n", overrides: ["model.preset=reduced"])
    #expect(presetFlag.model.imageShape == GANConfig.reduced.imageShape && presetFlag.model.latentSize == 40)
  }

  @Test func outOfRangeValuesAreNamedWhereTheFileOrAFlagStatesThem() throws {
    let yaml = "data: {syntheticShowers: 64}\noptimizer:\n  rho: 1.5\n"
    func context(_ overrides: [String], source: String? = "train.yaml") throws -> String? {
      let config = try TrainingConfig.decode(yaml: yaml, overrides: overrides, source: "train.yaml")
      do {
        try config.validate(locatingIn: yaml, source: source, overrides: overrides)
        return nil
      } catch {
        #expect(error.code == .invalidConfig)
        return error.context
      }
    }
    #expect(try context([]) == "train.yaml:3:8: key 'optimizer.rho'")
    #expect(try context(["optimizer.rho=0.9", "epochs=0"]) == "--set epochs")
    // A default the file does not state: the key, no line.
    #expect(
      try context(["optimizer.rho=0.9", "batchSize=4096"]) == "train.yaml:1:26: key 'data.syntheticShowers'")
    #expect(
      try context(["optimizer.rho=0.9", "data.syntheticShowers=5000", "batchSize=4096"])
        == "train.yaml: key 'data.shuffleBuffer'")
  }

  @Test func missingDataFileIsNamedBeforeTraining() throws {
    let dir = try TemporaryDirectory()
    let present = dir.file("a.h5")
    try Data([0]).write(to: present)
    let config = try TrainingConfig.decode(yaml: "data: {files: [a.h5, missing.h5]}")
    do {
      try config.validate(baseDirectory: dir.url)
      Issue.record("validation should fail")
    } catch {
      #expect(error.code == .data)
      #expect(error.context?.hasPrefix("data.files[1]") == true)
      #expect(error.context?.hasSuffix("missing.h5") == true)
    }
  }

  @Test func inconsistentArchitectureIsNamed() throws {
    let config = try TrainingConfig.decode(yaml: "data: {files: [/]}\nmodel: {imageShape: [50, 51, 25]}\n")
    do {
      try config.validate()
      Issue.record("validation should fail")
    } catch {
      #expect(error.context == "model.generator.blocks")
    }
  }

  @Test func yamlRoundTripKeepsTheConfig() throws {
    var config = TrainingConfig()
    config.model = .reduced
    config.data.files = ["x.h5"]
    config.maxSteps = 7
    let again = try TrainingConfig.decode(yaml: try config.yaml())
    #expect(again == config)
  }
}
