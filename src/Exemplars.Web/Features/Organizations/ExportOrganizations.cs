using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// The organisations the caller can see, as XLSX in the import layout with each one's version, so an export can be edited
/// and imported back (a changed row must carry the version it was exported with, ADR 012). Streamed through
/// <see cref="XlsxStreamWriter"/>, refused beyond <see cref="ExportLimits.MaxRows"/> rows.
/// </summary>
public static class ExportOrganizations
{
    public sealed class Handler(AppDbContext db, CurrentUser user, ExportLimits limits)
    {
        public async Task<Result<Stream>> Handle(CancellationToken cancellationToken)
        {
            var maxRows = limits.MaxRows;
            var rows = db.Organizations.AsNoTracking().InScopeOf(user)
                .OrderBy(o => o.Code)
                .Select(o => new { o.Code, o.Name, o.Kind, o.HostUnitType, ParentCode = o.Parent == null ? null : o.Parent.Code, o.Address, o.IsActive, o.Version })
                .Take(maxRows + 1).AsAsyncEnumerable();
            return await XlsxStreamWriter.WriteAsync(
                [.. OrganizationSheet.ImportHeaders, OrganizationSheet.Active, Common.ImportVersions.Header],
                rows,
                r => [r.Code, r.Name, r.Kind.Label(), r.HostUnitType?.Label(), r.ParentCode, r.Address, r.IsActive ? "Có" : "Không", r.Version.ToString()],
                maxRows,
                cancellationToken);
        }

        public static byte[] Template() => Spreadsheet.Write(
            OrganizationSheet.ImportHeaders,
            [
                ["CS999", "Chi bộ Công ty TNHH Ví dụ", OrganizationKind.Grassroots.Label(), HostUnitType.PrivateEnterprise.Label(), "DUK", "Số 1 đường Ví Dụ"],
            ]);
    }
}
