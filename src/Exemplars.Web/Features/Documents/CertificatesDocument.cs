using System.IO.Compression;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>The Giấy khen of every awardee of a decision, in the order they are presented (<see cref="Ceremonies.PrintingOrder"/>): one combined PDF, or a zip of one PDF each.</summary>
public static class CertificatesDocument
{
    public sealed class Handler(AppDbContext db, CurrentUser user, Issuers.IssuerDirectory.Handler issuers, CertificatePdf pdf)
    {
        public async Task<Result<IReadOnlyList<Certificate>>> Load(int decisionId, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem sổ quyết định.");
            }

            var decision = await db.Decisions.AsNoTracking().Include(d => d.Awards).SingleOrDefaultAsync(d => d.Id == decisionId && d.Type == DocumentType.Decision, cancellationToken);
            if (decision is null)
            {
                return DomainError.NotFound("Không tìm thấy quyết định khen thưởng.");
            }

            var nominationIds = decision.Awards.Where(a => a.NominationId is not null).Select(a => a.NominationId!.Value).ToList();
            var details = await (from n in db.Nominations
                                 join o in db.Organizations on n.OrganizationId equals o.Id
                                 join p in db.People on n.PersonId equals p.Id into people
                                 from p in people.DefaultIfEmpty()
                                 where nominationIds.Contains(n.Id)
                                 select new { n.Id, Position = p == null ? null : p.Position, Unit = o.Name }).ToDictionaryAsync(x => x.Id, cancellationToken);
            var period = await db.Rounds.Where(r => r.Id == decision.RoundId).Select(r => $"giai đoạn {r.ReviewFromYear} - {r.ReviewToYear}").SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
            var reason = $"Đã có thành tích tiêu biểu, xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh {period}".Trim() + ".";
            var issuer = await issuers.BySymbol(decision.Issuer, cancellationToken);
            var bloc = issuer.Heading;
            var position = Issuers.IssuerDirectory.PositionOf(issuer, decision.Signer, decision.Date);
            var granting = GrassrootsIssuer.Upper(bloc.OrganName);
            // The printing order is the order of presentation at the ceremony (collectives, then individuals, as the
            // decision lists them): the pile comes off the printer in the order the awardees are called up (ADR 027).
            return Domain.Ceremonies.PresentationOrder.Sort(decision.Awards, a => a.PersonId is null, a => a.RecipientName).Select((a, i) =>
            {
                var detail = a.NominationId is { } id && details.TryGetValue(id, out var d) ? d : null;
                var positionAndUnit = string.Join(", ", new[] { detail?.Position, detail?.Unit != a.RecipientName ? detail?.Unit : null }.Where(s => !string.IsNullOrWhiteSpace(s)));
                return new Certificate(
                    [bloc.SuperiorLine, bloc.Name], granting, a.RecipientName, positionAndUnit, reason, decision.DocumentNumber, decision.Date,
                    RegisterNumber(decision.DocumentNumber, i + 1), issuer.Place, bloc.OnBehalf, position, decision.Signer);
            }).ToList();
        }

        /// <summary>Số vào sổ: the decision's number and the certificate's place in its list, "01-QĐ/ĐUK-003".</summary>
        public static string RegisterNumber(string decisionNumber, int position) =>
            $"{decisionNumber}-{position.ToString("000", System.Globalization.CultureInfo.InvariantCulture)}";

        public byte[] Combined(IReadOnlyList<Certificate> certificates, IProgress<int>? progress = null)
        {
            using var stream = new MemoryStream();
            pdf.Write(stream, certificates, progress);
            return stream.ToArray();
        }

        /// <summary>The zip in memory, for the page's background job, which keeps it until it is downloaded.</summary>
        public byte[] Zip(IReadOnlyList<Certificate> certificates, IProgress<int>? progress = null)
        {
            using var stream = new MemoryStream();
            WriteZip(stream, pdf, certificates, progress);
            return stream.ToArray();
        }

        /// <summary>
        /// The zip written to a temporary file instead of memory, for a response that sends it once: the stream reads it
        /// from the start, and the file is gone when the stream is disposed.
        /// </summary>
        public Stream ZipFile(IReadOnlyList<Certificate> certificates, IProgress<int>? progress = null) =>
            TemporaryFile.Write(".zip", stream => WriteZip(stream, pdf, certificates, progress));
    }

    /// <summary>A zip of one PDF per certificate, "giay-khen-001.pdf" on; reports the number of files done.</summary>
    public static void WriteZip(Stream output, CertificatePdf pdf, IReadOnlyList<Certificate> certificates, IProgress<int>? progress = null)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        for (var i = 0; i < certificates.Count; i++)
        {
            var entry = zip.CreateEntry($"giay-khen-{i + 1:000}.pdf", CompressionLevel.Fastest);
            using var entryStream = entry.Open();
            pdf.Write(entryStream, [certificates[i]]);
            progress?.Report(i + 1);
        }
    }
}
