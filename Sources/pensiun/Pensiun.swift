import ArgumentParser

@main
struct Pensiun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pensiun",
        abstract: "Monte Carlo projection of a public-sector DB -> DC pension reform.",
        discussion: "Every command reads a scenario file (YAML); see docs/ and Scenarios/.",
        version: PensiunVersion.string,
        subcommands: [ESGCommand.self, LifeTableCommand.self]
    )
}
