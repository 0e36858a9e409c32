// The fixture loaders and helpers shared with the other V2-style family's tests.
@_exported import V2StyleTestSupport
