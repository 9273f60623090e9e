import ArgumentParser
import Foundation
import ShowerIO

/// Runs library code and turns a `ShowerIOError` into a one-line message on standard error and
/// exit status 1 (no stack trace); other errors pass through to ArgumentParser.
func runReporting<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ShowerIOError {
    FileHandle.standardError.write(Data("error: \(error.description) [\(error.code.rawValue)]\n".utf8))
    throw ExitCode(1)
  }
}
