/// XXH64 (seed 0), the checksum ROOT stores before each LZ4 block (root-format.md §5).
///
/// A direct transcription of the published algorithm (Yann Collet's xxHash specification).
enum XXH64 {
  private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

  private static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
    var acc = acc &+ lane &* p2
    acc = (acc << 31) | (acc >> 33)
    return acc &* p1
  }

  private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    (acc ^ round(0, value)) &* p1 &+ p4
  }

  private static func le64(_ b: ArraySlice<UInt8>, _ i: Int) -> UInt64 {
    var v: UInt64 = 0
    for k in (0..<8).reversed() { v = v << 8 | UInt64(b[i + k]) }
    return v
  }

  private static func le32(_ b: ArraySlice<UInt8>, _ i: Int) -> UInt64 {
    var v: UInt64 = 0
    for k in (0..<4).reversed() { v = v << 8 | UInt64(b[i + k]) }
    return v
  }

  /// The 64-bit hash of `data` with seed 0.
  static func hash(_ data: ArraySlice<UInt8>) -> UInt64 {
    var i = data.startIndex
    let end = data.endIndex
    var h: UInt64
    if data.count >= 32 {
      var v1 = p1 &+ p2
      var v2 = p2
      var v3: UInt64 = 0
      var v4: UInt64 = 0 &- p1
      while end - i >= 32 {
        v1 = round(v1, le64(data, i))
        v2 = round(v2, le64(data, i + 8))
        v3 = round(v3, le64(data, i + 16))
        v4 = round(v4, le64(data, i + 24))
        i += 32
      }
      h =
        ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52))
        &+ ((v4 << 18) | (v4 >> 46))
      h = merge(h, v1)
      h = merge(h, v2)
      h = merge(h, v3)
      h = merge(h, v4)
    } else {
      h = p5
    }
    h = h &+ UInt64(data.count)
    while end - i >= 8 {
      h ^= round(0, le64(data, i))
      h = ((h << 27) | (h >> 37)) &* p1 &+ p4
      i += 8
    }
    if end - i >= 4 {
      h ^= le32(data, i) &* p1
      h = ((h << 23) | (h >> 41)) &* p2 &+ p3
      i += 4
    }
    while i < end {
      h ^= UInt64(data[i]) &* p5
      h = ((h << 11) | (h >> 53)) &* p1
      i += 1
    }
    h ^= h >> 33
    h = h &* p2
    h ^= h >> 29
    h = h &* p3
    h ^= h >> 32
    return h
  }
}
