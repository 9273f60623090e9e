import ArgumentParser
import Core
import Foundation

/// The `calotwin` command: simulate, convert, train, generate and validate calorimeter showers.
@main
struct CaloTwin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calotwin",
    abstract: "A digital twin of a silicon-tungsten calorimeter: simulate, convert, train, validate.",
    version: CaloTwinVersion.string,
    subcommands: [
      SimulateCommand.self,
      GenerateCommand.self,
      ConvertCommand.self,
      InspectCommand.self,
      TrainCommand.self,
      ValidateCommand.self,
    ])

  /// Parses the command line, accepting `validate --classifier` without a value (see
  /// `ValidateCommand.expandingBareClassifier`), and runs the command.
  ///
  /// A usage error (unknown option, missing or malformed value, a value out of range) prints
  /// ArgumentParser's message and exits with status 2, like every other unusable input, instead of
  /// ArgumentParser's 64.
  static func main() async {
    Interruption.install()
    if let problem = CLILogging.environmentProblem() {
      FileHandle.standardError.write(Data("error: \(problem) [invalidConfig]\n".utf8))
      Foundation.exit(2)
    }
    let arguments = ValidateCommand.expandingBareClassifier(Array(CommandLine.arguments.dropFirst()))
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
