import ArgumentParser
import Core

/// The `calotwin` command: simulate, convert, train, generate and validate calorimeter showers.
@main
struct CaloTwin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calotwin",
    abstract: "A digital twin of a silicon-tungsten calorimeter: simulate, convert, train, validate.",
    version: CaloTwinVersion.string,
    subcommands: [
      SimulateCommand.self,
      ConvertCommand.self,
      InspectCommand.self,
      TrainCommand.self,
      ValidateCommand.self,
    ])

  /// Parses the command line, accepting `validate --classifier` without a value (see
  /// `ValidateCommand.expandingBareClassifier`).
  static func main() async {
    Interruption.install()
    await main(ValidateCommand.expandingBareClassifier(Array(CommandLine.arguments.dropFirst())))
  }
}
