using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 18, point 1 (ADR 033): the Data Protection key ring is in the application database, so every instance on it —
/// and the same instance after a restart — reads cookies, antiforgery and bearer tokens the others issued; keys are
/// encrypted at rest with a configured certificate. (Two processes behind nginx: <see cref="ClusterTests"/>.)
/// </summary>
public abstract class SharedKeysTests(AppFactory app)
{
    [Fact]
    public async Task The_key_ring_is_in_the_database()
    {
        var client = await app.SignedInAs("tgdv@demo.vn"); // the factory keeps and disposes its signed-in clients
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var keys = await app.WithDb(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<key ", xml, StringComparison.Ordinal));
    }
}

[Collection(SqliteApp.Name)]
public sealed class SharedKeysTests_Sqlite(SqliteAppFactory app) : SharedKeysTests(app);

[Collection(PostgresApp.Name)]
public sealed class SharedKeysTests_Postgres(PostgresAppFactory app) : SharedKeysTests(app);

/// <summary>The app with <c>DataProtection:Certificate:Path</c> set to a throwaway PKCS#12 file.</summary>
public sealed class CertificateKeysFactory : SqliteAppFactory
{
    public static readonly string Pfx = Path.Combine(Path.GetTempPath(), $"exemplars-dp-{Guid.NewGuid():N}.pfx");

    public const string Password = "mat-khau-chung-thu";

    public CertificateKeysFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Exemplars Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(Pfx, certificate.Export(X509ContentType.Pfx, Password));
    }

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["DataProtection:Certificate:Path"] = Pfx,
        ["DataProtection:Certificate:Password"] = Password,
    };
}

public sealed class CertificateKeysTests(CertificateKeysFactory app) : IClassFixture<CertificateKeysFactory>
{
    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sign_in_still_works()
    {
        var client = await app.SignedInAs("tgdv@demo.vn"); // the factory keeps and disposes its signed-in clients
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var keys = await app.WithDb(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // the secret is never stored in clear
        });
    }

    [Theory]
    [InlineData("/khong/co/tep.pfx", null, "không tìm thấy tệp chứng thư")]
    [InlineData(null, "sai-mat-khau", "sai mật khẩu")]
    public void A_missing_or_unreadable_certificate_stops_the_start(string? path, string? password, string complaint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = path ?? CertificateKeysFactory.Pfx,
            ["DataProtection:Certificate:Password"] = password ?? CertificateKeysFactory.Password,
        }).Build();
        var error = Record.Exception(() => new ServiceCollection().AddSharedDataProtection(configuration));
        Assert.Contains(complaint, Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
    }
}

/// <summary>Settings that would let several instances disagree stop the start (ADR 033).</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void Several_instances_need_PostgreSQL_and_one_shared_custody_key()
    {
        var onSqlite = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Enabled"] = "true", ["Database:Provider"] = "Sqlite" }).Build();
        Assert.Contains("Database:Provider=Postgres", Assert.Throws<InvalidOperationException>(() => Exemplars.Web.Infrastructure.Data.ChangeBroadcast.Validate(onSqlite)).Message, StringComparison.Ordinal);

        var noKey = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Enabled"] = "true", ["Database:Provider"] = "Postgres" }).Build();
        Assert.Contains("Ballots:CustodyKey", Assert.Throws<InvalidOperationException>(() => new Exemplars.Web.Infrastructure.Crypto.BallotCustodyKey(noKey)).Message, StringComparison.Ordinal);

        var single = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" }).Build();
        Exemplars.Web.Infrastructure.Data.ChangeBroadcast.Validate(single);
        Assert.False(new Exemplars.Web.Infrastructure.Crypto.BallotCustodyKey(single).Configured); // one instance: a key drawn at start, as before
    }
}
