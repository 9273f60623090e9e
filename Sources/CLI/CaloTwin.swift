import ArgumentParser

/// The `calotwin` command: simulate, convert, train, generate and validate calorimeter showers.
@main
struct CaloTwin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calotwin",
    abstract: "A digital twin of a silicon-tungsten calorimeter: simulate, convert, train, validate.",
    version: CaloTwinVersion.string,
    subcommands: [
      InspectCommand.self,
      TrainCommand.self,
    ])
}
