/// Converts UTF-8 byte offsets of a text into Unicode scalar offsets.
///
/// Plugins report UTF-8 byte offsets; result files count code points. Building the map
/// costs one pass over the text and stores a scalar count every `stride` bytes, so a
/// lookup scans at most `stride` bytes and a 16 MiB text needs 1 MiB of checkpoints.
public struct UTF8OffsetMap: Sendable {
    private let bytes: [UInt8]
    private let checkpoints: [Int]
    private static let stride = 128

    public init(text: String) {
        bytes = Array(text.utf8)
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        for (offset, byte) in bytes.enumerated() {
            if offset % Self.stride == 0 { checkpoints.append(scalars) }
            if !Self.isContinuation(byte) { scalars += 1 }
        }
        if bytes.count % Self.stride == 0 { checkpoints.append(scalars) }
        self.checkpoints = checkpoints
    }

    /// The text's length in UTF-8 bytes.
    public var byteCount: Int { bytes.count }

    /// Whether `offset` falls between two characters (or at either end of the text).
    public func isCharacterBoundary(_ offset: Int) -> Bool {
        guard offset >= 0, offset <= bytes.count else { return false }
        return offset == bytes.count || !Self.isContinuation(bytes[offset])
    }

    /// The number of scalars before byte `offset`; `offset` must be a character boundary.
    public func scalarOffset(ofByte offset: Int) -> Int {
        precondition(isCharacterBoundary(offset), "byte offset \(offset) is not a character boundary")
        let block = offset / Self.stride
        var scalars = checkpoints[block]
        var index = block * Self.stride
        while index < offset {
            if !Self.isContinuation(bytes[index]) { scalars += 1 }
            index += 1
        }
        return scalars
    }

    /// The text between two byte offsets, both character boundaries.
    public func text(fromByte start: Int, toByte end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
