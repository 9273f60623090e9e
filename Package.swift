// swift-tools-version:6.2
// CaloTwin: a digital twin of a silicon-tungsten calorimeter.
// Layout and conventions: STYLE.md of the team (targets under Sources/, one test target each).
import Foundation
import PackageDescription

let environment = ProcessInfo.processInfo.environment

// MARK: - Shared settings

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]
let strictSafety: [SwiftSetting] = swiftSettings + [.strictMemorySafety()]

// MARK: - libtorch location
// Default: Debian's libtorch-dev (headers under /usr/include, libraries on the default path).
// `LIBTORCH=/path/to/site-packages/torch` builds the same facade against a PyTorch wheel's libtorch
// (the GPU route); `LIBTORCH_CUDA=1` keeps libtorch_cuda linked although no symbol references it.

var torchCxx: [CXXSetting] = [
  .unsafeFlags(["-I/usr/include/torch/csrc/api/include"]),
  .define("_GLIBCXX_USE_CXX11_ABI", to: "1"),
]
var torchLink: [LinkerSetting] = [
  .linkedLibrary("torch"), .linkedLibrary("torch_cpu"), .linkedLibrary("c10"),
]
if let root = environment["LIBTORCH"], !root.isEmpty {
  torchCxx = [
    .unsafeFlags([
      "-isystem", "\(root)/include", "-isystem", "\(root)/include/torch/csrc/api/include",
    ])
  ]
  torchLink = [
    .unsafeFlags(["-L\(root)/lib", "-Xlinker", "-rpath", "-Xlinker", "\(root)/lib"]),
    .linkedLibrary("torch_cpu"), .linkedLibrary("c10"),
  ]
  if environment["LIBTORCH_CUDA"] == "1" {
    torchCxx.append(.define("CT_WITH_CUDA", to: "1"))
    torchLink.append(
      .unsafeFlags([
        "-Xlinker", "--no-as-needed", "-ltorch_cuda", "-ltorch", "-Xlinker", "--as-needed",
      ]))
  }
}

let package = Package(
  name: "CaloTwin",
  products: [
    .executable(name: "calotwin", targets: ["CLI"]),
    .library(name: "Core", targets: ["Core"]),
    .library(name: "Torch", targets: ["Torch"]),
    .library(name: "ShowerIO", targets: ["ShowerIO"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Validation", targets: ["Validation"]),
    .library(name: "Models", targets: ["Models"]),
    .library(name: "Training", targets: ["Training"]),
    .library(name: "Generation", targets: ["Generation"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // MARK: - C engines and system libraries
    .target(
      name: "CTorch",
      exclude: ["README.md"],
      cxxSettings: torchCxx,
      linkerSettings: torchLink),
    .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),

    // MARK: - Libraries
    .target(
      name: "Core",
      dependencies: [
        .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
      ], exclude: ["README.md"],
      swiftSettings: strictSafety),
    .target(
      name: "Torch", dependencies: ["Core", "CTorch"], exclude: ["README.md"], swiftSettings: strictSafety),
    .target(
      name: "ShowerIO",
      dependencies: ["Core", "CHDF5", "CZlib", "CLZ4", "CZstd", "CLZMA"],
      exclude: ["README.md", "ROOT/README.md"],
      swiftSettings: strictSafety),
    .target(name: "Simulation", dependencies: ["Core"], exclude: ["README.md"], swiftSettings: swiftSettings),
    .target(
      name: "Validation", dependencies: ["Core", "ShowerIO", "Torch"], exclude: ["README.md"],
      swiftSettings: swiftSettings),
    .target(
      name: "Models", dependencies: ["Core", "Torch"], exclude: ["README.md"], swiftSettings: swiftSettings),
    .target(
      name: "Generation", dependencies: ["Core", "ShowerIO", "Simulation", "Models", "Torch"],
      exclude: ["README.md"], swiftSettings: swiftSettings),
    .target(
      name: "Training",
      dependencies: [
        "Core", "Models", "Torch", "ShowerIO", "Generation", .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["README.md"], swiftSettings: swiftSettings),

    // MARK: - Executable
    .executableTarget(
      name: "CLI",
      dependencies: [
        "Core", "Torch", "ShowerIO", "Simulation", "Validation", "Models", "Training", "Generation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["README.md"],
      swiftSettings: swiftSettings),

    // MARK: - Tests
    .target(
      name: "TestSupport", dependencies: [], exclude: ["README.md"], swiftSettings: swiftSettings),
    .testTarget(
      name: "CoreTests", dependencies: ["Core", "TestSupport"], swiftSettings: swiftSettings),
    .testTarget(
      name: "TorchTests", dependencies: ["Torch", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "ShowerIOTests", dependencies: ["Core", "ShowerIO", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "SimulationTests", dependencies: ["Core", "Simulation", "ShowerIO", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ValidationTests", dependencies: ["Core", "Validation", "ShowerIO", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "ModelsTests", dependencies: ["Core", "Models", "Torch", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TrainingTests",
      dependencies: ["Core", "Training", "Models", "Torch", "ShowerIO", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "GenerationTests",
      dependencies: [
        "Core", "Generation", "Training", "Models", "Torch", "ShowerIO", "Simulation", "TestSupport",
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "CLITests", dependencies: ["Core", "TestSupport", "ShowerIO", "Validation"],
      swiftSettings: swiftSettings),
  ],
  cxxLanguageStandard: .cxx17
)

// MARK: - Fuzzing (not part of the default build)
// CALOTWIN_FUZZ=1 swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product ROOTFuzz
// (Sources/ShowerIO/ROOT/README.md, "Fuzzing").
if environment["CALOTWIN_FUZZ"] == "1" {
  package.products.append(.executable(name: "ROOTFuzz", targets: ["ROOTFuzz"]))
  package.targets.append(
    .executableTarget(
      name: "ROOTFuzz", dependencies: ["ShowerIO"], swiftSettings: strictSafety,
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]))
}
