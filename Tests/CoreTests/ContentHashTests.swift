import Core
import Foundation
import Testing

/// SHA-256 against FIPS 180-4 test vectors and Python's hashlib.
@Suite struct ContentHashTests {
  @Test func knownVectors() {
    #expect(ContentHash.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      ContentHash.sha256(Data("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // hashlib.sha256(b'a' * 2500000): more than two 1 MiB pieces and a tail.
    #expect(
      ContentHash.sha256(Data(repeating: 0x61, count: 2_500_000))
        == "38a637965059125eeb67f54c30e7f48a61859a467a800ba09740ba48a924f2b9")
    // hashlib.sha256(bytes(range(256)) * 300)
    let bytes = Data((0..<300).flatMap { _ in (0...255).map { UInt8($0) } })
    #expect(ContentHash.sha256(bytes) == "f8b0585eb91f58c007a5634362c9f90d8543822c113f702523bc7b73408a9392")
  }
}

@Suite struct ContentHashFileTests {
  @Test func aFileHashesLikeItsBytesAndAMissingOneIsNil() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hash-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(repeating: 0x61, count: 2_500_000).write(to: url)
    #expect(
      ContentHash.sha256(ofFile: url) == "38a637965059125eeb67f54c30e7f48a61859a467a800ba09740ba48a924f2b9")
    #expect(ContentHash.sha256(ofFile: url.appendingPathExtension("missing")) == nil)
  }
}
