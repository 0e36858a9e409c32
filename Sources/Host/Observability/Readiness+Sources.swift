extension Readiness {
    /// The readiness the service's own sources give: connected when a feed connection is open,
    /// the sync lag and last error from sync's status.
    public init(feed: FeedStats.Snapshot, millisSinceLastMessage: UInt64?, sync: SyncStatus.Reading, engineRunning: Bool,
                limits: Limits) {
        self.init(feedConnected: feed.connectionsOpen > 0, millisSinceLastMessage: millisSinceLastMessage, syncLag: sync.lag,
                  syncError: sync.lastError, engineRunning: engineRunning, limits: limits)
    }
}
