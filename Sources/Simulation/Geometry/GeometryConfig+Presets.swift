extension GeometryConfig {
  /// The CLIC NDM-like SiW ECAL of physics.md §1: 17 layers with 2.4 mm and 8 with 4.8 mm of
  /// TungstenDens24, 0.5 mm Si sensors, 5.1 mm cells (51 × 51), one closing 4.8 mm plate.
  public static let clicLike: GeometryConfig = {
    func layer(_ w: Double) -> [Slice] {
      [
        Slice(material: "TungstenDens24", thickness: w, role: .absorber),
        Slice(material: "Air", thickness: 0.25),
        Slice(material: "GroundOrHVMix", thickness: 0.10),
        Slice(material: "G4_Si", thickness: 0.50, role: .active),
        Slice(material: "Air", thickness: 0.10),
        Slice(material: "siPCBMix", thickness: 1.30),
        Slice(material: "Air", thickness: 0.25),
      ]
    }
    return GeometryConfig(
      name: "CLIC_o1_v01-like SiW ECAL (25 layers, flat)",
      materials: [
        MaterialSpec(
          name: "TungstenDens24", density: 17.8, fractions: ["W": 0.93, "Ni": 0.061, "Fe": 0.009]),
        MaterialSpec(
          name: "G4_Si", density: 2.33, fractions: ["Si": 1], meanExcitationEnergy: 173,
          densityEffect: [4.4355, 0.2015, 2.8716, 0.14921, 3.2546]),
        MaterialSpec(
          name: "Air", density: 0.00120479,
          fractions: ["N": 0.755268, "O": 0.231781, "Ar": 0.012827, "C": 0.000124],
          meanExcitationEnergy: 85.7, gas: true),
        MaterialSpec(
          name: "GroundOrHVMix", density: 5.19,
          fractions: [
            "H": 0.00360636223506744, "C": 0.0945480597302505, "N": 0.0100234489402697,
            "O": 0.0286236705202312, "Cu": 0.863198458574181,
          ], meanExcitationEnergy: 259.806022507979),
        MaterialSpec(
          name: "siPCBMix", density: 5.05076923076923,
          fractions: [
            "Cl": 0.014498933901919, "O": 0.083477099995865, "Si": 0.0654857498400853,
            "H": 0.00351122019083304, "C": 0.0142636698452849, "Cu": 0.818763326226013,
          ], meanExcitationEnergy: 262.475002085268),
      ],
      layers: [
        LayerGroup(repeat: 17, slices: layer(2.4)),
        LayerGroup(repeat: 8, slices: layer(4.8)),
        LayerGroup(repeat: 1, slices: [Slice(material: "TungstenDens24", thickness: 4.8, role: .absorber)]),
      ],
      cellSize: 5.1, cellsX: 51, cellsY: 51)
  }()

  /// The CaloChallenge / Geant4 Par04 stack: 90 × (1.4 mm W + 0.3 mm Si).
  public static let par04: GeometryConfig = GeometryConfig(
    name: "Par04 SiW (90 x 1.4 mm W + 0.3 mm Si)",
    materials: [
      MaterialSpec(
        name: "G4_W", density: 19.3, fractions: ["W": 1], meanExcitationEnergy: 727,
        densityEffect: [5.4059, 0.2167, 3.4960, 0.15509, 2.8447]),
      MaterialSpec(
        name: "G4_Si", density: 2.33, fractions: ["Si": 1], meanExcitationEnergy: 173,
        densityEffect: [4.4355, 0.2015, 2.8716, 0.14921, 3.2546]),
    ],
    layers: [
      LayerGroup(
        repeat: 90,
        slices: [
          Slice(material: "G4_W", thickness: 1.4, role: .absorber),
          Slice(material: "G4_Si", thickness: 0.3, role: .active),
        ])
    ],
    cellSize: 5.1, cellsX: 51, cellsY: 51)
}
