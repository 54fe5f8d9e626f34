internal import CLinuxSupport
public import Foundation

extension Process {
    /// How the process ended, or `nil` while it runs.
    ///
    /// Foundation learns that a child ended when a socket the child inherited closes; a
    /// grandchild left behind (a plugin's, a crash reporter) can hold that socket open for
    /// as long as it lives, so `isRunning` and `waitUntilExit()` wait for it too. This asks
    /// the kernel instead (`waitid` with `WNOWAIT`, which leaves the reaping to Foundation),
    /// and Foundation once Foundation has reaped the child.
    public var end: (signal: Int32?, status: Int32)? {
        var signal: Int32 = 0, status: Int32 = 0
        switch gloss_child_ended(processIdentifier, &signal, &status) {
        case 1: return (signal == 0 ? nil : signal, status)
        case 0: return nil
        default:
            if isRunning { return nil }
            return (terminationReason == .uncaughtSignal ? terminationStatus : nil, terminationStatus)
        }
    }
}
