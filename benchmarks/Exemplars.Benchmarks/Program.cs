using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Exemplars.Benchmarks.RatingImportBenchmark).Assembly).Run(args);
