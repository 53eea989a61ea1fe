using Exemplars.Domain.Documents;

namespace Exemplars.Web.Features.Issuers;

/// <summary>
/// The names of the organs as screens and messages write them (the committee running the programme, its standing
/// committee, the committee above it), from the default issuer's data; read once per request, only when asked.
/// </summary>
public static class CurrentNames
{
    public sealed class Handler(IssuerDirectory.Handler issuers)
    {
        private OrganNames? _names;

        public async Task<OrganNames> GetAsync(CancellationToken cancellationToken = default) =>
            _names ??= await issuers.DefaultNames(cancellationToken);
    }
}
