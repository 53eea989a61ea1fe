namespace Exemplars.Web.Infrastructure;

/// <summary>Where the file store keeps its bytes (<c>Storage:Backend</c>, ADR 010).</summary>
public enum FileBackend
{
    /// <summary>The local folder under <c>Storage:Path</c> (the default): one instance, or a folder every instance mounts.</summary>
    Folder,

    /// <summary>The app's database: every instance on that database reaches every file.</summary>
    Database,
}

public static class FileStores
{
    public static FileBackend Backend(IConfiguration configuration)
    {
        var value = configuration["Storage:Backend"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return FileBackend.Folder;
        }

        return Enum.TryParse<FileBackend>(value, ignoreCase: true, out var backend) && Enum.IsDefined(backend)
            ? backend
            : throw new InvalidOperationException($"Storage:Backend '{value}' is not supported; use Folder or Database.");
    }

    /// <summary>Both stores (the move between them needs both); <see cref="IFileStore"/> is the configured one.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        var backend = Backend(configuration);
        services.AddSingleton<FileStorage>();
        services.AddSingleton<DatabaseFileStore>();
        services.AddSingleton<Operations.FileMove>();
        services.AddSingleton<IFileStore>(sp => backend == FileBackend.Database ? sp.GetRequiredService<DatabaseFileStore>() : sp.GetRequiredService<FileStorage>());
        return services;
    }
}
