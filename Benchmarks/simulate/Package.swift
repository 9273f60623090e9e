// swift-tools-version:6.2
// CPU time per GeV of the shower simulator (one thread), next to Geant4's 6.9–7.3 ms/GeV
// (one thread, same machine kind: 7.3 at 50 GeV, 6.9 at 100 GeV).
// Run: cd Benchmarks/simulate && swift run -c release simulate-benchmark [--energy 10 --events 100]
import PackageDescription

let package = Package(
  name: "SimulateBenchmark",
  dependencies: [.package(name: "CaloTwin", path: "../..")],
  targets: [
    .executableTarget(
      name: "simulate-benchmark",
      dependencies: [.product(name: "Simulation", package: "CaloTwin")],
      path: "Sources/SimulateBenchmark")
  ]
)
