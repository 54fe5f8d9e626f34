// swift-tools-version: 6.2
//
// Gloss: a text-analysis daemon with dlopen-loaded analyzer plugins.
// Imports point one way: gloss → GlossHost → GlossCore; plugins → GlossPluginABI.

import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "gloss",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
        // Plugins are dynamic libraries named libgloss-*.so so that the host
        // finds them next to the executable in a build tree.
        .executable(name: "gloss-bench", targets: ["GlossBench"]),
        .library(name: "gloss-date", type: .dynamic, targets: ["GlossDate"]),
        .library(name: "gloss-entity", type: .dynamic, targets: ["GlossEntityPlugin"]),
        .library(name: "gloss-geo", type: .dynamic, targets: ["GlossGeoPlugin"]),
        .executable(name: "gloss-train", targets: ["GlossTrain"]),
        .library(name: "gloss-example-units", type: .dynamic, targets: ["GlossExampleUnits"]),
        .library(name: "gloss-example-sentences", type: .dynamic, targets: ["GlossExampleSentences"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(
            url: "https://github.com/apple/swift-configuration", from: "1.4.0",
            traits: [.defaults, "YAML"]
        ),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The plugin contract: one C header (abi.c only satisfies SwiftPM).
        .target(name: "GlossPluginABI", path: "Sources/GlossPluginABI"),

        // OpenSSL's libcrypto (Debian: libssl-dev) for SHA-256 of inputs.
        .systemLibrary(
            name: "CLibcrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // Pure logic: documents, offsets, annotations, decoding, the result model.
        .target(name: "GlossCore", swiftSettings: strictSwift),

        // Plugins and files: dlopen, ABI checks, ordering, running, reading input, writing results.
        .target(
            name: "GlossHost",
            dependencies: [
                "GlossCore",
                "GlossPluginABI",
                "CLibcrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift
        ),

        // libsystemd (Debian: libsystemd-dev): journald and sd_notify.
        .systemLibrary(
            name: "CSystemd", pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),

        // Linux calls that Swift cannot make directly (variadic prctl and fcntl).
        .target(name: "CLinuxSupport", path: "Sources/CLinuxSupport"),

        // The service: spool watching, scheduling, worker processes, journald, sd_notify.
        .target(
            name: "GlossDaemon",
            dependencies: [
                "GlossHost",
                "GlossCore",
                "CSystemd",
                "CLinuxSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSwift
        ),

        .executableTarget(
            name: "gloss",
            dependencies: [
                "GlossDaemon",
                "GlossHost",
                "GlossCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strictSwift
        ),

        // Benchmarks are not tests: `make bench` runs this against the release build.
        .executableTarget(
            name: "GlossBench",
            dependencies: [
                "GlossHost",
                "GlossCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/GlossBench"
        ),

        // Swift helpers for analyzers: the static descriptor and emitting annotations.
        .target(name: "GlossPluginKit", dependencies: ["GlossPluginABI"], path: "Plugins/Kit", swiftSettings: strictSwift),

        // The shipped analyzers.
        .target(
            name: "GlossDate",
            dependencies: ["GlossPluginABI", "GlossPluginKit"],
            path: "Plugins/Date",
            swiftSettings: strictSwift
        ),

        // gloss.entity: the tagger, its features, the model reader, and the training code, so that
        // training and tagging share one feature extractor. The model is embedded in the library.
        .target(
            name: "GlossEntity",
            dependencies: ["GlossEntityModel"],
            path: "Plugins/Entity",
            exclude: ["Model", "Plugin", "README.md"],
            swiftSettings: strictSwift
        ),
        // The plugin's entry point, apart from GlossEntity so that tests and tools can link the
        // tagger without a second gloss_plugin_entry beside gloss.date's.
        .target(
            name: "GlossEntityPlugin",
            dependencies: ["GlossEntity", "GlossPluginABI", "GlossPluginKit"],
            path: "Plugins/Entity/Plugin",
            swiftSettings: strictSwift
        ),
        // The trained model as bytes in .rodata (`.incbin`; the assembler finds the file through
        // the header search path). SwiftPM does not track the model file: `gloss-train entity`
        // touches entity_model.c after writing it.
        .target(
            name: "GlossEntityModel",
            path: "Plugins/Entity/Model",
            exclude: ["data"],
            cSettings: [.headerSearchPath("data")]
        ),
        // gloss.geo: the gazetteer reader and the name keys (the matcher and resolver join them here),
        // with the gazetteer embedded in the library. scripts/geo/build-gazetteer.py writes the data.
        .target(
            name: "GlossGeo",
            dependencies: ["GlossGeoData", "GlossPluginKit"],
            path: "Plugins/Geo",
            exclude: ["Data", "Plugin", "README.md"],
            swiftSettings: strictSwift
        ),
        // The plugin's entry point (as GlossEntityPlugin).
        .target(
            name: "GlossGeoPlugin",
            dependencies: ["GlossGeo", "GlossPluginABI", "GlossPluginKit"],
            path: "Plugins/Geo/Plugin",
            swiftSettings: strictSwift
        ),
        // The gazetteer as bytes in .rodata (`.incbin`, as GlossEntityModel). SwiftPM does not
        // track gazetteer.bin: the build script touches geo_gazetteer.c after writing it.
        .target(
            name: "GlossGeoData",
            path: "Plugins/Geo/Data",
            exclude: ["data", "FORMAT.md", "ATTRIBUTION", "curated.tsv", "common-words.tsv", "cldr-ar-countries.tsv", "key-examples.tsv"],
            cSettings: [.headerSearchPath("data")]
        ),
        // Training and evaluating the entity model: `gloss-train entity`, `gloss-train evaluate-entity`.
        .executableTarget(
            name: "GlossTrain",
            dependencies: [
                "GlossEntity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/GlossTrain",
            swiftSettings: strictSwift
        ),

        // Example plugins that plugin authors copy.
        .target(
            name: "GlossExampleUnits",
            dependencies: ["GlossPluginABI"],
            path: "Plugins/Examples/Units",
            exclude: ["Makefile", "gloss-example-units.map"],
            publicHeadersPath: ".",  // no public headers; SwiftPM requires the setting
            cSettings: [.unsafeFlags(["-fvisibility=hidden", "-Wall", "-Wextra"])]
        ),
        .target(
            name: "GlossExampleSentences",
            dependencies: ["GlossPluginABI"],
            path: "Plugins/Examples/Sentences",
            swiftSettings: strictSwift
        ),

        // What several test targets share: running commands.
        .target(name: "GlossTestSupport", path: "Tests/GlossTestSupport", swiftSettings: strictSwift),
        .testTarget(name: "GlossCoreTests", dependencies: ["GlossCore"]),
        .testTarget(
            name: "GlossHostTests",
            dependencies: ["GlossHost", "GlossCore", "GlossPluginABI", "GlossTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "GlossDateTests", dependencies: ["GlossDate"]),
        .testTarget(name: "GlossEntityTests", dependencies: ["GlossEntity"]),
        .testTarget(name: "GlossGeoGazetteerTests", dependencies: ["GlossGeo"]),
        .testTarget(name: "GlossGeoTests", dependencies: ["GlossGeo"]),
        .testTarget(name: "GlossDaemonTests", dependencies: ["GlossDaemon", "GlossCore"]),
        .testTarget(name: "GlossPluginABITests", dependencies: ["GlossPluginABI", "GlossTestSupport"], exclude: ["abi_layout.c", "abi_c99.c"]),
        .testTarget(name: "EndToEndTests", dependencies: ["GlossCore", "GlossTestSupport"]),
        // The systemd unit, sysusers/tmpfiles, catalog, man pages and `make install` (packaging/).
        .testTarget(name: "PackagingTests", dependencies: ["GlossTestSupport"]),
    ]
)
