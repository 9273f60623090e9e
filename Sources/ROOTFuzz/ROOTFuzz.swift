// libFuzzer entry point for the ROOT reader; built only with CALOTWIN_FUZZ=1 (see
// Sources/ShowerIO/ROOT/README.md, "Fuzzing"). Every input is opened as a ROOT file held in memory,
// and every tree, branch and string column is read. Errors are expected; crashes, traps and hangs
// are bugs.
import ShowerIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzROOTReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = unsafe Array(UnsafeBufferPointer(start: data, count: size))
  guard let file = try? ROOTFile(bytes: bytes, name: "fuzz.root") else { return 0 }
  _ = try? file.summary()
  for entry in file.trees {
    guard let tree = try? file.tree(entry.path) else { continue }
    for branch in tree.allBranches {
      switch branch.kind {
      case .string: _ = try? tree.strings(branch.path)
      case .stringVector: _ = try? tree.stringLists(branch.path)
      case .leafList: for leaf in branch.leaves { _ = try? tree.jagged(leaf.name, as: Double.self) }
      case .group, .unsupported: continue
      default: _ = try? tree.jagged(branch.path, as: Double.self)
      }
    }
  }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_cdecl("ROOTFuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = unsafe argv
  return unsafe runFuzzerDriver(&count, &arguments) { data, size in unsafe fuzzROOTReader(data, size) }
}
