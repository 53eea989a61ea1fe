using System.Security.Cryptography.X509Certificates;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// The Data Protection key ring (cookies, antiforgery tokens, bearer and refresh tokens) lives in the application
/// database, table <c>data_protection_keys</c>, under one application name, so a token one instance issues is accepted
/// by every other instance on the same database, and a restart or a new container keeps everyone signed in (ADR 033).
/// Where <c>DataProtection:Certificate:Path</c> names a PKCS#12 file (with its private key), the keys are encrypted at
/// rest with it; <c>DataProtection:PreviousCertificates</c> lists retired certificates still needed to read older keys.
/// </summary>
public static class SharedDataProtection
{
    public const string ApplicationName = "Exemplars";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        var path = configuration["DataProtection:Certificate:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return services;
        }

        var current = Load(path, configuration["DataProtection:Certificate:Password"], "DataProtection:Certificate:Path");
        var previous = configuration.GetSection("DataProtection:PreviousCertificates").GetChildren()
            .Select(c => Load(c["Path"] ?? string.Empty, c["Password"], "DataProtection:PreviousCertificates"))
            .ToArray();
        protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        return services;
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: không tìm thấy tệp chứng thư '{path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"{setting}: không đọc được chứng thư '{path}' (sai mật khẩu hoặc không phải tệp PKCS#12).", ex);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{setting}: chứng thư '{path}' không có khóa riêng, không dùng để bảo vệ khóa được.");
    }
}
