// swift-tools-version:6.2
// Benchmark of `calotwin validate`'s engine: features, comparison, gate and report for N vs N toy
// showers of 51×51×25. Kept out of the main build. Run: swift run -c release validate-benchmark 10000
import PackageDescription

let package = Package(
  name: "ValidateBenchmark",
  dependencies: [.package(name: "CaloTwin", path: "../..")],
  targets: [
    .executableTarget(
      name: "validate-benchmark",
      dependencies: [.product(name: "Validation", package: "CaloTwin")],
      path: "Sources/ValidateBenchmark")
  ]
)
