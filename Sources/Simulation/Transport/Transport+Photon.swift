internal import Core
internal import Foundation

extension Transport {
  /// Tracks a photon to its interaction point and performs Compton scattering, photo-absorption
  /// or pair production; secondaries go on the stack.
  mutating func transportPhoton(_ start: Particle) {
    var p = start
    let m = PhysicsConstants.electronMass
    if p.energy < world.settings.photonTrackingCut {
      deposit(p.energy, x: p.x, y: p.y, slice: p.slice)
      return
    }
    let (gi, gf) = EnergyGrid.locate(p.energy)
    var nmfp = -log(rng.uniform())
    var materialIndex = slices[Int(p.slice)].material
    var hot = hotTables[materialIndex]
    typealias C = MaterialTables.Column
    var sc = MaterialTables.lookup(hot, C.compton, gi, gf)
    var sp = MaterialTables.lookup(hot, C.photo, gi, gf)
    var spair = p.energy > 2 * m ? MaterialTables.lookup(hot, C.pair, gi, gf) : 0
    var mu = sc + sp + spair
    while true {
      let (db, next) = boundary(p)
      let dist = nmfp / mu
      if dist < db {
        p.x += p.dx * dist
        p.y += p.dy * dist
        p.z += p.dz * dist
        break
      }
      nmfp -= db * mu
      guard cross(&p, distance: db, next: next) else { return }
      let material = slices[Int(p.slice)].material
      if material != materialIndex {
        materialIndex = material
        hot = hotTables[material]
        sc = MaterialTables.lookup(hot, C.compton, gi, gf)
        sp = MaterialTables.lookup(hot, C.photo, gi, gf)
        spair = p.energy > 2 * m ? MaterialTables.lookup(hot, C.pair, gi, gf) : 0
        mu = sc + sp + spair
      }
    }
    let mt = world.tables[materialIndex]
    let r = rng.uniform() * mu
    if r < sc {
      compton(&p)
    } else if r < sc + sp {
      let binding = min(p.energy, mt.photo.sampleBinding(photon: p.energy, rng: &rng))
      deposit(binding, x: p.x, y: p.y, slice: p.slice)
      var e = p
      e.kind = .electron
      e.energy = p.energy - binding
      if e.energy > 0 { stack.append(e) }
    } else {
      pairProduction(p, tables: mt)
    }
  }

  /// Compton scattering: the scattered photon and the recoil electron go on the stack.
  mutating func compton(_ p: inout Particle) {
    let e0 = p.energy
    let (epsilon, cosTheta) = Compton.sample(photon: e0, rng: &rng)
    let e1 = epsilon * e0
    let old = (p.dx, p.dy, p.dz)
    p.deflect(cosTheta: cosTheta, phi: 2 * Double.pi * rng.uniform())
    let t = e0 - e1
    if t > 0 {
      // Electron momentum = k0 − k1.
      var ex = e0 * old.0 - e1 * p.dx
      var ey = e0 * old.1 - e1 * p.dy
      var ez = e0 * old.2 - e1 * p.dz
      let norm = (ex * ex + ey * ey + ez * ez).squareRoot()
      if norm > 0 {
        ex /= norm
        ey /= norm
        ez /= norm
      } else {
        (ex, ey, ez) = old
      }
      stack.append(
        Particle(x: p.x, y: p.y, z: p.z, dx: ex, dy: ey, dz: ez, energy: t, kind: .electron, slice: p.slice))
    }
    p.energy = e1
    stack.append(p)
  }

  /// Conversion into an e⁺e⁻ pair with modified-Tsai angles.
  mutating func pairProduction(_ p: Particle, tables mt: MaterialTables) {
    let m = PhysicsConstants.electronMass
    let k = p.energy
    let eps = mt.pair.sampleFraction(photon: k, rng: &rng)
    let tPos = max(0, eps * k - m)
    let tEle = max(0, (1 - eps) * k - m)
    let phi = 2 * Double.pi * rng.uniform()
    var pos = p
    pos.kind = .positron
    pos.energy = tPos
    pos.deflect(cosTheta: tsaiCosTheta(kinetic: tPos), phi: phi)
    var ele = p
    ele.kind = .electron
    ele.energy = tEle
    ele.deflect(cosTheta: tsaiCosTheta(kinetic: tEle), phi: phi + Double.pi)
    stack.append(ele)
    stack.append(pos)
  }
}
