internal import Core
internal import Foundation

extension Transport {
  /// Condensed-history transport of an electron or positron.
  ///
  /// Each step is limited by the next discrete interaction (δ-ray, bremsstrahlung, annihilation),
  /// the step function (a fraction of the range), a fraction of λ1, and the slice boundary. Within
  /// a step the particle moves straight to a random hinge, scatters once for the whole step, and
  /// moves on (random-hinge multiple scattering); a boundary met on the way ends the step there.
  /// The continuous loss of a step is deposited at a uniformly random point of its path.
  mutating func transportCharged(_ start: Particle) {
    var p = start
    let settings = world.settings
    // Local copy: one retain of its table per track instead of one per step.
    let screening = world.screening
    let kind = p.kind == .positron ? 1 : 0
    var materialIndex = slices[Int(p.slice)].material
    var mt = world.tables[materialIndex]
    var nmfp = -log(rng.uniform())
    var steps = 0
    // Urban UseSafety state (`PhysicsSettings.ScatteringStepLimit.useSafety`): `entering` at the
    // start of the track and after every boundary crossing, when the range at entry and the lower
    // limit are fixed for the slice.
    let urban = settings.scatteringStepLimit == .useSafety
    var entering = true
    var farFromBoundary = false
    var rangeInit = 0.0
    var rangeFactor = 0.0
    var tlimitMin = 0.0
    while true {
      let t = p.energy
      steps += 1
      if t <= settings.trackingCut || steps > 1_000_000 {
        stop(&p, slice: p.slice)
        return
      }
      let (gi, gf) = t == lastEnergy ? (lastNode, lastFraction) : EnergyGrid.locate(t)
      let range = mt.lookup(MaterialTables.Column.range + kind, gi, gf)
      let slice = slices[Int(p.slice)]
      let safety = min(
        min(p.z - slice.z0, slice.z1 - p.z),
        min(halfWidthX - abs(p.x), halfWidthY - abs(p.y)))
      if settings.rangeRejection {
        if range < safety {
          if t > mt.cuts.photon {
            radiateAndStop(&p, tables: mt, kind: kind, range: range, node: gi, fraction: gf)
          } else {
            stop(&p, slice: p.slice)
          }
          return
        }
      }
      let sIon = mt.lookup(MaterialTables.Column.ionisation + kind, gi, gf)
      let sBrem = t > mt.cuts.photon ? mt.lookup(MaterialTables.Column.brem, gi, gf) : 0
      let sAnn = kind == 1 ? mt.lookup(MaterialTables.Column.annihilation, gi, gf) : 0
      let sigma = sIon + sBrem + sAnn
      let sInteraction = sigma > 0 ? nmfp / sigma : Double.infinity
      let fr = settings.finalRange
      let sLoss =
        range > fr
        ? settings.rangeFraction * range + fr * (1 - settings.rangeFraction) * (2 - fr / range) : range
      let dedx = mt.lookup(MaterialTables.Column.dedx + kind, gi, gf)
      let invLambda1 = mt.lookup(MaterialTables.Column.inverseLambda1, gi, gf) * settings.scatteringScale
      var sScatter = max(settings.scatteringStepFactor / invLambda1, 1e-5)
      if !urban || farFromBoundary {
      } else if range < safety {
        farFromBoundary = true
      } else {
        let lambda1 = 1 / invLambda1
        if entering {
          rangeInit = max(range, lambda1)
          rangeFactor = lambda1 > 1 ? 0.04 * (0.75 + 0.25 * lambda1) : 0.04
          tlimitMin = max(10 * lambda1 * 1e-3 / (t * (10 + t)), 1e-8)
        }
        var tlimit = max(rangeFactor * rangeInit, 0.6 * safety, tlimitMin)
        if entering, tlimit > tlimitMin {
          var r: Double
          repeat { r = tlimit * (1 + 0.3 * rng.normal()) } while r < tlimitMin || r > 2 * tlimit - tlimitMin
          tlimit = r
        }
        entering = false
        sScatter = min(sScatter, tlimit)
      }
      let s = min(sInteraction, sLoss, sScatter)
      let discrete = s == sInteraction

      // First straight segment to the hinge.
      let x0 = p.x
      let y0 = p.y
      let hinge = s * rng.uniform()
      // A segment shorter than the safety cannot reach a face (the distance along any direction
      // is at least the safety): no boundary search for it. The second segment ends within s of
      // the start (1 pm margin for the rounding of the hinge position).
      let (db, next) = hinge < safety ? (Double.infinity, p.slice) : boundary(p)
      if db <= hinge {
        if !continuousLoss(
          &p, path: db, range: range, node: gi, dedx: dedx, tables: mt, kind: kind, fromX: x0, fromY: y0,
          hingeX: x0 + p.dx * db, hingeY: y0 + p.dy * db, firstLength: db)
        {
          return
        }
        nmfp -= db * sigma
        guard cross(&p, distance: db, next: next) else { return }
        entering = true
        let material = slices[Int(p.slice)].material
        if material != materialIndex {
          materialIndex = material
          mt = world.tables[material]
        }
        continue
      }
      p.x += p.dx * hinge
      p.y += p.dy * hinge
      p.z += p.dz * hinge
      let hx = p.x
      let hy = p.y
      let cosTheta: Double
      if settings.scatteringModel == .wentzel {
        cosTheta = screening.sampleCosTheta(pathOverLambda: s * invLambda1, rng: &rng)
      } else {
        cosTheta = MultipleScattering.highlandCosTheta(
          kinetic: t, stepInX0: s / mt.radiationLength, rng: &rng)
      }
      let (cp, sp) = rng.azimuth()
      p.deflect(cosTheta: cosTheta, cosPhi: cp, sinPhi: sp)
      let rest = s - hinge
      let (db2, next2) = s < safety - 1e-9 ? (Double.infinity, p.slice) : boundary(p)
      if db2 <= rest {
        let path = hinge + db2
        // Position at the boundary, for the deposit point.
        let bx = p.x + p.dx * db2
        let by = p.y + p.dy * db2
        let saved = (p.x, p.y)
        (p.x, p.y) = (bx, by)
        if !continuousLoss(
          &p, path: path, range: range, node: gi, dedx: dedx, tables: mt, kind: kind, fromX: x0, fromY: y0,
          hingeX: hx, hingeY: hy, firstLength: hinge)
        {
          return
        }
        (p.x, p.y) = saved
        nmfp -= path * sigma
        guard cross(&p, distance: db2, next: next2) else { return }
        entering = true
        let material = slices[Int(p.slice)].material
        if material != materialIndex {
          materialIndex = material
          mt = world.tables[material]
        }
        continue
      }
      p.x += p.dx * rest
      p.y += p.dy * rest
      p.z += p.dz * rest
      if !continuousLoss(
        &p, path: s, range: range, node: gi, dedx: dedx, tables: mt, kind: kind, fromX: x0, fromY: y0,
        hingeX: hx, hingeY: hy, firstLength: hinge)
      {
        return
      }
      if discrete {
        nmfp = -log(rng.uniform())
        if !interact(&p, tables: mt, kind: kind, sIon: sIon, sBrem: sBrem, sAnn: sAnn) { return }
      } else {
        nmfp -= s * sigma
      }
    }
  }

