// BIO labels over the four classes of the training data, and the Viterbi decoder that never
// produces an illegal sequence (I-X only after B-X or I-X).
//
// SPDX-License-Identifier: Apache-2.0

/// The kinds of entity in the training data. Only the first three are emitted.
public enum EntityClass: Int, Sendable, CaseIterable {
    case person = 0, organization, location, miscellaneous

    /// The `type` the plugin emits, nil for miscellaneous.
    public var annotationType: String? {
        switch self {
        case .person: "person"
        case .organization: "organization"
        case .location: "location"
        case .miscellaneous: nil
        }
    }

    /// The CoNLL name (PER, ORG, LOC, MISC).
    public var conllName: String { ["PER", "ORG", "LOC", "MISC"][rawValue] }
}

/// Label numbers: 0 is O, 1 + 2c is B of class c, 2 + 2c is I of class c.
public enum EntityLabel {
    public static let count = 1 + 2 * EntityClass.allCases.count
    public static let outside = 0

    public static func begin(_ entityClass: EntityClass) -> Int { 1 + 2 * entityClass.rawValue }
    public static func inside(_ entityClass: EntityClass) -> Int { 2 + 2 * entityClass.rawValue }
    public static func entityClass(of label: Int) -> EntityClass? { label == 0 ? nil : EntityClass(rawValue: (label - 1) / 2) }
    public static func isBegin(_ label: Int) -> Bool { label % 2 == 1 }

    /// Whether `label` may follow `previous` (nil: the sentence start).
    public static func allowed(_ previous: Int?, _ label: Int) -> Bool {
        guard label != 0, !isBegin(label) else { return true }
        guard let previous, previous != 0 else { return false }
        return entityClass(of: previous) == entityClass(of: label)
    }

    public static func name(_ label: Int) -> String {
        guard let entityClass = entityClass(of: label) else { return "O" }
        return (isBegin(label) ? "B-" : "I-") + entityClass.conllName
    }
}

/// Viterbi decoding over first-order label transitions.
struct ViterbiDecoder {
    private var scores: [Int32] = []
    private var backPointers: [UInt8] = []

    /// The best label sequence for `count` tokens. `emission(t, l)` is stored in
    /// `emissions[t * L + l]`; `transitions[(p + 1) * L + l]` scores label l after p, with row 0
    /// for the sentence start. Illegal transitions are never taken.
    mutating func decode(emissions: UnsafeBufferPointer<Int32>, count: Int, transitions: UnsafeBufferPointer<Int32>, into path: inout [Int]) {
        let labels = EntityLabel.count
        path.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        scores.removeAll(keepingCapacity: true)
        scores.append(contentsOf: repeatElement(0, count: count * labels))
        backPointers.removeAll(keepingCapacity: true)
        backPointers.append(contentsOf: repeatElement(0, count: count * labels))
        let forbidden = Int32.min / 4
        for label in 0..<labels {
            scores[label] = EntityLabel.allowed(nil, label) ? emissions[label] &+ transitions[label] : forbidden
        }
        for position in 1..<count {
            let row = position * labels, previousRow = row - labels
            for label in 0..<labels {
                var best = forbidden
                var bestPrevious = 0
                for previous in 0..<labels where EntityLabel.allowed(previous, label) {
                    let score = scores[previousRow + previous] &+ transitions[(previous + 1) * labels + label]
                    if score > best { best = score; bestPrevious = previous }
                }
                scores[row + label] = best == forbidden ? forbidden : best &+ emissions[row + label]
                backPointers[row + label] = UInt8(bestPrevious)
            }
        }
        var bestLabel = 0
        let lastRow = (count - 1) * labels
        for label in 1..<labels where scores[lastRow + label] > scores[lastRow + bestLabel] { bestLabel = label }
        path.append(contentsOf: repeatElement(0, count: count))
        path[count - 1] = bestLabel
        var position = count - 1
        while position > 0 {
            bestLabel = Int(backPointers[position * labels + bestLabel])
            position -= 1
            path[position] = bestLabel
        }
    }
}
