import Foundation
import TestSupport
import Testing
import Torch

/// All Torch suites nest in this serialized suite: libtorch's global state (threads, seed,
/// grad mode) is shared, and the leak checks count handles.
@Suite(.serialized) enum TorchSuite {}

/// Runs `body` with one libtorch thread and checks that it frees every handle it creates
/// (counted on this thread, so tests of other targets running in parallel do not interfere).
func expectNoLeaks(
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) throws {
  Torch.threadCount = 1
  let before = Torch.threadLiveHandles
  try body()
  #expect(
    Torch.threadLiveHandles == before, "tensor handles leaked", sourceLocation: sourceLocation)
}

/// Fixture files made by Scripts/fixtures/make_torch_fixtures.py.
enum Fixtures {
  static func url(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
  }

  static func load(_ name: String) throws -> [String: Tensor] {
    try SafeTensors.load(from: url(name))
  }
}

/// Compares a tensor with a reference tensor: equal shapes and values within `relative`
/// (plus `absolute` near zero).
func expectClose(
  _ actual: Tensor, _ expected: Tensor, relative: Float = 1e-5, absolute: Float = 1e-6,
  _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  #expect(actual.shape == expected.shape, "\(what): shape", sourceLocation: sourceLocation)
  let mismatch = firstMismatch(
    try actual.toArray(of: Float.self), try expected.toArray(of: Float.self), relative: relative,
    absolute: absolute)
  #expect(mismatch == nil, "\(what): \(mismatch ?? "")", sourceLocation: sourceLocation)
}
