// One training step of the 3DGAN (faithful by default), timed. Prints one JSON line.
// Usage: TrainStepBench [--batch 16] [--threads 2] [--steps 2] [--warmup 1] [--preset faithful]
import Foundation
import Models
import Torch
import Training

var options = ["batch": "16", "threads": "2", "steps": "2", "warmup": "1", "preset": "faithful"]
var arguments = CommandLine.arguments.dropFirst()
while let key = arguments.popFirst(), key.hasPrefix("--"), let value = arguments.popFirst() {
  options[String(key.dropFirst(2))] = value
}
let batchSize = Int(options["batch"]!)!
var config = TrainingConfig()
config.model = GANConfig(preset: GANConfig.Preset(rawValue: options["preset"]!)!)
config.batchSize = batchSize
config.threads = Int(options["threads"]!)!
config.preprocessing.angleLabel = .measured
let trainer = try GANTrainer(config: config)

// A batch of toy showers, pre-processed as in training.
var stream = try ShowerStream(
  sources: [
    InMemoryShowerSource(SyntheticShowers.make(count: batchSize * 2, shape: config.model.imageShape))
  ],
  config: {
    var c = config; c.data.validationFraction = 0; c.preprocessing.minTotalDepositMeV = 0;
    c.data.shuffleBuffer = batchSize; return c
  }())
var batch: PreparedBatch?
try stream.forEachBatch(epoch: 0, part: .training) {
  batch = $0; return false
}
let prepared = batch!
_ = stream

var times: [Double] = []
let warmup = Int(options["warmup"]!)!
for i in 0..<(warmup + Int(options["steps"]!)!) {
  let start = DispatchTime.now().uptimeNanoseconds
  _ = try trainer.train(on: prepared)
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  if i >= warmup { times.append(seconds) }
}
let sorted = times.sorted()
print(
  "{\"impl\":\"swift\",\"preset\":\"\(options["preset"]!)\",\"batch\":\(batchSize),\"threads\":\(Torch.threadCount),"
    + "\"median_s\":\(sorted[sorted.count / 2]),\"times_s\":\(times)}")
