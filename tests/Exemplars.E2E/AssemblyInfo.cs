// Each test class starts its own app and Chromium; on a two-core machine running them side by side starves the
// browsers (a sign-in once took over 30 s in CI). One class at a time keeps every wait honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
