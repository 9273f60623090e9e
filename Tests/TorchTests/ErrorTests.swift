import Testing
import Torch

extension TorchSuite {
  /// libtorch's exceptions arrive as TorchError with its message; nothing crashes or leaks.
  @Suite struct ErrorTests {
    @Test func matmulShapeMismatchCarriesLibtorchMessage() throws {
      try expectNoLeaks {
        let a = try Tensor.ones([2, 3])
        let b = try Tensor.ones([4, 5])
        let error = #expect(throws: TorchError.self) { try a.linear(weight: b.transposed(0, 1)) }
        #expect(error?.code == .engine)
        #expect(error?.operation == "linear")
        #expect(
          error?.message.contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)") == true
        )
        #expect(error?.message.contains("Exception raised from") == false)  // no C++ backtrace
      }
    }

    @Test func convChannelMismatchThrows() throws {
      try expectNoLeaks {
        let x = try Tensor.zeros([1, 2, 4, 4, 4])
        let w = try Tensor.zeros([3, 5, 3, 3, 3])
        let error = #expect(throws: TorchError.self) { try x.conv3d(weight: w) }
        #expect(error?.message.contains("expected input[1, 2, 4, 4, 4] to have 5 channels") == true)
      }
    }

    /// A per-dimension argument with 2 values is a programmer error: a precondition stops the
    /// process.
    @Test func wrongStrideCountIsAPrecondition() async {
      await #expect(processExitsWith: .failure) {
        let x = try Tensor.zeros([1, 1, 3, 3, 3])
        _ = try x.conv3d(weight: Tensor.zeros([1, 1, 1, 1, 1]), stride: [1, 2])
      }
    }

    @Test func broadcastingFollowsNumPyRules() throws {
      try expectNoLeaks {
        let v = try Tensor([1, 2, 3] as [Float], shape: [3, 1])
        #expect(
          try v.broadcasted(to: [2, 3, 2]).toArray(of: Float.self) == [1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3])
        #expect(throws: TorchError.self) { try v.broadcasted(to: [2, 2]) }
      }
    }

    @Test func badArgumentsThrow() throws {
      try expectNoLeaks {
        #expect(throws: TorchError.self) { try Tensor([1, 2, 3] as [Float], shape: [2, 2]) }
        #expect(throws: TorchError.self) { try Tensor.ones([2, 3]) + Tensor.ones([4]) }
        #expect(throws: TorchError.self) { try Tensor.ones([2, 3]).reshaped([4]) }
        #expect(throws: TorchError.self) { try Tensor.ones([2]).item() }
        #expect(throws: TorchError.self) { try Tensor.ones([2]).dropout(p: 1.5, training: true) }
        #expect(throws: TorchError.self) { try Tensor.ones([2]).backward() }
        #expect(throws: TorchError.self) {
          try Tensor.concat([Tensor.ones([2, 3]), Tensor.ones([2, 4])], along: 0)
        }
        // The engine still works after the failures.
        let total = try (Tensor.ones([2, 2]) * 3).sum().item()
        #expect(total == 12)
      }
    }
  }
}
