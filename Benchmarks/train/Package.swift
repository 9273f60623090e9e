// swift-tools-version:6.2
// Benchmark: one 3DGAN training step (D real, D fake, two G updates) in Swift, against
// train_step.py (PyTorch) — see run.sh. Kept out of the main build.
import PackageDescription

let package = Package(
  name: "TrainBenchmark",
  dependencies: [.package(name: "CaloTwin", path: "../..")],
  targets: [
    .executableTarget(
      name: "TrainStepBench",
      dependencies: [
        .product(name: "Training", package: "CaloTwin"),
        .product(name: "Models", package: "CaloTwin"),
        .product(name: "Torch", package: "CaloTwin"),
      ],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])])
  ]
)
