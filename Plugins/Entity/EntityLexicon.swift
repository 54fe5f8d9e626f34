// What the tagger knows about words and phrases besides its weights: how often a word occurs
// in the training text (to tell a clitic from a word's first letter), name lists, trigger
// words, the curated lexicon, and the words and phrases the training data tags as entities.
//
// SPDX-License-Identifier: Apache-2.0

/// Packed information about one word key: bits 0–11 its frequency in the training text (capped),
/// bits 16–31 the categories below.
struct WordInfo: OptionSet, Sendable {
    let rawValue: UInt32

    static let frequencyMask: UInt32 = 0xFFF
    static let maximumFrequency = 0xFFF

    // Tagged so in the training data (as entity form, clitics stripped).
    static let trainedPerson = WordInfo(rawValue: 1 << 16)
    static let trainedOrganization = WordInfo(rawValue: 1 << 17)
    static let trainedLocation = WordInfo(rawValue: 1 << 18)
    static let trainedMiscellaneous = WordInfo(rawValue: 1 << 19)
    /// Inside an entity in more than half of its occurrences in the training data.
    static let mostlyEntity = WordInfo(rawValue: 1 << 20)
    // Name lists (AKhateeb/arabic-names) and the curated lexicon (CuratedLexicon.swift).
    static let givenName = WordInfo(rawValue: 1 << 21)
    static let familyName = WordInfo(rawValue: 1 << 22)
    static let curatedPerson = WordInfo(rawValue: 1 << 23)
    static let curatedOrganization = WordInfo(rawValue: 1 << 24)
    static let curatedLocation = WordInfo(rawValue: 1 << 25)
    // Trigger words: titles before people, heads of organization and place names.
    static let personTrigger = WordInfo(rawValue: 1 << 26)
    static let organizationTrigger = WordInfo(rawValue: 1 << 27)
    static let locationTrigger = WordInfo(rawValue: 1 << 28)
    /// Words that announce a name after them without being part of it (باسم, spokesman, …).
    static let nameAnnouncer = WordInfo(rawValue: 1 << 29)

    static let trainedCategories: WordInfo = [.trainedPerson, .trainedOrganization, .trainedLocation, .trainedMiscellaneous, .mostlyEntity]

    var frequency: Int { Int(rawValue & Self.frequencyMask) }
    /// The category bits alone, as bit numbers 16–31 (for features).
    var categoryBits: UInt32 { rawValue >> 16 }
}

/// Packed information about a phrase of two or more words (a hash of its keys).
struct PhraseInfo: OptionSet, Sendable {
    let rawValue: UInt32

    /// A longer phrase starts with these words.
    static let prefix = PhraseInfo(rawValue: 1 << 0)
    static let trainedPerson = PhraseInfo(rawValue: 1 << 1)
    static let trainedOrganization = PhraseInfo(rawValue: 1 << 2)
    static let trainedLocation = PhraseInfo(rawValue: 1 << 3)
    static let trainedMiscellaneous = PhraseInfo(rawValue: 1 << 4)
    static let curatedPerson = PhraseInfo(rawValue: 1 << 5)
    static let curatedOrganization = PhraseInfo(rawValue: 1 << 6)
    static let curatedLocation = PhraseInfo(rawValue: 1 << 7)

    static let complete: PhraseInfo = [
        .trainedPerson, .trainedOrganization, .trainedLocation, .trainedMiscellaneous,
        .curatedPerson, .curatedOrganization, .curatedLocation,
    ]
}

/// Looks words and phrases up by the hash of their keys. The model answers from its tables;
/// training answers from counts that leave out the sentence's own fold (so that a feature
/// such as "tagged as a place in the training data" is as reliable in training as on new text).
protocol EntityLexicon {
    func word(_ hash: UInt64) -> WordInfo
    func phrase(_ hash: UInt64) -> PhraseInfo
}

enum PhraseHash {
    /// The hash of a phrase, extended one word at a time from its first word's hash.
    @inline(__always)
    static func extend(_ phrase: UInt64, with word: UInt64) -> UInt64 { FeatureHash.combine(phrase ^ 0x5048_5241_5345, word) }
}
