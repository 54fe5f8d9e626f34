/// Orders plugins so that each runs after the plugins it requires.
///
/// Kahn's algorithm with ties broken by id, so the order is the same on every run
/// whatever order the files were found in.
public enum DependencyOrder {
    /// Why a plugin cannot run.
    public struct Refusal: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A requirement is not loaded, or was itself refused.
            case missingRequirement
            /// It lies on a dependency cycle or depends on one.
            case cycle
        }
        public var kind: Kind
        public var reason: String
    }

    /// The outcome: the ids in run order, and the ids that cannot run with the reason.
    public struct Outcome: Sendable, Equatable {
        public var order: [String]
        public var refused: [String: Refusal]
    }

    /// Orders `requirements` (plugin id → ids it requires).
    ///
    /// A plugin is refused when a requirement is not among the keys, when it sits on a
    /// dependency cycle, or when something it requires was refused.
    public static func resolve(_ requirements: [String: [String]]) -> Outcome {
        var refused: [String: Refusal] = [:]

        // Missing requirements, propagated until nothing changes.
        var changed = true
        while changed {
            changed = false
            for (id, needs) in requirements.sorted(by: { $0.key < $1.key }) where refused[id] == nil {
                if let missing = needs.first(where: { requirements[$0] == nil }) {
                    refused[id] = Refusal(kind: .missingRequirement, reason: "it requires \(missing), which is not loaded; install that plugin or remove \(id)")
                    changed = true
                } else if let broken = needs.first(where: { refused[$0] != nil }) {
                    refused[id] = Refusal(kind: .missingRequirement, reason: "it requires \(broken), which was refused")
                    changed = true
                }
            }
        }

        var remaining = requirements.filter { refused[$0.key] == nil }
        var order: [String] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { entry in entry.value.allSatisfy { !remaining.keys.contains($0) } }
                .keys.sorted()
            guard let next = ready.first else { break }
            order.append(next)
            remaining[next] = nil
        }

        // Whatever is left lies on a cycle or depends on one.
        for id in remaining.keys.sorted() {
            if let cycle = cycle(from: id, in: remaining) {
                refused[id] = Refusal(kind: .cycle, reason: "its requirements form a cycle: \(cycle.joined(separator: " → ")); remove one of these requirements")
            } else {
                refused[id] = Refusal(kind: .cycle, reason: "it requires a plugin that lies on a dependency cycle")
            }
        }
        return Outcome(order: order, refused: refused)
    }

    /// A path from `start` back to itself, if `start` lies on a cycle.
    private static func cycle(from start: String, in graph: [String: [String]]) -> [String]? {
        var path = [start]
        var visited: Set<String> = [start]
        func walk(_ node: String) -> [String]? {
            for next in (graph[node] ?? []).sorted() where graph[next] != nil {
                if next == start { return path + [start] }
                if visited.insert(next).inserted {
                    path.append(next)
                    if let found = walk(next) { return found }
                    path.removeLast()
                }
            }
            return nil
        }
        return walk(start)
    }
}
