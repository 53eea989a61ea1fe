using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// Another instance of the app on an existing app's database (issue 18): its own host, service provider and singletons,
/// as a second process behind the load balancer would have. Dispose it with <c>await using</c>: that stops the host and
/// leaves the shared database alone (only the first app's fixture deletes it). The test server has no client address;
/// a request here may give one in <see cref="ClientAddressHeader"/>, as the connection's address.
/// </summary>
public sealed class SecondInstance(AppFactory first, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? slowSharesEntered = null) : AppFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public override string Provider => first.Provider;

    protected override string ConnectionString => first.DatabaseConnection;

    protected override bool Demo => false; // the data is already there

    protected override IReadOnlyDictionary<string, string> ExtraSettings => settings ?? new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddressFilter>();
            if (slowSharesEntered is { } pause)
            {
                services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IDbCommandInterceptor>(new SlowSharesEntered(pause));
            }
        });
    }

    /// <summary>Waits after each statement on entered key shares (write, read), inside its transaction: the window two instances could race in.</summary>
    private sealed class SlowSharesEntered(TimeSpan pause) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            await PauseAfter(command, cancellationToken);
            return result;
        }

        public override async ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await PauseAfter(command, cancellationToken);
            return result;
        }

        private Task PauseAfter(System.Data.Common.DbCommand command, CancellationToken cancellationToken) =>
            command.CommandText.Contains("ballot_key_custody", StringComparison.Ordinal)
            && command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => Equals(p.Value, "entered"))
                ? Task.Delay(pause, cancellationToken)
                : Task.CompletedTask;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers[ClientAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return following(context);
            });
            next(app);
        };
    }
}
