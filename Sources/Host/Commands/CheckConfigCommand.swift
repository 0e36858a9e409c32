import ArgumentParser

/// `mevbot check-config`: loads dex.yaml and prints what it resolves to, or every error in it.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a dex.yaml and print its plugins, routers, pools and tokens.",
        discussion: """
            Exit status 0 when the file is valid, with the resolved config on stdout. Exit status 1
            otherwise, with one line per error on stderr: file: entry: field: message.
            """
    )

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    func run() throws {
        do {
            let loaded = try ConfigLoader().load(path: config)
            for line in ConfigReport.lines(loaded) { print(line) }
        } catch {
            for line in error.errors { printToStandardError(line.description) }
            throw ExitCode(1)
        }
    }
}
