namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>One app per provider, shared by every integration test class of that provider; tests use their own data.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteApp : ICollectionFixture<SqliteAppFactory>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresApp : ICollectionFixture<PostgresAppFactory>
{
    public const string Name = "postgres";
}

/// <summary>The app on a real Kestrel socket (SQLite, demo data): what the in-memory test server does not do — body size limits, client addresses, a reverse proxy in front.</summary>
[CollectionDefinition(Name)]
public sealed class KestrelApp : ICollectionFixture<KestrelAppFactory>
{
    public const string Name = "kestrel";
}
