// libFuzzer target: the mortality-table CSV reader on arbitrary text, with and without a sex.
// Any error it throws is a correct answer; a crash, a trap or a hang is a finding.
import PensiunActuarial

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMortalityCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? MortalityTable.parseCSV(text, file: "fuzz.csv", sex: nil)
    _ = try? MortalityTable.parseCSV(text, file: "fuzz.csv", sex: .female)
    return 0
}
