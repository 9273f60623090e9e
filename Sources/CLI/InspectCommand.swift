import ArgumentParser
import Foundation
import ShowerIO

/// `calotwin inspect FILE`: layout, datasets, attributes and shower statistics of a shower file.
struct InspectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Describe a shower file: layout, datasets, attributes, energies, angles, mean total energy.")

  @Argument(help: "HDF5 shower file (CaloTwin, LCD/3DGAN or CaloChallenge layout), or a ROOT file.")
  var file: String

  @Flag(help: "Print the summary as JSON.")
  var json = false

  @Option(help: "Layout to assume instead of detecting it: caloTwin, lcd, caloChallenge.")
  var layout: String?

  @Option(parsing: .unconditional, help: "MeV per raw LCD ECAL unit (3DGAN files).")
  var lcdScale: Double = ShowerReadOptions().lcdScale

  @Option(parsing: .unconditional, help: "Showers read at a time.")
  var chunkSize: Int = 64

  func validate() throws {
    try OptionCheck.positive(lcdScale, "--lcd-scale", unit: "MeV")
    try OptionCheck.positive(chunkSize, "--chunk-size")
    if let layout, ShowerLayout(rawValue: layout) == nil {
      let known = ShowerLayout.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("unknown layout '\(layout)'; use one of \(known)")
    }
  }

  func run() async throws {
    let format = try runReporting { try ShowerFileFormat(atPath: file) }
    switch format {
    case .root:  // ROOT files: trees, branches, types, compression
      print(try runReporting { try ROOTFile(path: file).summary() })
      return
    case .hdf5:
      break
    case .empty, .other:
      try runReporting {
        throw ShowerIOError(
          .notHDF5,
          "not a shower file: \(format.summary); pass an HDF5 shower file (.h5) or a ROOT file (.root)",
          file: file)
      }
    }
    let options = ShowerReadOptions(layout: layout.flatMap(ShowerLayout.init(rawValue:)), lcdScale: lcdScale)
    let summary = try runReporting {
      try ShowerFileSummary(contentsOf: URL(fileURLWithPath: file), options: options, chunkSize: chunkSize)
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      print(summary.text)
    }
  }
}
