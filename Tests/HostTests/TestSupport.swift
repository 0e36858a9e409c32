// The fixture loaders, field readers and seeded generator shared by every test target.
@_exported import TestSupport
