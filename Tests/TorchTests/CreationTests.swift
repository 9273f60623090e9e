import Testing
import Torch

extension TorchSuite {
  @Suite struct CreationTests {
    @Test func arraysRoundTripInEveryDtype() throws {
      try expectNoLeaks {
        let f = try Tensor([1.5, -2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        #expect(f.shape == [2, 3] && f.rank == 2 && f.count == 6 && f.dtype == .float32)
        #expect(try f.toArray(of: Float.self) == [1.5, -2, 3, 4, 5, 6])
        #expect(try f.toArray(of: Double.self) == [1.5, -2, 3, 4, 5, 6])
        let d = try Tensor([0.1, 0.2] as [Double])
        #expect(d.dtype == .float64)
        #expect(try d.toArray(of: Double.self) == [0.1, 0.2])
        let i = try Tensor([Int64.max, -1] as [Int64])
        #expect(i.dtype == .int64)
        #expect(try i.toArray(of: Int64.self) == [Int64.max, -1])
        let b = try Tensor([true, false, true])
        #expect(b.dtype == .bool)
        #expect(try b.toArray(of: Bool.self) == [true, false, true])
        #expect(try Tensor([7] as [Float], shape: []).item() == 7)
        #expect(try f.to(.float64).dtype == .float64)
      }
    }

    @Test func factoriesFillAsPyTorch() throws {
      try expectNoLeaks {
        #expect(try Tensor.zeros([2, 2]).toArray(of: Float.self) == [0, 0, 0, 0])
        #expect(try Tensor.ones([3], dtype: .int64).toArray(of: Int64.self) == [1, 1, 1])
        #expect(try Tensor.full([2], value: 2.5).toArray(of: Float.self) == [2.5, 2.5])
        #expect(try Tensor.arange(4).toArray(of: Float.self) == [0, 1, 2, 3])
        #expect(
          try Tensor.arange(from: 1, to: 2, step: 0.25, dtype: .float64).toArray(of: Double.self)
            == [1, 1.25, 1.5, 1.75])
        #expect(try Tensor.scalar(3).shape == [])
        let u = try Tensor.rand([1000]).toArray(of: Float.self)
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
      }
    }

    @Test func comparisonsAndWhere() throws {
      try expectNoLeaks {
        let a = try Tensor([1, 5, 3] as [Float])
        let b = try Tensor([2, 5, 1] as [Float])
        #expect(try a.less(b).toArray(of: Bool.self) == [true, false, false])
        #expect(try a.equal(b).toArray(of: Bool.self) == [false, true, false])
        #expect(try a.greater(2).toArray(of: Bool.self) == [false, true, true])
        #expect(try Tensor.where(a.greater(b), a, b).toArray(of: Float.self) == [2, 5, 3])
        let (values, indices) = try Tensor([1, 9, 3, 7, 2, 8] as [Float], shape: [2, 3]).max(dim: 1)
        #expect(try values.toArray(of: Float.self) == [9, 8])
        #expect(try indices.toArray(of: Int64.self) == [1, 2])
      }
    }

    @Test func dropoutKeepsAboutOneMinusP() throws {
      try expectNoLeaks {
        Torch.manualSeed(1)
        let y = try Tensor.ones([10_000]).dropout(p: 0.3, training: true).toArray(of: Float.self)
        let kept = y.filter { $0 != 0 }
        // Binomial(10000, 0.7): sd ≈ 46, so ±300 is > 6 sd.
        #expect(abs(kept.count - 7000) < 300)
        #expect(kept.allSatisfy { abs($0 - 1 / 0.7) < 1e-6 })
        #expect(
          try Tensor.ones([4]).dropout(p: 0.3, training: false).toArray(of: Float.self) == [
            1, 1, 1, 1,
          ])
      }
    }

    @Test func versionIsAtLeast113() {
      let parts = Torch.version.split(separator: ".").compactMap { Int($0) }
      #expect(parts.count == 3)
      #expect(parts.lexicographicallyPrecedes([1, 13]) == false)
    }

    @Test func threadsAndDevices() throws {
      try expectNoLeaks {
        Torch.threadCount = 2
        #expect(Torch.threadCount == 2)
        Torch.threadCount = 1
        #expect(Torch.threadCount == 1)
        let x = try Tensor.ones([2])
        #expect(x.device == .cpu)
        #expect(try x.to(.cpu).device == .cpu)
        if Device.isCUDAAvailable {
          let g = try x.to(.cuda(0))
          #expect(g.device == .cuda(0))
          #expect(try (g * 2).toArray(of: Float.self) == [2, 2])
        } else {
          #expect(Device.cudaDeviceCount == 0)
          #expect(throws: TorchError.self) { try x.to(.cuda(0)) }
        }
      }
    }
  }
}
