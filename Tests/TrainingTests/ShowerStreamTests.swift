import Core
import Foundation
import Models
import ShowerIO
import TestSupport
import Testing
import Training

@Suite struct ShowerStreamTests {
  func config(batch: Int = 4, buffer: Int = 16) -> TrainingConfig {
    var c = TrainingConfig()
    c.model = .reduced
    c.batchSize = batch
    c.data.shuffleBuffer = buffer
    c.data.chunkSize = 5
    c.data.validationFraction = 0.25
    c.preprocessing.minTotalDepositMeV = 0
    return c
  }

  func sources() -> [any ShowerSource] {
    [
      InMemoryShowerSource(SyntheticShowers.make(count: 30, seed: 1), name: "a.h5"),
      InMemoryShowerSource(SyntheticShowers.make(count: 22, seed: 2), name: "b.h5"),
    ]
  }

  func energies(_ stream: ShowerStream, epoch: Int, part: ShowerStream.Part) throws -> [Float] {
    var out: [Float] = []
    try stream.forEachBatch(epoch: epoch, part: part) { batch in
      out += batch.energy
      return true
    }
    return out
  }

  @Test func splitIsDisjointStableAndEpochsReshuffle() throws {
    let stream = try ShowerStream(sources: sources(), config: config(batch: 1))
    let train0 = try energies(stream, epoch: 0, part: .training)
    let train1 = try energies(stream, epoch: 1, part: .training)
    let validation = try energies(stream, epoch: 0, part: .validation)
    #expect(train0.count + validation.count == 52)
    #expect(Set(train0).isDisjoint(with: Set(validation)))
    #expect(Set(train0) == Set(train1))
    #expect(train0 != train1)
    #expect(try energies(stream, epoch: 0, part: .training) == train0)
    #expect(validation.count > 5 && validation.count < 22)  // 25 % of 52 = 13 ± binomial spread
  }

  @Test func batchesAreFullAndMixFiles() throws {
    let stream = try ShowerStream(sources: sources(), config: config())
    var batches: [PreparedBatch] = []
    try stream.forEachBatch(epoch: 0, part: .training) {
      batches.append($0); return true
    }
    #expect(batches.allSatisfy { $0.count == 4 && $0.images.count == 4 * 12 * 12 * 10 })
    // Labels in network units: E / 100 GeV and the ECAL sum at 0.05 per MeV (2 % of E deposited).
    let b = try #require(batches.first)
    for i in 0..<b.count {
      #expect(b.energy[i] >= 0.1 && b.energy[i] <= 1)
      #expect(isClose(b.ecalSum[i], 0.02 * b.energy[i] * 100_000 * 0.05, relative: 0.02))
    }
  }

  @Test func filtersAndCutDropShowers() throws {
    var c = config(batch: 1)
    c.data.energyRangeMeV = [50_000, 100_000]
    let stream = try ShowerStream(sources: sources(), config: c)
    let kept = try energies(stream, epoch: 0, part: .training)
    #expect(!kept.isEmpty && kept.allSatisfy { $0 >= 0.5 })
    c.data.energyRangeMeV = nil
    c.preprocessing.minTotalDepositMeV = 1e9
    #expect(try energies(ShowerStream(sources: sources(), config: c), epoch: 0, part: .training).isEmpty)
  }

  @Test func shapeThatDoesNotFitTheModelNamesTheFile() {
    let wrong = InMemoryShowerSource(SyntheticShowers.make(count: 3, shape: [12, 12, 9]), name: "wrong.h5")
    do {
      _ = try ShowerStream(sources: sources() + [wrong], config: config())
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .data)
      #expect(error.context == "data.files[2]: wrong.h5")
      #expect(error.message.contains("model.imageShape"))
    }
  }
}
