import Testing
@testable import PensiunRandom

@Suite struct SeedTests {
    @Test func seedsDependOnlyOnMasterAndPath() {
        let a = PathSeeds(master: 2019), b = PathSeeds(master: 2019), c = PathSeeds(master: 2020)
        #expect((0..<100).map(a.seed(forPath:)) == (0..<100).map(b.seed(forPath:)))
        #expect((0..<100).map(a.seed(forPath:)) != (0..<100).map(c.seed(forPath:)))
    }

    @Test func aMillionPathsGetDistinctNonZeroSeeds() {
        let seeds = PathSeeds(master: 20_190_101)
        var all = (0..<1_000_000).map(seeds.seed(forPath:))
        #expect(!all.contains(0))
        all.sort()
        var duplicates = 0
        for i in 1..<all.count where all[i] == all[i - 1] { duplicates += 1 }
        #expect(duplicates == 0)
    }

    @Test func thePathThatWouldGetSeedZeroTakesTheUnusedPathsSeed() {
        // mix32(0) = 0, so path p = key maps to 0 and must be replaced.
        let seeds = PathSeeds(master: 1)
        #expect(PathSeeds.mix32(0) == 0)
        let path = Int(seeds.key)
        #expect(seeds.seed(forPath: path) == PathSeeds.mix32(seeds.key ^ UInt32.max))
        #expect(seeds.seed(forPath: path) != 0)
    }

    @Test func mix32IsABijectionOnASample() {
        // Distinct inputs stay distinct (a full 2^32 check is too slow for the suite).
        var outputs = Set<UInt32>()
        for x in stride(from: UInt32(0), to: 4_000_000_000, by: 4_001) { outputs.insert(PathSeeds.mix32(x)) }
        #expect(outputs.count == Int((4_000_000_000 + 4_000) / 4_001))
    }

    @Test func splitMix64MatchesItsReferenceOutput() {
        // SplitMix64 seeded with 0: the first output is 0xE220A8397B1DCDAF (Vigna's reference).
        #expect(PathSeeds.splitMix64(0) == 0xE220_A839_7B1D_CDAF)
    }
}
