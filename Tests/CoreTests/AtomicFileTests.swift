import Foundation
import TestSupport
import Testing

@testable import Core

/// The atomic writer and the output rules: what is written, what is refused, what is left behind.
@Suite struct AtomicFileTests {
  func contents(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

  func hidden(_ dir: TemporaryDirectory) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []).filter { $0.hasPrefix(".") }
  }

  @Test func writeReplacesTheFileAndLeavesNoTemporary() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("a.json")
    try AtomicFile.write(Data("one".utf8), to: url)
    try AtomicFile.write(Data("two".utf8), to: url)
    #expect(contents(url) == "two")
    #expect(hidden(dir).isEmpty)
  }

  @Test func aDroppedWriterRemovesItsTemporaryAndKeepsTheOldFile() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("a.h5")
    try AtomicFile.write(Data("old".utf8), to: url)
    do {
      let file = try AtomicFile(url)
      try Data("half".utf8).write(to: file.temporary)
      #expect(Interruption.registered.contains(file.temporary.path))
    }
    #expect(contents(url) == "old")
    #expect(hidden(dir).isEmpty)
  }

  @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
    let dir = try TemporaryDirectory()
    let target = dir.file("target.h5")
    let link = dir.file("link.h5")
    try AtomicFile.write(Data("old".utf8), to: target)
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.h5")
    try AtomicFile.write(Data("new".utf8), to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.h5")
    #expect(contents(target) == "new")
  }

  @Test func nonRegularOutputsAreRefusedAndLeftAlone() throws {
    let dir = try TemporaryDirectory()
    let fifo = dir.file("pipe")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    let folder = dir.file("folder")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    for (path, kind) in [(fifo.path, "FIFO"), ("/dev/null", "character device"), (folder.path, "folder")] {
      let error = #expect(throws: CoreError.self) {
        try AtomicFile.write(Data("x".utf8), to: URL(fileURLWithPath: path))
      }
      #expect(error?.code == .notRegularFile)
      #expect(error?.report.contains(kind) == true, "\(error?.report ?? "")")
    }
    var info = stat()
    #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(hidden(dir).isEmpty)
  }

  @Test func anOutputThatIsAnInputIsRefusedByAnyPath() throws {
    let dir = try TemporaryDirectory()
    let input = dir.file("in.root")
    try Data("root".utf8).write(to: input)
    let symlink = dir.file("sym.h5")
    try FileManager.default.createSymbolicLink(atPath: symlink.path, withDestinationPath: input.path)
    let hardlink = dir.file("hard.h5")
    try FileManager.default.linkItem(at: input, to: hardlink)
    let dotted = dir.url.path + "/./sub/../in.root"
    try FileManager.default.createDirectory(at: dir.file("sub"), withIntermediateDirectories: false)
    for output in [input.path, symlink.path, hardlink.path, dotted] {
      let error = #expect(throws: CoreError.self) {
        try OutputTarget.file(output, inputs: [input.path], option: "--output")
      }
      #expect(error?.code == .outputAliasesInput, "\(output)")
      #expect(error?.exitStatus == 2)
    }
    #expect(contents(input) == "root")
    // A different file is fine, existing or not.
    #expect(
      try OutputTarget.file(dir.file("new.h5").path, inputs: [input.path]).lastPathComponent == "new.h5")
  }

  @Test func aMissingFolderIsReported() throws {
    let error = #expect(throws: CoreError.self) {
      try OutputTarget.file("/nonexistent-calotwin/x.h5", inputs: [])
    }
    #expect(error?.code == .notFound)
    #expect(error?.report.contains("/nonexistent-calotwin") == true)
  }

  @Test func staleTemporariesOfGoneWritersAreRemovedLiveOnesKept() throws {
    let dir = try TemporaryDirectory()
    // A process that has exited: its pid is free (the kernel does not reuse it this quickly).
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let gone = dir.file(".out.h5.tmp-\(child.processIdentifier)-abc")
    let live = dir.file(".out.h5.tmp-\(getppid())-def")
    let other = dir.file(".other.h5.tmp-\(child.processIdentifier)-abc")
    for url in [gone, live, other] { try Data("x".utf8).write(to: url) }
    try AtomicFile.write(Data("new".utf8), to: dir.file("out.h5"))
    #expect(!FileManager.default.fileExists(atPath: gone.path))
    #expect(FileManager.default.fileExists(atPath: live.path))
    #expect(FileManager.default.fileExists(atPath: other.path))
    AtomicFile.removeStaleTemporaries(inFolder: dir.url)
    #expect(!FileManager.default.fileExists(atPath: other.path))
    #expect(FileManager.default.fileExists(atPath: live.path))
  }

  @Test func aFolderReplacesAnExistingFolderWhole() throws {
    let dir = try TemporaryDirectory()
    let final = dir.file("step-1")
    for (version, extra) in [("one", "only-in-one"), ("two", "only-in-two")] {
      let folder = try AtomicFile(directory: final)
      try Data(version.utf8).write(to: folder.temporary.appendingPathComponent("state.json"))
      try Data().write(to: folder.temporary.appendingPathComponent(extra))
      try folder.commit()
    }
    #expect(contents(final.appendingPathComponent("state.json")) == "two")
    #expect(!FileManager.default.fileExists(atPath: final.appendingPathComponent("only-in-one").path))
    #expect(hidden(dir).isEmpty)
  }
}

/// Inputs must be regular, readable files: a FIFO would block a reader, a device feed it endless bytes.
@Suite struct InputFileTests {
  @Test func fifosDevicesFoldersAndDanglingLinksAreRefused() throws {
    let dir = try TemporaryDirectory()
    let fifo = dir.file("in.root")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: dir.file("dangling").path, withDestinationPath: "nowhere")
    let cases: [(String, CoreError.Code, String)] = [
      (fifo.path, .notRegularFile, "FIFO"), ("/dev/zero", .notRegularFile, "character device"),
      (dir.url.path, .notRegularFile, "folder"), (dir.file("dangling").path, .notFound, "points to no file"),
      (dir.file("missing").path, .notFound, "no such file"),
    ]
    for (path, code, words) in cases {
      let error = #expect(throws: CoreError.self) { try InputFile.check(path, option: "--reference") }
      #expect(error?.code == code, "\(path)")
      #expect(error?.report.contains(words) == true, "\(error?.report ?? "")")
      #expect(error?.location.file == path)
    }
    try Data("x".utf8).write(to: dir.file("ok.h5"))
    try InputFile.check(dir.file("ok.h5").path)
  }
}
