import Testing
import Torch

extension TorchSuite {
  @Suite struct AutogradTests {
    @Test func backwardAccumulatesAndZeroGradResets() throws {
      try expectNoLeaks {
        let x = try Tensor([1, 2, 3] as [Float]).requiringGrad()
        #expect(x.requiresGrad && x.isLeaf)
        #expect(x.grad == nil)
        let y = try (x * x).sum()
        #expect(!y.isLeaf)
        try y.backward(retainGraph: true)
        #expect(try x.grad?.toArray(of: Float.self) == [2, 4, 6])
        try y.backward()
        #expect(try x.grad?.toArray(of: Float.self) == [4, 8, 12])
        try x.zeroGrad()
        #expect(try x.grad?.toArray(of: Float.self) == [0, 0, 0])
        try x.zeroGrad(setToNone: true)
        #expect(x.grad == nil)
      }
    }

    @Test func backwardWithGradientTensor() throws {
      try expectNoLeaks {
        let x = try Tensor([1, 2, 3] as [Float]).requiringGrad()
        let y = try x * 2
        try y.backward(Tensor([1, 0.5, -1] as [Float]))
        #expect(try x.grad?.toArray(of: Float.self) == [2, 1, -2])
      }
    }

    @Test func detachCutsTheGraph() throws {
      try expectNoLeaks {
        let x = try Tensor([1, 2] as [Float]).requiringGrad()
        let d = try (x * 3).detached()
        #expect(!d.requiresGrad)
        let y = try (d * x).sum()
        try y.backward()
        #expect(try x.grad?.toArray(of: Float.self) == [3, 6])
      }
    }

    @Test func noGradScopeRestoresState() throws {
      try expectNoLeaks {
        let x = try Tensor([1, 2] as [Float]).requiringGrad()
        #expect(Torch.isGradEnabled)
        let y = try withNoGrad { () throws(TorchError) -> Tensor in
          #expect(!Torch.isGradEnabled)
          let inner = try withNoGrad { () throws(TorchError) -> Tensor in try x * 2 }
          #expect(!Torch.isGradEnabled)  // the inner scope restores "off"
          return inner
        }
        #expect(!y.requiresGrad)
        #expect(Torch.isGradEnabled)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try withNoGrad { () throws(Failure) in throw Failure() } }
        #expect(Torch.isGradEnabled)  // restored after a throw too
      }
    }

    @Test func integerTensorCannotRequireGrad() throws {
      try expectNoLeaks {
        #expect(throws: TorchError.self) { try Tensor([1, 2] as [Int64]).requiringGrad() }
      }
    }
  }
}