  /// Range rejection: a track whose range is below the distance to every face of its slice
  /// cannot leave the slice, but its bremsstrahlung photons can. Its remaining path (the range) is
  /// walked without multiple-scattering steps: photons above the cut are emitted where the
  /// bremsstrahlung cross-section says (null-collision sampling with the cross-section at the
  /// start energy, the largest along the path below a few MeV), the electron direction at an
  /// emission is turned by one Wentzel multiple-scattering angle for the path since the last one,
  /// and everything not radiated is deposited on the spot. Depositing the whole energy instead (no photons) put 0.8 % too little
  /// energy into the silicon (Sources/Simulation/README.md).
  @inline(__always)
  mutating func radiateAndStop(
    _ p: inout Particle, tables mt: MaterialTables, kind: Int, range startRange: Double, node: Int,
    fraction: Double
  ) {
    typealias C = MaterialTables.Column
    let cut = mt.cuts.photon
    var t = p.energy
    var range = startRange
    var hint = node
    var radiated = 0.0
    var travelled = 0.0
    let sigmaMax = mt.lookup(C.brem, node, fraction)
    while sigmaMax > 0 {
      // Next candidate point; past the end of the range the track has stopped. u ≤ 1 − σ·range
      // implies u ≤ exp(−σ·range), so most stopped tracks need no logarithm.
      let u = rng.uniform()
      if u <= 1 - sigmaMax * range { break }
      let s = -log(u) / sigmaMax
      if s >= range { break }
      range -= s
      travelled += s
      t = mt.energy(range: range, particle: kind, hint: hint)
      if t <= cut { break }
      let (gj, gg) = EnergyGrid.locate(t)
      hint = gj
      // Thinning: accept with σ(t)/σ_max (σ_brem grows with energy, so σ_max bounds it).
      if rng.uniform() * sigmaMax > mt.lookup(C.brem, gj, gg) { continue }
      // The electron's direction at the emission point: one Wentzel angle for the path so far.
      let invLambda1 = mt.lookup(C.inverseLambda1, gj, gg) * world.settings.scatteringScale
      let cosTheta = world.screening.sampleCosTheta(pathOverLambda: travelled * invLambda1, rng: &rng)
      let (cp, sp) = rng.azimuth()
      p.deflect(cosTheta: cosTheta, cosPhi: cp, sinPhi: sp)
      travelled = 0
      let k = emitPhoton(from: p, kinetic: t, cut: cut, tables: mt)
      radiated += k
      t -= k
      if t <= cut { break }
      let (gk, gh) = EnergyGrid.locate(t)
      hint = gk
      range = mt.lookup(C.range + kind, gk, gh)
    }
    p.energy -= radiated
    stop(&p, slice: p.slice)
  }

