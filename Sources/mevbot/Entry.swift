import Host

/// The `mevbot` binary: everything it does lives in the Host library, so that tests and
/// benchmarks reach the same code; this only runs its command line.
@main
enum Entry {
    static func main() async {
        await MevBot.main()
    }
}
