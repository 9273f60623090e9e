public import Foundation

/// Output of a finished child process.
public struct ProcessResult: Sendable {
  /// Exit status.
  public var status: Int32
  /// Standard output, decoded as UTF-8.
  public var stdout: String
  /// Standard error, decoded as UTF-8.
  public var stderr: String
}

/// Runs an executable to completion and captures its output.
///
/// - Parameters:
///   - executable: Program to run.
///   - arguments: Its arguments.
///   - environment: Extra environment variables, added to the current ones.
/// - Returns: Exit status and both output streams.
/// - Throws: If the program cannot be started.
public func runProcess(
  _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes before waiting, so a chatty child never blocks on a full pipe.
  let group = DispatchGroup()
  nonisolated(unsafe) var errData = Data()
  group.enter()
  Thread.detachNewThread {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}
