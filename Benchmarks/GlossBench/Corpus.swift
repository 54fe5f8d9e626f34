import Foundation

/// The benchmark corpus: the `.txt` files that scripts/bench/generate-corpus.py wrote.
struct Corpus {
    struct Document {
        var name: String
        var text: String
        var bytes: Int
        var language: String
    }

    var documents: [Document]
    var bytes: Int { documents.reduce(0) { $0 + $1.bytes } }
    var megabytes: Double { Double(bytes) / 1e6 }

    init(directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        documents = try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            return Document(name: name, text: String(decoding: data, as: UTF8.self), bytes: data.count,
                            language: name.hasPrefix("ar-") ? "ar" : "en")
        }
    }

    init(documents: [Document]) { self.documents = documents }

    /// Only the documents in `language`.
    func filtered(_ language: String) -> Corpus { Corpus(documents: documents.filter { $0.language == language }) }
}
