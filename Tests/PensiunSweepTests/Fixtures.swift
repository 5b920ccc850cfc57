import PensiunTestSupport

/// The package's files and temporary folders (PensiunTestSupport's, shared with the other targets).
typealias Fixtures = TestFiles
