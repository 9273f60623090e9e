import ArgumentParser
import Core
import Foundation
import ShowerIO

/// Runs library code and turns a `ShowerIOError` (exit status 1) or a Core error such as a bad config
/// (`CaloTwinError`, its own exit status: 2 for unusable inputs) into a one-line message on standard
/// error, with no stack trace; other errors pass through to ArgumentParser.
func runReporting<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ShowerIOError {
    FileHandle.standardError.write(Data("error: \(error.description) [\(error.code.rawValue)]\n".utf8))
    throw ExitCode(1)
  } catch let error as any CaloTwinError {
    throw reportError(error)
  }
}

/// Writes `error: where: what (cause); remedy [code]` to standard error; returns the exit status.
func reportError(_ error: any CaloTwinError) -> ExitCode {
  FileHandle.standardError.write(Data("error: \(error.report) [\(error.codeName)]\n".utf8))
  return ExitCode(error.exitStatus)
}
