using BenchmarkDotNet.Running;

namespace Exemplars.Benchmarks;

/// <summary>BenchmarkDotNet's switcher over this assembly's benchmarks (named so that the tests, which reference this project, see one <c>Program</c>: the app's).</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(RatingImportBenchmark).Assembly).Run(args);
}
