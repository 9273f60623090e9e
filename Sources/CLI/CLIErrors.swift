import ArgumentParser
import Core
import Foundation
import ShowerIO

/// Runs library code and turns any `CaloTwinError` into a one-line message on standard error and the
/// error's exit status (1, or 2 for unusable inputs); other errors pass through to ArgumentParser.
func runReporting<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as any CaloTwinError {
    throw reportError(error)
  }
}

/// Prints `error: where: what; remedy [code]` on standard error and returns the exit to throw.
func reportError(_ error: any CaloTwinError) -> ExitCode {
  FileHandle.standardError.write(Data("error: \(error.report) [\(error.codeName)]\n".utf8))
  return ExitCode(error.exitStatus)
}

/// The output checks every command makes before it reads anything (Core's `OutputTarget` rules: not a
/// FIFO, device or folder; a symbolic link written through; never one of the inputs). Exit status 2.
enum OutputCheck {
  /// Checks an output file; returns the path to write.
  @discardableResult
  static func file(_ path: String, inputs: [String], option: String = "--output") throws -> String {
    do {
      return try OutputTarget.file(path, inputs: inputs, option: option).path
    } catch {
      throw reportError(error)
    }
  }

  /// Checks an output folder and the files the command writes into it.
  @discardableResult
  static func directory(_ path: String, files: [String], inputs: [String], option: String) throws -> String {
    do {
      return try OutputTarget.directory(path, files: files, inputs: inputs, option: option).path
    } catch {
      throw reportError(error)
    }
  }
}

/// What a command ends with when a signal stopped it cleanly (training): the message and 130 or 143.
func interruptedExit(_ what: String) -> ExitCode {
  let signal = Interruption.signalReceived ?? SIGINT
  FileHandle.standardError.write(Data("interrupted by \(Interruption.name(of: signal)): \(what)\n".utf8))
  return ExitCode(128 + signal)
}
