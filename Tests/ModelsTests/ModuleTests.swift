import Foundation
import Models
import TestSupport
import Testing
import Torch

@Suite(.serialized) struct ModuleTests {
  @Test func faithfulModulesHaveTheKerasParameterCounts() throws {
    Torch.threadCount = 1
    let config = GANConfig()
    let g = try Generator(config: config)
    let d = try Discriminator(config: config)
    #expect(g.parameterCount == 1_364_983)
    #expect(d.parameterCount == 87_354)
    #expect(g.namedBuffers.count == 10)  // five batch norms × (mean, var): 64 running values
    #expect(g.namedBuffers.reduce(0) { $0 + $1.1.count } == 64)
    #expect(d.namedBuffers.reduce(0) { $0 + $1.1.count } == 48)
  }

  @Test(arguments: [GANConfig.reduced, GANConfig.pytorchPort])
  func generatorOutputFeedsTheDiscriminator(config: GANConfig) throws {
    Torch.threadCount = 1
    Torch.manualSeed(3)
    let g = try Generator(config: config)
    let d = try Discriminator(config: config)
    let latent = try Tensor.randn([2, config.latentSize])
    let images = try g(latent, training: true)
    #expect(images.shape == [2, 1] + config.imageShape)
    #expect(try images.min().item() >= 0)  // final ReLU
    let out = try d(images, training: true)
    for t in [out.realness, out.energy, out.angle, out.ecalSum] { #expect(t.shape == [2, 1]) }
    let p: [Float] = try out.realness.toArray()
    #expect(p.allSatisfy { $0 > 0 && $0 < 1 })
  }

  @Test func atanMatchesFoundation() throws {
    let xs: [Float] = [-1e5, -300, -7.5, -1, -0.3, 0, 1e-4, 0.2, 0.9, 1, 2.5, 40, 1e4]
    let got: [Float] = try PhysicsHeads.atan(try Tensor(xs)).toArray()
    #expect(firstMismatch(got, xs.map { Foundation.atan($0) }, relative: 1e-6, absolute: 1e-7) == nil)
  }

  @Test func ecalAngleOfATiltedLineAndOfAnEmptyImage() throws {
    // One cell on layers 1, 3, 5, 7, 9 along y = 10 + (z − 5)/2: every layer off the barycentre
    // measures π/2 − atan(0.5) (Keras convention, tilt along the second axis); the barycentre layer
    // measures π/2; the mean is weighted by z + 0.5. Second event empty.
    let (nx, ny, nz) = (9, 21, 11)
    var cells = [Float](repeating: 0, count: 2 * nx * ny * nz)
    for z in 0..<nz {
      let y = 10 + (z - 5) / 2
      if (z - 5) % 2 == 0 { cells[((4 * ny) + y) * nz + z] = 1 }
    }
    let image = try Tensor(cells, shape: [2, 1, nx, ny, nz])
    let angle: [Float] = try PhysicsHeads.ecalAngle(image, power: 0.85).toArray()
    let tilted = Double.pi / 2 - Foundation.atan(0.5)
    let expected = ((1.5 + 3.5 + 7.5 + 9.5) * tilted + 5.5 * Double.pi / 2) / 27.5
    #expect(isClose(Double(angle[0]), expected, relative: 1e-5))
    #expect(angle[1] == 100)
    let sums: [Float] = try PhysicsHeads.ecalSum(image, power: 0.85).toArray()
    #expect(sums == [5, 0])
  }
}
