import Testing
import Torch

extension TorchSuite {
  /// Two training steps of a tiny 3D GAN against PyTorch (gan.safetensors): the op chain of
  /// the real model (linear, LeakyReLU, nearest upsampling, conv3d, batch norm, avg pooling,
  /// BCE) with Adam for the generator and RMSprop for the discriminator.
  @Suite struct GANStepTests {
    static let steps = 2

    @Test func twoStepsMatchPyTorch() throws {
      try expectNoLeaks {
        let fixture = try Fixtures.load("gan.safetensors")
        func parameter(_ name: String) throws -> Tensor {
          try #require(fixture["init.\(name)"]).clone().requiringGrad()
        }
        let generatorNames = ["lin_w", "lin_b", "c1_w", "c1_b", "bn_w", "bn_b", "c2_w"]
        let discriminatorNames = ["d1_w", "d1_b", "dl_w", "dl_b"]
        var g: [String: Tensor] = [:]
        var d: [String: Tensor] = [:]
        for name in generatorNames { g[name] = try parameter(name) }
        for name in discriminatorNames { d[name] = try parameter(name) }
        let runningMean = try Tensor.zeros([3])
        let runningVar = try Tensor.ones([3])
        let optimizerG = Adam(
          parameters: generatorNames.map { g[$0]! }, learningRate: 1e-3, betas: (0.5, 0.999))
        let optimizerD = RMSprop(parameters: discriminatorNames.map { d[$0]! }, learningRate: 1e-3)

        func generator(_ z: Tensor) throws -> Tensor {
          var h = try z.linear(weight: g["lin_w"]!, bias: g["lin_b"]!).reshaped([4, 2, 3, 3, 2])
            .leakyRelu(slope: 0.2)
          h = try h.upsampled(size: [6, 6, 4], mode: .nearest)
          h = try h.conv3d(weight: g["c1_w"]!, bias: g["c1_b"]!, padding: [1]).leakyRelu(slope: 0.2)
          h = try h.batchNorm(
            weight: g["bn_w"]!, bias: g["bn_b"]!, runningMean: runningMean, runningVar: runningVar,
            training: true)
          return try h.conv3d(weight: g["c2_w"]!, padding: [1]).relu()
        }
        func discriminator(_ x: Tensor) throws -> Tensor {
          let h = try x.conv3d(weight: d["d1_w"]!, bias: d["d1_b"]!, stride: [2], padding: [1])
            .leakyRelu(slope: 0.2).avgPool3d(kernel: [3, 3, 2]).flattened(from: 1)
          return try h.linear(weight: d["dl_w"]!, bias: d["dl_b"]!)
        }

        for k in 0..<Self.steps {
          let z = try #require(fixture["z.\(k)"])
          let real = try #require(fixture["real.\(k)"])
          try optimizerD.zeroGrad()
          let fake = try generator(z)
          let lossD =
            try Tensor.binaryCrossEntropyWithLogits(
              logits: discriminator(real), target: Tensor.ones([4, 1]))
            + Tensor.binaryCrossEntropyWithLogits(
              logits: discriminator(fake.detached()), target: Tensor.zeros([4, 1]))
          try lossD.backward()
          try optimizerD.step()
          try optimizerG.zeroGrad()
          let lossG = try Tensor.binaryCrossEntropy(
            prediction: discriminator(fake).sigmoid(), target: Tensor.ones([4, 1]))
          try lossG.backward()
          try optimizerG.step()
          try expectClose(lossD, #require(fixture["loss.d.\(k)"]), "loss D step \(k)")
          try expectClose(lossG, #require(fixture["loss.g.\(k)"]), "loss G step \(k)")
        }
        for (name, tensor) in g.merging(d, uniquingKeysWith: { a, _ in a }) {
          try expectClose(tensor, #require(fixture["final.\(name)"]), "\(name) after steps")
        }
        try expectClose(runningMean, #require(fixture["final.running_mean"]), "running mean")
        try expectClose(runningVar, #require(fixture["final.running_var"]), "running var")
      }
    }
  }
}