  /// Deposits everything left: kinetic energy on the spot, positrons annihilate at rest.
  @inline(__always)
  mutating func stop(_ p: inout Particle, slice: Int32) {
    deposit(p.energy, x: p.x, y: p.y, slice: slice)
    p.energy = 0
    if p.kind == .positron { annihilateAtRest(p) }
  }

  /// Applies the continuous loss of a path of `path` mm (particle at its end point), depositing it
  /// at a random point of the two segments (start → hinge → end); `node` is the energy-grid node
  /// of the kinetic energy at the start of the step. Returns false when the particle stopped.
  @inline(__always)
  mutating func continuousLoss(
    _ p: inout Particle, path: Double, range: Double, node: Int, dedx: Double, tables mt: MaterialTables,
    kind: Int,
    fromX: Double, fromY: Double, hingeX: Double, hingeY: Double, firstLength: Double
  ) -> Bool {
    let t = p.energy
    var loss: Double
    var after = (energy: -1.0, node: -1, fraction: 0.0)
    if path >= range {
      loss = t
    } else if path < 0.01 * range {
      loss = path * dedx
    } else {
      after = mt.energyAndNode(range: range - path, particle: kind, hint: node)
      loss = t - after.energy
    }
    let slice = slices[Int(p.slice)]
    if slice.role == .active, world.settings.straggling, loss < t {
      let tmax = kind == 1 ? t : 0.5 * t
      loss = EnergyLossFluctuation.sample(
        mean: loss, meanExcitation: mt.material.meanExcitation, emax: min(mt.cuts.electron, tmax), rng: &rng)
      after.node = -1
    }
    // Random point on the path.
    let r = rng.uniform() * path
    var x: Double
    var y: Double
    if r < firstLength, firstLength > 0 {
      let f = r / firstLength
      x = fromX + (hingeX - fromX) * f
      y = fromY + (hingeY - fromY) * f
    } else {
      let second = path - firstLength
      let f = second > 0 ? (r - firstLength) / second : 1
      x = hingeX + (p.x - hingeX) * f
      y = hingeY + (p.y - hingeY) * f
    }
    if loss >= t || t - loss <= world.settings.trackingCut {
      deposit(t, x: x, y: y, slice: p.slice)
      p.energy = 0
      if p.kind == .positron { annihilateAtRest(p) }
      return false
    }
    deposit(loss, x: x, y: y, slice: p.slice)
    if after.node >= 0 {
      p.energy = after.energy
      (lastEnergy, lastNode, lastFraction) = after
    } else {
      p.energy = t - loss
    }
    return true
  }

