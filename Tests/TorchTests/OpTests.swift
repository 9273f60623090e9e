import Foundation
import Testing
import Torch

extension TorchSuite {
  /// Forward values and gradients against PyTorch 1.13 (ops.safetensors).
  @Suite struct OpTests {
    /// Every case of the fixture file has a Swift implementation and vice versa.
    @Test func everyFixtureCaseIsCovered() throws {
      try expectNoLeaks {
        let fixture = try Fixtures.load("ops.safetensors")
        let names = Set(
          fixture.keys.compactMap { $0.hasSuffix(".out") ? String($0.dropLast(4)) : nil })
        #expect(names == Set(opCases.keys))
      }
    }

    /// out = op(inputs) and d(sum(out * r))/d(inputs) equal PyTorch's within 1e-5 relative.
    @Test(arguments: opCases.keys.sorted())
    func matchesPyTorch(_ name: String) throws {
      try expectNoLeaks {
        let fixture = try Fixtures.load("ops.safetensors")
        let inputs = CaseInputs()
        for (key, tensor) in fixture {
          if key.hasPrefix("\(name).in.") {
            inputs.leaves[String(key.dropFirst("\(name).in.".count))] =
              try tensor.clone().detached().requiringGrad()
          } else if key.hasPrefix("\(name).const.") {
            inputs.constants[String(key.dropFirst("\(name).const.".count))] = try tensor.clone()
          }
        }
        let operation = try #require(opCases[name])
        let out = try operation(inputs)
        try expectClose(out, #require(fixture["\(name).out"]), "\(name) forward")
        try (out * #require(fixture["\(name).r"])).sum().backward()
        for (input, leaf) in inputs.leaves {
          let grad = try #require(leaf.grad, "\(name): no gradient for \(input)")
          try expectClose(grad, #require(fixture["\(name).grad.\(input)"]), "\(name) grad \(input)")
        }
        for (extra, tensor) in inputs.extras {
          try expectClose(tensor, #require(fixture["\(name).extra.\(extra)"]), "\(name) \(extra)")
        }
      }
    }

    /// A seed gives PyTorch's randn and rand streams after torch.manual_seed (a thread generator, so
    /// concurrent tests cannot draw in between).
    @Test func seededGeneratorsMatchPyTorch() throws {
      try expectNoLeaks {
        let fixture = try Fixtures.load("ops.safetensors")
        try Torch.withSeed(42) {
          try expectClose(Tensor.randn([3, 4]), #require(fixture["seed42.randn"]), "randn")
          try expectClose(Tensor.rand([5]), #require(fixture["seed42.rand"]), "rand")
        }
      }
    }

    /// Draws inside withSeed ignore other threads' seeds and draws; calls nest.
    @Test func threadGeneratorsAreIsolatedAndNest() async throws {
      let reference = try Torch.withSeed(9) { try Tensor.randn([1000]).toArray(of: Float.self) }
      let noise = Task.detached {
        for s in 0..<200 {
          Torch.manualSeed(UInt64(s))
          _ = try Tensor.randn([100])
        }
      }
      var isolated: [[Float]] = []
      for _ in 0..<20 {
        isolated.append(try Torch.withSeed(9) { try Tensor.randn([1000]).toArray(of: Float.self) })
      }
      try await noise.value
      #expect(isolated.allSatisfy { $0 == reference })
      let (inner, outer) = try Torch.withSeed(9) {
        let inner = try Torch.withSeed(5) { try Tensor.randn([3]).toArray(of: Float.self) }
        return (inner, try Tensor.randn([1000]).toArray(of: Float.self))
      }
      #expect(outer == reference)
      #expect(inner != Array(reference.prefix(3)))
    }
  }
}
