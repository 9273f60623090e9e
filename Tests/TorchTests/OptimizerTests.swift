import Foundation
import TestSupport
import Testing
import Torch

extension TorchSuite {
  /// RMSprop and Adam against torch.optim (optim.safetensors), 4 steps, 1e-6 relative.
  @Suite struct OptimizerTests {
    static let steps = 4

    /// The Swift optimizer for a configuration of the fixture script's OPTIMIZERS.
    static func optimizer(_ name: String, _ parameters: [Tensor]) -> any Optimizer {
      switch name {
      case "rmsprop_default": RMSprop(parameters: parameters)
      case "rmsprop_full":
        RMSprop(
          parameters: parameters, learningRate: 0.01, alpha: 0.9, eps: 1e-6, weightDecay: 0.1,
          momentum: 0.9, centered: true)
      case "adam": Adam(parameters: parameters, learningRate: 0.05)
      case "adam_full":
        Adam(
          parameters: parameters, learningRate: 0.05, betas: (0.8, 0.99), eps: 1e-6,
          weightDecay: 0.1, amsgrad: true)
      default: fatalError("unknown optimizer configuration \(name)")
      }
    }

    /// loss = sum((p0 - t1)² · w1) + sum(p1³ · w2), as in the fixture script.
    static func train(
      _ optimizer: any Optimizer, steps: Int, fixture: [String: Tensor]
    ) throws {
      let (t1, w1, w2) = try (
        #require(fixture["optim.t1"]), #require(fixture["optim.w1"]), #require(fixture["optim.w2"])
      )
      let p = optimizer.parameters
      for _ in 0..<steps {
        try optimizer.zeroGrad()
        let loss = try ((p[0] - t1).pow(2) * w1).sum() + (p[1].pow(3) * w2).sum()
        try loss.backward()
        try optimizer.step()
      }
    }

    static func parameters(_ name: String, _ fixture: [String: Tensor]) throws -> [Tensor] {
      try (0..<2).map { i in
        try #require(fixture["\(name).init.p\(i)"]).clone().requiringGrad()
      }
    }

    @Test(arguments: ["rmsprop_default", "rmsprop_full", "adam", "adam_full"])
    func stepsMatchTorchOptim(_ name: String) throws {
      try expectNoLeaks {
        let fixture = try Fixtures.load("optim.safetensors")
        let optimizer = Self.optimizer(name, try Self.parameters(name, fixture))
        try Self.train(optimizer, steps: Self.steps, fixture: fixture)
        for (i, parameter) in optimizer.parameters.enumerated() {
          try expectClose(
            parameter, #require(fixture["\(name).final.p\(i)"]), relative: 1e-6, absolute: 1e-7,
            "\(name) p\(i)")
        }
        let state = try optimizer.stateTensors()
        let expectedNames = fixture.keys.filter { $0.hasPrefix("\(name).state.") }
        #expect(
          Set(state.keys) == Set(expectedNames.map { String($0.dropFirst("\(name).state.".count)) })
        )
        for (key, tensor) in state {
          try expectClose(
            tensor, #require(fixture["\(name).state.\(key)"]), relative: 1e-6, absolute: 1e-7,
            "\(name) state \(key)")
        }
      }
    }

    /// 2 steps, state saved to safetensors and loaded into a new optimizer, 2 more steps equal
    /// 4 uninterrupted steps exactly.
    @Test(arguments: ["rmsprop_full", "adam_full"])
    func stateExportResumesExactly(_ name: String) throws {
      try expectNoLeaks {
        let fixture = try Fixtures.load("optim.safetensors")
        let first = Self.optimizer(name, try Self.parameters(name, fixture))
        try Self.train(first, steps: 2, fixture: fixture)
        let directory = try TemporaryDirectory()
        var saved = try first.stateTensors()
        for (i, p) in first.parameters.enumerated() { saved["param.\(i)"] = p }
        try SafeTensors.save(saved, to: directory.file("optimizer.safetensors"))

        let loaded = try SafeTensors.load(from: directory.file("optimizer.safetensors"))
        let parameters = try (0..<2).map { i in
          try #require(loaded["param.\(i)"]).clone().requiringGrad()
        }
        let resumed = Self.optimizer(name, parameters)
        try resumed.loadState(loaded.filter { !$0.key.hasPrefix("param.") })
        try Self.train(resumed, steps: 2, fixture: fixture)

        let reference = Self.optimizer(name, try Self.parameters(name, fixture))
        try Self.train(reference, steps: 4, fixture: fixture)
        for i in 0..<2 {
          #expect(
            try resumed.parameters[i].toArray(of: Float.self)
              == reference.parameters[i].toArray(of: Float.self))
        }
      }
    }

    /// A state buffer whose shape differs from its parameter is rejected with a clear message.
    @Test func loadStateRejectsWrongShape() throws {
      try expectNoLeaks {
        let p = try Tensor.zeros([2, 2]).requiringGrad()
        let optimizer = Adam(parameters: [p])
        let error = #expect(throws: TorchError.self) {
          try optimizer.loadState([
            "0.step": try Tensor.scalar(1, dtype: .int64), "0.exp_avg": try Tensor.zeros([3]),
          ])
        }
        #expect(error?.code == .format)
        #expect(error?.message.contains("0.exp_avg") == true)
      }
    }
  }
}
