/// Numerical quadrature for table building.
enum Integration {
  /// Composite Simpson rule with an even number of intervals.
  static func simpson(from a: Double, to b: Double, intervals n: Int, _ f: (Double) -> Double) -> Double {
    guard b > a else { return 0 }
    let m = n % 2 == 0 ? n : n + 1
    let h = (b - a) / Double(m)
    var sum = f(a) + f(b)
    for i in 1..<m { sum += f(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
    return sum * h / 3
  }
}
