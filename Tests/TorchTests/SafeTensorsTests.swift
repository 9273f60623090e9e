import Foundation
import TestSupport
import Testing
import Torch

extension TorchSuite {
  /// The safetensors reader and writer against the official Python implementation.
  @Suite struct SafeTensorsTests {
    /// The tensors of reference.safetensors (see reference_tensors in the fixture script).
    static func referenceTensors() throws -> [String: Tensor] {
      [
        "weight": try Tensor([-1, -0.5, 0, 0.5, 1, 1.5] as [Float], shape: [2, 3]),
        "bias": try Tensor([1.5, -2.25] as [Double]),
        "steps": try Tensor([1, -2, 3, 40_000_000_000] as [Int64], shape: [2, 2]),
        "mask": try Tensor([true, false, true]),
        "scalar": try Tensor([3.25] as [Float], shape: []),
        "empty": try Tensor([] as [Float], shape: [0, 2]),
      ]
    }

    /// Our writer produces the same bytes as safetensors.numpy.save_file (0.8.0).
    @Test func writerMatchesPythonByteForByte() throws {
      try expectNoLeaks {
        let reference = try Data(contentsOf: Fixtures.url("reference.safetensors"))
        let ours = try SafeTensors.encode(Self.referenceTensors(), metadata: ["format": "pt"])
        #expect(ours == [UInt8](reference))
      }
    }

    /// A file written by Python reads back with the right dtypes, shapes, values and metadata.
    @Test func readsPythonFile() throws {
      try expectNoLeaks {
        let contents = try SafeTensors.read(from: Fixtures.url("reference.safetensors"))
        #expect(contents.metadata == ["format": "pt"])
        let expected = try Self.referenceTensors()
        #expect(Set(contents.tensors.keys) == Set(expected.keys))
        for (name, tensor) in expected {
          let loaded = try #require(contents.tensors[name])
          #expect(loaded.dtype == tensor.dtype, "\(name)")
          #expect(loaded.shape == tensor.shape, "\(name)")
          #expect(try loaded.bytes() == tensor.bytes(), "\(name)")
        }
        #expect(
          try contents.tensors["steps"]?.toArray(of: Int64.self) == [1, -2, 3, 40_000_000_000])
      }
    }

    /// save then load gives the same tensors, and leaves no temporary file behind.
    @Test func roundTripIsAtomic() throws {
      try expectNoLeaks {
        let directory = try TemporaryDirectory()
        let url = directory.file("t.safetensors")
        let tensors = try Self.referenceTensors()
        try SafeTensors.save(tensors, metadata: ["note": "quote \" and \\ and \n"], to: url)
        try SafeTensors.save(tensors, metadata: ["note": "quote \" and \\ and \n"], to: url)
        let contents = try SafeTensors.read(from: url)
        #expect(contents.metadata["note"] == "quote \" and \\ and \n")
        for (name, tensor) in tensors {
          #expect(try contents.tensors[name]?.bytes() == tensor.bytes())
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(files == ["t.safetensors"])
      }
    }

    /// Truncated or malformed files throw a format error that names the file.
    @Test(arguments: [4, 20, 100])
    func truncatedFileThrows(keeping bytes: Int) throws {
      try expectNoLeaks {
        let directory = try TemporaryDirectory()
        let whole = try Data(contentsOf: Fixtures.url("reference.safetensors"))
        let url = directory.file("broken.safetensors")
        try whole.prefix(bytes).write(to: url)
        let error = #expect(throws: TorchError.self) { try SafeTensors.load(from: url) }
        #expect(error?.code == .format)
        #expect(error?.message.contains("broken.safetensors") == true)
      }
    }

    /// Writes the reference tensors to $TORCH_SAFETENSORS_EXPORT for the reverse check:
    /// `python3 Scripts/fixtures/make_torch_fixtures.py --check "$TORCH_SAFETENSORS_EXPORT"`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TORCH_SAFETENSORS_EXPORT"] != nil))
    func exportsFileForPython() throws {
      let path = try #require(ProcessInfo.processInfo.environment["TORCH_SAFETENSORS_EXPORT"])
      try expectNoLeaks {
        try SafeTensors.save(
          Self.referenceTensors(), metadata: ["format": "pt"], to: URL(fileURLWithPath: path))
      }
    }

    /// A missing file throws an I/O error naming it.
    @Test func missingFileThrows() throws {
      try expectNoLeaks {
        let error = #expect(throws: TorchError.self) {
          try SafeTensors.load(from: URL(fileURLWithPath: "/nonexistent/x.safetensors"))
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("/nonexistent/x.safetensors") == true)
      }
    }
  }
}
