import ArgumentParser

/// `mevbot check-config`: loads dex.yaml and prints what it resolves to, or every error in it.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a dex.yaml and print its plugins, routers, pools and tokens.",
        discussion: """
            Exit status 0 when the file is valid, with the resolved config on stdout. Exit status 1
            otherwise, with one line per error on stderr: file: entry: field: message. Parts of a
            valid file that a plugin accepts but does not serve in full (a Curve pool kind not
            priced exactly) are named on stderr as `warning: ...` lines.
            """
    )

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    func run() throws {
        for line in ConfigReport.lines(try loadConfig(path: config)) { print(line) }
    }
}
