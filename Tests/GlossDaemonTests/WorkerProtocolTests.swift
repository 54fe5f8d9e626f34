import Foundation
import GlossCore
import GlossHost
@testable import GlossDaemon
import Testing

struct WorkerProtocolTests {
    @Test func aRequestSurvivesFramingWithItsExclusions() throws {
        let request = WorkerProtocol.Request(path: "/spool/تقرير\nwith newline.txt", exclusions: [
            DocumentAnalyzer.Exclusion(analyzer: "acme.geo", status: .timedOut, error: ResultError(code: "timed_out", message: "too slow")),
        ])
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(request.encoded())
        pipe.fileHandleForWriting.write(WorkerProtocol.frame(.started(analyzer: "acme.geo")))
        pipe.fileHandleForWriting.write(WorkerProtocol.frame(.result(Data("{\"x\": 1}\n".utf8), summary: .init(status: "partial", annotations: 12))))
        pipe.fileHandleForWriting.write(WorkerProtocol.frame(.result(Data("{}".utf8), summary: nil)))
        pipe.fileHandleForWriting.write(WorkerProtocol.frame(.upToDate))
        try pipe.fileHandleForWriting.close()
        let reader = WorkerProtocol.FrameReader(handle: pipe.fileHandleForReading)
        let first = try #require(reader.next())
        #expect(first.tag == "J")
        #expect(WorkerProtocol.Request(json: try #require(first.payload)) == request)
        let second = try #require(reader.next())
        #expect(second.tag == "S" && second.argument == "acme.geo")
        let third = try #require(reader.next())
        #expect(third.tag == "R" && third.payload == Data("{\"x\": 1}\n".utf8))
        #expect(WorkerProtocol.ResultSummary(header: third.argument) == .init(status: "partial", annotations: 12))
        let fourth = try #require(reader.next())
        #expect(fourth.tag == "R" && fourth.payload == Data("{}".utf8) && WorkerProtocol.ResultSummary(header: fourth.argument) == nil)
        #expect(reader.next()?.tag == "U")
        #expect(reader.next() == nil)
    }
}
