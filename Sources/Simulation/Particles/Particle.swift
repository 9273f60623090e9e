internal import Foundation

/// The kinds of particle the shower transports.
public enum ParticleKind: Int8, Sendable, Codable, CaseIterable {
  case photon = 0
  case electron = 1
  case positron = 2

  /// PDG code: 22, 11, −11.
  public var pdgID: Int32 {
    switch self {
    case .photon: 22
    case .electron: 11
    case .positron: -11
    }
  }

  /// Parses "e-", "e+", "gamma" (also "electron", "positron", "photon", "11", "-11", "22").
  public init?(name: String) {
    switch name.lowercased() {
    case "e-", "electron", "11": self = .electron
    case "e+", "positron", "-11": self = .positron
    case "gamma", "photon", "g", "22": self = .photon
    default: return nil
    }
  }
}

/// A particle on the stack: position (mm), unit direction, kinetic energy (MeV), current slice.
struct Particle {
  var x: Double
  var y: Double
  var z: Double
  var dx: Double
  var dy: Double
  var dz: Double
  var energy: Double
  var kind: ParticleKind
  var slice: Int32
}

extension Particle {
  /// Rotates the direction by polar angle θ (given as cos θ) and azimuth φ.
  @inline(__always)
  mutating func deflect(cosTheta c: Double, phi: Double) {
    deflect(cosTheta: c, cosPhi: cos(phi), sinPhi: sin(phi))
  }

  /// Rotates the direction by polar angle θ and an azimuth given by its cosine and sine.
  @inline(__always)
  mutating func deflect(cosTheta c: Double, cosPhi cp: Double, sinPhi sp: Double) {
    let s = max(0, 1 - c * c).squareRoot()
    let sz2 = 1 - dz * dz
    if sz2 > 1e-10 {
      let sz = sz2.squareRoot()
      let nx = dx * c + s * (dx * dz * cp - dy * sp) / sz
      let ny = dy * c + s * (dy * dz * cp + dx * sp) / sz
      let nz = dz * c - s * cp * sz
      let norm = 1 / (nx * nx + ny * ny + nz * nz).squareRoot()
      dx = nx * norm
      dy = ny * norm
      dz = nz * norm
    } else {
      let sign: Double = dz >= 0 ? 1 : -1
      dx = s * cp
      dy = s * sp
      dz = c * sign
    }
  }
}