  /// Samples a bremsstrahlung photon above `cut` (MeV) from an electron or positron of kinetic energy `t`
  /// (MeV) at `p`, with Tsai's angle, and pushes it on the stack; returns its energy (MeV).
  @inline(__always)
  mutating func emitPhoton(from p: Particle, kinetic t: Double, cut: Double, tables mt: MaterialTables)
    -> Double
  {
    let k = mt.brem.sampleEnergy(kinetic: t, cut: cut, rng: &rng)
    var g = p
    g.kind = .photon
    g.energy = k
    g.deflect(cosTheta: tsaiCosTheta(kinetic: t), phi: 2 * Double.pi * rng.uniform())
    stack.append(g)
    return k
  }

  /// A discrete interaction at the end of a step. Returns false when the particle is gone.
  mutating func interact(
    _ p: inout Particle, tables mt: MaterialTables, kind: Int, sIon: Double, sBrem: Double, sAnn: Double
  ) -> Bool {
    let m = PhysicsConstants.electronMass
    let t = p.energy
    let r = rng.uniform() * (sIon + sBrem + sAnn)
    if r < sIon {
      let cut = mt.cuts.electron
      let tmax = kind == 1 ? t : 0.5 * t
      guard cut < tmax else { return true }
      let delta = Ionisation.sampleDelta(kinetic: t, cut: cut, positron: kind == 1, rng: &rng)
      let pTotal = (t * (t + 2 * m)).squareRoot()
      let pDelta = (delta * (delta + 2 * m)).squareRoot()
      let cosTheta = min(1, (delta * (t + 2 * m) / (t * (delta + 2 * m))).squareRoot())
      var d = p
      d.kind = .electron
      d.energy = delta
      d.deflect(cosTheta: cosTheta, phi: 2 * Double.pi * rng.uniform())
      // Primary direction from momentum conservation.
      let px = pTotal * p.dx - pDelta * d.dx
      let py = pTotal * p.dy - pDelta * d.dy
      let pz = pTotal * p.dz - pDelta * d.dz
      let norm = (px * px + py * py + pz * pz).squareRoot()
      if norm > 0 {
        p.dx = px / norm
        p.dy = py / norm
        p.dz = pz / norm
      }
      p.energy = t - delta
      stack.append(d)
      return true
    } else if r < sIon + sBrem {
      let cut = mt.cuts.photon
      guard t > cut else { return true }
      let k = emitPhoton(from: p, kinetic: t, cut: cut, tables: mt)
      p.energy = t - k
      if p.energy <= world.settings.trackingCut {
        stop(&p, slice: p.slice)
        return false
      }
      return true
    } else {
      let (fraction, cosTheta) = Annihilation.sample(kinetic: t, rng: &rng)
      let total = t + 2 * m
      let e1 = fraction * total
      let e2 = total - e1
      var g1 = p
      g1.kind = .photon
      g1.energy = e1
      g1.deflect(cosTheta: cosTheta, phi: 2 * Double.pi * rng.uniform())
      let pTotal = (t * (t + 2 * m)).squareRoot()
      var g2 = p
      g2.kind = .photon
      g2.energy = e2
      let qx = pTotal * p.dx - e1 * g1.dx
      let qy = pTotal * p.dy - e1 * g1.dy
      let qz = pTotal * p.dz - e1 * g1.dz
      let norm = (qx * qx + qy * qy + qz * qz).squareRoot()
      if norm > 0 {
        g2.dx = qx / norm
        g2.dy = qy / norm
        g2.dz = qz / norm
      }
      stack.append(g1)
      stack.append(g2)
      p.energy = 0
      return false
    }
  }
}
