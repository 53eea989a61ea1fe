using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// The organisations the caller can see, as XLSX in the import layout with each one's version, so an export can be edited
/// and imported back (a changed row must carry the version it was exported with, ADR 012).
/// </summary>
public static class ExportOrganizations
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<byte[]> Handle(CancellationToken cancellationToken)
        {
            var rows = await db.Organizations.InScopeOf(user)
                .OrderBy(o => o.Code)
                .Select(o => new { o.Code, o.Name, o.Kind, o.HostUnitType, ParentCode = o.Parent == null ? null : o.Parent.Code, o.Address, o.IsActive, o.Version })
                .ToListAsync(cancellationToken);
            return Spreadsheet.Write(
                [.. OrganizationSheet.ImportHeaders, OrganizationSheet.Active, Common.ImportVersions.Header],
                rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, r.Kind.Label(), r.HostUnitType?.Label(), r.ParentCode, r.Address, r.IsActive ? "Có" : "Không", r.Version.ToString()]));
        }

        public static byte[] Template() => Spreadsheet.Write(
            OrganizationSheet.ImportHeaders,
            [
                ["CS999", "Chi bộ Công ty TNHH Ví dụ", OrganizationKind.Grassroots.Label(), HostUnitType.PrivateEnterprise.Label(), "DUK", "Số 1 đường Ví Dụ"],
            ]);
    }
}
