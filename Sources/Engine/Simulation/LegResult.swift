/// What became of one leg.
public enum LegResult: Sendable, Equatable {
    /// It ran: its pools are in the pending state.
    case applied
    /// It changed nothing, for this reason.
    case failed(LegFailure)
    /// A pool it goes through is not in the engine's state (the sync will load it): not simulated.
    case unknownPool
}
