// What `dotnet new web` generates: the reference point that benchmarks/run.sh compares every app endpoint with.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello World!");

app.Run();
