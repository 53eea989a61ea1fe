using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Discovery;

/// <summary>Phát hiện, bồi dưỡng: grassroots committees and the bloc's mass organisations keep their exemplars-in-the-making.</summary>
public static class DiscoveredExemplars
{
    public sealed record Command(NomineeKind Kind, int? PersonId, string? Name, string? Unit, string? Achievements);

    public sealed record Row(
        int Id, NomineeKind Kind, int? PersonId, string Name, string? Unit, string Achievements, DiscoveryStage Stage, string? NurtureNote, string RecordedBy,
        string Organization, Guid Version, OrganizationKind OrganizationKind, MassAssociation? Association, int? AssociationOrganizationId,
        DiscoverySendState SendState, string? ReturnReason);

    /// <summary>Whose records a list shows: a party committee's, or those of one association's branches and bloc association.</summary>
    public enum Source
    {
        Party,
        YouthUnion,
        Veterans,
    }

    /// <summary>What a list can be narrowed to.</summary>
    public sealed record Filter(DiscoveryStage? Stage = null, Source? Source = null, DiscoverySendState? SendState = null);

    /// <summary>The columns the list can be sorted by (name, organisation).</summary>
    public static readonly string[] SortKeys = ["ten", "to-chuc"];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Record(Command command, CancellationToken cancellationToken)
        {
            if (!DiscoveryAccess.CanRecord(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Cấp ủy cơ sở, Đoàn Thanh niên và Hội Cựu chiến binh ghi nhận gương phát hiện, bồi dưỡng.");
            }

            var errors = new List<DomainError>();
            var name = command.Name?.Trim();
            if (command.PersonId is { } personId)
            {
                name = await db.People.InScopeOf(user).Where(p => p.Id == personId).Select(p => p.FullName).SingleOrDefaultAsync(cancellationToken);
                if (name is null)
                {
                    errors.Add(DomainError.Invalid("PersonId", "Không có người này trong sổ theo dõi của đơn vị."));
                }
            }
            else if (string.IsNullOrWhiteSpace(name) || name.Length > 300)
            {
                errors.Add(DomainError.Invalid("Name", "Hãy ghi tên tập thể, cá nhân (tối đa 300 ký tự)."));
            }

            if (!Enum.IsDefined(command.Kind))
            {
                errors.Add(DomainError.Invalid("Kind", "Đối tượng phải là tập thể hoặc cá nhân."));
            }

            if (string.IsNullOrWhiteSpace(command.Achievements) || command.Achievements.Trim().Length > 4000)
            {
                errors.Add(DomainError.Invalid("Achievements", "Hãy ghi thành tích nổi bật đã phát hiện (tối đa 4000 ký tự)."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var recorder = await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Kind).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var record = new DiscoveredExemplar
            {
                OrganizationId = user.OrganizationId, Kind = command.Kind, PersonId = command.PersonId, Name = name!, Unit = string.IsNullOrWhiteSpace(command.Unit) ? null : command.Unit.Trim(),
                Achievements = command.Achievements!.Trim(), Stage = DiscoveryStage.Discovered, RecordedBy = user.Email, RecordedAtUtc = now,
            };
            record.StartRouting(recorder, user.OrganizationId, user.Email, now);
            db.DiscoveredExemplars.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return record.Id;
        }

        public async Task<Result<bool>> Nurture(int id, string? note, Guid? version, CancellationToken cancellationToken)
        {
            var record = await Visible().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (record is null || !DiscoveryAccess.CanRecord(user))
            {
                return DomainError.NotFound("Không tìm thấy bản ghi.");
            }

            if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 4000)
            {
                return DomainError.Invalid("NurtureNote", "Hãy ghi việc bồi dưỡng đã làm (tối đa 4000 ký tự).");
            }

            const string stale = DiscoveryAccess.StaleMessage;
            if (Common.Versions.Check(version, record.Version, stale) is { } refused)
            {
                return refused;
            }

            record.Stage = DiscoveryStage.Nurtured;
            record.NurtureNote = note.Trim();
            record.NurturedAtUtc ??= clock.GetUtcNow().UtcDateTime;
            record.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, stale, cancellationToken) is { } conflict ? conflict : true;
        }

        public Task<Paged<Row>> List(DiscoveryStage? stage, int page, CancellationToken cancellationToken) =>
            List(new Filter(stage), page, null, false, cancellationToken);

        /// <summary>The records, newest first unless sorted by a key of <see cref="SortKeys"/>.</summary>
        public Task<Paged<Row>> List(Filter filter, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            var records = Visible();
            if (filter.Stage is { } s)
            {
                records = records.Where(d => d.Stage == s);
            }

            records = filter.Source switch
            {
                Source.Party => records.Where(d => d.Association == null),
                Source.YouthUnion => records.Where(d => d.Association == MassAssociation.YouthUnion),
                Source.Veterans => records.Where(d => d.Association == MassAssociation.Veterans),
                _ => records,
            };
            if (filter.SendState is { } state)
            {
                records = records.Where(d => d.SendState == state);
            }

            var joined = from d in records
                         join o in db.Organizations on d.OrganizationId equals o.Id
                         select new { d, o };
            joined = (sort, descending) switch
            {
                ("ten", false) => joined.OrderBy(x => x.d.Name).ThenByDescending(x => x.d.Id),
                ("ten", true) => joined.OrderByDescending(x => x.d.Name).ThenByDescending(x => x.d.Id),
                ("to-chuc", false) => joined.OrderBy(x => x.o.Name).ThenByDescending(x => x.d.Id),
                ("to-chuc", true) => joined.OrderByDescending(x => x.o.Name).ThenByDescending(x => x.d.Id),
                _ => joined.OrderByDescending(x => x.d.Id),
            };
            return joined
                .Select(x => new Row(x.d.Id, x.d.Kind, x.d.PersonId, x.d.Name, x.d.Unit, x.d.Achievements, x.d.Stage, x.d.NurtureNote, x.d.RecordedBy, x.o.Name, x.d.Version,
                    x.o.Kind, x.d.Association, x.d.AssociationOrganizationId, x.d.SendState, x.d.ReturnReason))
                .ToPagedAsync(new PageRequest(page), cancellationToken);
        }

        private IQueryable<DiscoveredExemplar> Visible() => DiscoveryAccess.Visible(db, user);
    }
}
