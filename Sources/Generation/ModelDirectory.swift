public import Core
public import Foundation
public import Models

/// A trained model on disk: `generator.safetensors` (weights and batch-norm statistics), `config.json`
/// (the `GANConfig` of the generator) and `model-card.json` (`ModelCard`).
///
/// ```swift
/// try ModelDirectory.write(weights: checkpoint/"generator.safetensors", model: config, card: card, to: dir)
/// let gan = try GANGenerator(directory: dir)
/// ```
public enum ModelDirectory {
  /// File names inside a model directory.
  public static let weightsFile = "generator.safetensors"
  public static let configFile = "config.json"
  public static let cardFile = "model-card.json"

  /// Writes a model directory atomically (Core's `AtomicFile(directory:)`): a hidden temporary folder
  /// renamed into place, so `destination` is either the previous directory or the complete new one.
  ///
  /// - Parameters:
  ///   - weights: The generator's `.safetensors` file (for example a checkpoint's).
  ///   - model: The generator architecture.
  ///   - card: The model card.
  ///   - destination: The model directory.
  /// - Throws: `GenerationError.modelDirectory` naming the folder.
  public static func write(weights: URL, model: GANConfig, card: ModelCard, to destination: URL)
    throws(GenerationError)
  {
    do {
      let folder = try AtomicFile(directory: destination)
      do {
        let t = folder.temporary
        try FileManager.default.copyItem(at: weights, to: t.appendingPathComponent(weightsFile))
        try encoder.encode(model).write(to: t.appendingPathComponent(configFile))
        try encoder.encode(card).write(to: t.appendingPathComponent(cardFile))
        try folder.commit()
      } catch {
        folder.discard()
        throw error
      }
    } catch let error as any CaloTwinError {
      throw GenerationError(
        .modelDirectory, "cannot write the model directory: \(error.report)", context: destination.path)
    } catch {
      throw GenerationError(
        .modelDirectory, "cannot write the model directory: \(error.localizedDescription)",
        context: destination.path)
    }
  }

  /// Reads `config.json` and `model-card.json` of a model directory.
  ///
  /// - Throws: `GenerationError.modelDirectory` naming the missing or corrupt file.
  public static func read(_ directory: URL) throws(GenerationError) -> (model: GANConfig, card: ModelCard) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw GenerationError(
        .modelDirectory,
        "no model directory here; give the <output>/model folder a `calotwin train` run wrote",
        context: directory.path)
    }
    let model: GANConfig = try decode(directory, configFile)
    let card: ModelCard = try decode(directory, cardFile)
    guard card.format == ModelCard.currentFormat else {
      throw GenerationError(
        .modelDirectory,
        "model card format '\(card.format)' is not '\(ModelCard.currentFormat)'; re-export the model",
        context: directory.appendingPathComponent(cardFile).path)
    }
    guard card.cellShape == model.imageShape else {
      throw GenerationError(
        .modelDirectory,
        "cellShape \(card.cellShape) of the card differs from imageShape \(model.imageShape) of \(configFile)",
        context: directory.appendingPathComponent(cardFile).path)
    }
    return (model, card)
  }

  static func decode<T: Decodable>(_ directory: URL, _ name: String) throws(GenerationError) -> T {
    let url = directory.appendingPathComponent(name)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw GenerationError(
        .modelDirectory, "\(name) is missing or unreadable; the model directory is incomplete",
        context: url.path)
    }
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch {
      throw GenerationError(.modelDirectory, "\(name) is corrupt: \(error)", context: url.path)
    }
  }

  static var encoder: JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys]
    return e
  }
}
