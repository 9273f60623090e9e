internal import Core
internal import Foundation
internal import Torch

extension ClassifierTest {
  @_optimize(speed)
  static func tensor<Value: BinaryFloatingPoint>(
    _ rows: ArraySlice<(Bool, Int)>, _ x: [Value], _ y: [Value], _ d: Int
  ) throws(TorchError)
    -> (Tensor, Tensor)
  {
    var values = [Float]()
    values.reserveCapacity(rows.count * d)
    var labels = [Float]()
    for (isReference, i) in rows {
      let source = isReference ? x : y
      for a in 0..<d { values.append(Float(source[i * d + a])) }
      labels.append(isReference ? 1 : 0)
    }
    return (try Tensor(values, shape: [rows.count, d]), try Tensor(labels, shape: [rows.count, 1]))
  }

  static func train<Value: BinaryFloatingPoint>(
    _ c: Configuration, _ x: [Value], _ y: [Value], _ d: Int, _ train: [(Bool, Int)], _ test: [(Bool, Int)],
    _ valid: [(Bool, Int)], _ rng: inout SplitMix64
  ) throws(TorchError) -> Result {
    // A private generator: concurrent work on other threads cannot change the initial weights.
    try Torch.withSeed(c.seed) { () throws(TorchError) in
      try trainSeeded(c, x, y, d, train, test, valid, &rng)
    }
  }

  private static func trainSeeded<Value: BinaryFloatingPoint>(
    _ c: Configuration, _ x: [Value], _ y: [Value], _ d: Int, _ train: [(Bool, Int)], _ test: [(Bool, Int)],
    _ valid: [(Bool, Int)], _ rng: inout SplitMix64
  ) throws(TorchError) -> Result {
    var widths = [d] + Array(repeating: c.hidden, count: c.layers + 1) + [1]
    widths = Array(widths)
    var parameters: [Tensor] = []
    for k in 0..<(widths.count - 1) {
      let bound = 1 / Double(widths[k]).squareRoot()  // nn.Linear's default initialisation range
      parameters.append(try ((Tensor.rand([widths[k + 1], widths[k]]) * 2 - 1) * bound).requiringGrad())
      parameters.append(try ((Tensor.rand([widths[k + 1]]) * 2 - 1) * bound).requiringGrad())
    }
    func forward(_ input: Tensor) throws(TorchError) -> Tensor {
      var h = input
      for k in 0..<(parameters.count / 2) {
        h = try h.linear(weight: parameters[2 * k], bias: parameters[2 * k + 1])
        if k < parameters.count / 2 - 1 { h = try h.leakyRelu() }
      }
      return h
    }
    let optimizer = Adam(parameters: parameters, learningRate: c.learningRate)
    let (testX, testY) = try tensor(test[...], x, y, d)
    let (validX, _) = try tensor(valid[...], x, y, d)
    let testLabels = test.map(\.0), validLabels = valid.map(\.0)
    var best = (accuracy: -1.0, epoch: 0, test: [Double](), valid: [Double]())
    var order = train
    for epoch in 1...max(1, c.epochs) {
      order.shuffle(using: &rng)
      for start in stride(from: 0, to: order.count, by: c.batchSize) {
        let (bx, by) = try tensor(order[start..<min(order.count, start + c.batchSize)], x, y, d)
        try optimizer.zeroGrad()
        try Tensor.binaryCrossEntropyWithLogits(logits: try forward(bx), target: by).backward()
        try optimizer.step()
      }
      let (pTest, pValid) = try withNoGrad { () throws(TorchError) -> ([Double], [Double]) in
        (
          try forward(testX).sigmoid().toArray(of: Float.self).map(Double.init),
          try forward(validX).sigmoid().toArray(of: Float.self).map(Double.init)
        )
      }
      _ = testY
      let accuracy =
        zip(pTest, testLabels).reduce(0.0) { $0 + (($1.0 >= 0.5) == $1.1 ? 1 : 0) } / Double(pTest.count)
      if accuracy > best.accuracy { best = (accuracy, epoch, pTest, pValid) }
      if accuracy >= 1 { break }
    }
    let calibration = Calibration.Isotonic(scores: best.test, targets: testLabels.map { $0 ? 1 : 0 })
    let calibrated = best.valid.map { min(1 - 1e-6, max(1e-6, calibration($0))) }
    return Result(
      auc: Calibration.auc(scores: calibrated, labels: validLabels),
      jsd: Calibration.jsd(probabilities: calibrated, labels: validLabels), epoch: best.epoch,
      testAccuracy: best.accuracy)
  }
}
