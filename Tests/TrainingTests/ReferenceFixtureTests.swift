import Foundation
import Models
import TestSupport
import Testing
import Torch
import Training

/// Replays Scripts/fixtures/make_3dgan_fixtures.py (PyTorch 1.13, Keras semantics) and compares:
/// outputs and loss terms within 1e-4 relative, weights after one RMSprop step within 1e-5.
@Suite(.serialized) struct ReferenceFixtureTests {
  struct Meta: Decodable {
    struct Spec: Decodable {
      var name: String
      var shape: [Int]
      var offset: Double
      var scale: Double
      var phase: Double
    }
    var golden: Double
    var samples: Int
    var generatorParameters: Int
    var discriminatorParameters: Int
    var tensors: [Spec]
  }

  func fixture(_ name: String) throws -> (Meta, [String: Tensor]) {
    let json = try #require(
      Bundle.module.url(forResource: "gan_\(name)", withExtension: "json", subdirectory: "Fixtures"))
    let st = try #require(
      Bundle.module.url(forResource: "gan_\(name)", withExtension: "safetensors", subdirectory: "Fixtures"))
    return (try JSONDecoder().decode(Meta.self, from: Data(contentsOf: json)), try SafeTensors.load(from: st))
  }

  func sample(_ t: Tensor, _ samples: Int) throws -> [Float] {
    let flat: [Float] = try t.toArray()
    let step = max(1, flat.count / samples)
    return stride(from: 0, to: flat.count, by: step).map { flat[$0] }
  }

  func values(_ t: Tensor?) throws -> [Float] { try #require(t).toArray() }

  @Test(arguments: ["reduced", "faithful"])
  func stepsMatchPyTorch(config name: String) throws {
    Torch.threadCount = 1
    let (meta, ref) = try fixture(name)
    var config = name == "faithful" ? GANConfig() : GANConfig.reduced
    config.discriminator.dropout = 0  // the fixture has no dropout (its mask is random)
    let g = try Generator(config: config)
    let d = try Discriminator(config: config)
    #expect(g.parameterCount == meta.generatorParameters)
    #expect(d.parameterCount == meta.discriminatorParameters)
    var gState: [String: Tensor] = [:]
    var dState: [String: Tensor] = [:]
    for spec in meta.tensors {
      let n = spec.shape.reduce(1, *)
      let v = (0..<n).map { Float(spec.offset + spec.scale * sin(meta.golden * Double($0) + spec.phase)) }
      let t = try Tensor(v, shape: spec.shape)
      if spec.name.hasPrefix("generator.") {
        gState[String(spec.name.dropFirst("generator.".count))] = t
      } else {
        dState[String(spec.name.dropFirst("discriminator.".count))] = t
      }
    }
    try g.load(gState)
    try d.load(dState)
    let xReal = try #require(ref["x_real"])
    let xFake = try #require(ref["x_fake"])
    let energy = try #require(ref["energy"])
    let theta = try #require(ref["theta"])
    let labels = BatchLabels(
      energy: energy, theta: theta, angleTarget: theta, ecalSum: try #require(ref["ecal"]))
    let ones = try Tensor.ones([2, 1])
    let loss = GANLoss()
    let optD = RMSprop(parameters: d.parameters, learningRate: 1e-3, alpha: 0.9, eps: 1e-7)
    let optG = RMSprop(parameters: g.parameters, learningRate: 1e-3, alpha: 0.9, eps: 1e-7)

    let real = try withNoGrad { () throws(TorchError) in try g(xReal, training: true) }
    #expect(
      firstMismatch(
        try sample(real, meta.samples), try values(ref["real.sample"]), relative: 1e-4, absolute: 1e-6) == nil
    )

    // D step on the real batch.
    let outReal = try d(real, training: true)
    let termsReal = try loss(outReal, realTarget: ones, labels: labels)
    for (head, t) in [
      ("fake", outReal.realness), ("aux", outReal.energy), ("ang", outReal.angle), ("ecal", outReal.ecalSum),
    ] {
      #expect(
        firstMismatch(try t.toArray(), try values(ref["dreal.\(head)"]), relative: 1e-4, absolute: 1e-6)
          == nil, "D(real) head \(head)")
    }
    #expect(
      firstMismatch(
        try termsReal.values(), try values(ref["dreal.terms"]).map(Double.init), relative: 1e-4,
        absolute: 1e-6) == nil)
    #expect(isClose(try termsReal.total.item(), Double(try values(ref["dreal.total"])[0]), relative: 1e-4))
    try optD.zeroGrad()
    try termsReal.total.backward()
    try optD.step()

    // G step on a fake batch.
    try optG.zeroGrad()
    try optD.zeroGrad()
    let fake = try g(xFake, training: true)
    let outFake = try d(fake, training: true)
    let termsFake = try loss(outFake, realTarget: ones, labels: labels)
    try termsFake.total.backward()
    try optG.step()
    #expect(
      firstMismatch(
        try sample(fake, meta.samples), try values(ref["fake.sample"]), relative: 1e-4, absolute: 1e-6) == nil
    )
    for (head, t) in [
      ("fake", outFake.realness), ("aux", outFake.energy), ("ang", outFake.angle), ("ecal", outFake.ecalSum),
    ] {
      #expect(
        firstMismatch(try t.toArray(), try values(ref["gstep.\(head)"]), relative: 1e-4, absolute: 1e-6)
          == nil, "G step head \(head)")
    }
    #expect(
      firstMismatch(
        try termsFake.values(), try values(ref["gstep.terms"]).map(Double.init), relative: 1e-4,
        absolute: 1e-6) == nil)

    // Weights and running statistics after the steps.
    for (prefix, module) in [("generator.", g as any Module), ("discriminator.", d as any Module)] {
      for (name, tensor) in module.namedParameters + module.namedBuffers {
        let expected = try values(ref["after.\(prefix)\(name)"])
        let mismatch = firstMismatch(
          try sample(tensor, meta.samples), expected, relative: 1e-5, absolute: 1e-5)
        #expect(mismatch == nil, "\(prefix)\(name): \(mismatch ?? "")")
      }
    }
  }
}
