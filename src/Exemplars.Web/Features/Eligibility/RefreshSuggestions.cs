using System.Text.Json;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// Keeps <see cref="SuggestionRow"/>s in step with the registry (ADR 014): processes the pending
/// <see cref="SuggestionMark"/>s, a few subjects inline when a reader asks, the rest in the background job. Subjects are
/// loaded and judged in batches, so memory stays flat whatever the size of the bloc; each batch replaces its subjects'
/// rows in one transaction, and a mark is removed only after what it asked for is written.
/// </summary>
public static class RefreshSuggestions
{
    public const int BatchSize = 2_000;

    /// <summary>What is still to do when a reader could not wait for it.</summary>
    public sealed record Pending(int Marks, bool Everything);

    /// <summary>One refresh at a time in this process (rows of a subject are replaced, never merged).</summary>
    public sealed class Gate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static readonly BulkInsert.Column<SuggestionRow>[] Columns =
    [
        new("RoundId", NpgsqlDbType.Integer, r => r.RoundId),
        new("Kind", NpgsqlDbType.Integer, r => (int)r.Kind),
        new("SubjectId", NpgsqlDbType.Integer, r => r.SubjectId),
        new("Status", NpgsqlDbType.Integer, r => (int)r.Status),
        new("OrganizationId", NpgsqlDbType.Integer, r => r.OrganizationId),
        new("Name", NpgsqlDbType.Varchar, r => r.Name),
        new("NameKey", NpgsqlDbType.Bytea, r => r.NameKey),
        new("OrganizationName", NpgsqlDbType.Varchar, r => r.OrganizationName),
        new("OrganizationKey", NpgsqlDbType.Bytea, r => r.OrganizationKey),
        new("Category", NpgsqlDbType.Varchar, r => r.Category),
        new("CategoryKey", NpgsqlDbType.Bytea, r => r.CategoryKey),
        new("Reasons", NpgsqlDbType.Text, r => r.Reasons),
        new("Generation", NpgsqlDbType.Bigint, r => r.Generation),
    ];

    public static IReadOnlyList<RuleResult> ReadReasons(string json) => JsonSerializer.Deserialize<List<RuleResult>>(json, Json) ?? [];

    public sealed class Handler(AppDbContext db, Gate gate, IConfiguration configuration, TimeProvider clock, SuggestionCounts counts, Infrastructure.Http.KeptResponses responses, Infrastructure.Data.ChangeBroadcast broadcast, ILogger<Handler> logger)
    {
        /// <summary>The advisory lock key of the suggestion refresh (any constant; only this app takes it).</summary>
        private const long ClusterLockKey = 7_312_024_018;

        /// <summary>At most this many subjects are recomputed while a reader waits ("Suggestions:InlineLimit").</summary>
        private int InlineLimit => configuration.GetValue("Suggestions:InlineLimit", 5_000);

        /// <summary>
        /// For readers: null when the rows are complete (after recomputing a few subjects now if that is all that is
        /// pending); otherwise what is still pending, for the page to say so.
        /// </summary>
        public async Task<Pending?> EnsureFreshAsync(CancellationToken cancellationToken)
        {
            if (await IsFreshAsync(cancellationToken))
            {
                return null;
            }

            if (await SubjectsPendingAsync(InlineLimit, cancellationToken) <= InlineLimit
                && await RunAsync(TimeSpan.FromSeconds(10), cancellationToken)
                && await IsFreshAsync(cancellationToken))
            {
                return null;
            }

            var state = await db.SuggestionStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var marks = await db.SuggestionMarks.Take(100_000).CountAsync(cancellationToken);
            var everything = RebuildDue(state)
                || await db.SuggestionMarks.AnyAsync(m => m.Kind == SuggestionMarkKind.All, cancellationToken);
            return new Pending(marks, everything);
        }

        public async Task<bool> IsFreshAsync(CancellationToken cancellationToken)
        {
            var state = await db.SuggestionStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            return !RebuildDue(state) && !await db.SuggestionMarks.AnyAsync(cancellationToken);
        }

        /// <summary>No complete build yet, or one sorted by another collation version (a new ICU orders differently).</summary>
        private static bool RebuildDue(SuggestionState? state) => state is null || state.SortKeyVersion != VietnameseText.SortKeyVersion;

        /// <summary>Processes every pending mark; false when another refresh held the gate longer than <paramref name="wait"/>.</summary>
        public async Task<bool> RunAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            if (!await gate.Lock.WaitAsync(wait, cancellationToken))
            {
                return false;
            }

            var acrossInstances = DatabaseSetup.Clustered(configuration) && db is PostgresAppDbContext;
            try
            {
                if (acrossInstances && !await TakeClusterLockAsync(until, cancellationToken))
                {
                    return false;
                }

                while (await StepAsync(cancellationToken))
                {
                }

                return true;
            }
            finally
            {
                if (acrossInstances)
                {
                    await ReleaseClusterLockAsync();
                }

                gate.Lock.Release();
            }
        }

        /// <summary>
        /// With several instances (ADR 033) one refresh at a time across all of them: a PostgreSQL advisory lock held on one
        /// connection kept open for the refresh (rows of a subject are replaced, never merged, so two refreshes at once would
        /// leave both sets). Tried until <paramref name="until"/>; false when another instance holds it longer.
        /// </summary>
        private async Task<bool> TakeClusterLockAsync(long until, CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            while (true)
            {
                if (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({ClusterLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
                {
                    return true;
                }

                if (System.Diagnostics.Stopwatch.GetTimestamp() >= until)
                {
                    await db.Database.CloseConnectionAsync();
                    return false;
                }

                await Task.Delay(200, cancellationToken);
            }
        }

        private async Task ReleaseClusterLockAsync()
        {
            if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock_all()", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        /// <summary>How many subjects the pending marks name, counted up to just over <paramref name="cap"/>.</summary>
        private async Task<int> SubjectsPendingAsync(int cap, CancellationToken cancellationToken)
        {
            var state = await db.SuggestionStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var marks = await db.SuggestionMarks.AsNoTracking().OrderBy(m => m.Id).Take(cap + 1).ToListAsync(cancellationToken);
            if (marks.Count > cap)
            {
                return marks.Count;
            }

            if (RebuildDue(state) || marks.Any(m => m.Kind == SuggestionMarkKind.All))
            {
                var people = await db.People.Where(p => p.IsActive).Take(cap + 1).CountAsync(cancellationToken);
                return people + await Collectives().Take(cap + 1).CountAsync(cancellationToken);
            }

            var units = marks.Where(m => m.Kind == SuggestionMarkKind.Organization).Select(m => m.SubjectId!.Value).Distinct().ToList();
            var inUnits = units.Count == 0 ? 0 : await db.People
                .Where(p => units.Contains(p.OrganizationId) || (p.LedOrganizationId != null && units.Contains(p.LedOrganizationId.Value)))
                .Take(cap + 1).CountAsync(cancellationToken);
            return marks.Count(m => m.Kind == SuggestionMarkKind.Person) + units.Count + inUnits;
        }

        /// <summary>One pass over the marks visible now; true when there may be more.</summary>
        private async Task<bool> StepAsync(CancellationToken cancellationToken)
        {
            var state = await db.SuggestionStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var marks = await db.SuggestionMarks.AsNoTracking().OrderBy(m => m.Id).Take(20_000).ToListAsync(cancellationToken);
            var everything = RebuildDue(state) || marks.Any(m => m.Kind == SuggestionMarkKind.All);
            if (!everything && marks.Count == 0)
            {
                return false;
            }

            var rounds = await RoundsAsync(cancellationToken);
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (everything)
            {
                // Every mark visible now is answered by the rebuild, which reads everything after this point.
                var all = await db.SuggestionMarks.AsNoTracking().Select(m => m.Id).ToListAsync(cancellationToken);
                var generation = (state?.Generation ?? 0) + 1;
                var subjects = await RebuildAsync(rounds, generation, cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SuggestionRows.Where(r => r.Generation < generation).ExecuteDeleteAsync(cancellationToken);
                await RemoveMarksAsync(all, cancellationToken);
                await SaveStateAsync(state, generation, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                Settled();
                logger.LogInformation("Suggestions rebuilt for {Rounds} rounds and {Subjects} subjects in {Elapsed} ms", rounds.Count, subjects, started.ElapsedMilliseconds);
                return true;
            }

            var personIds = marks.Where(m => m.Kind == SuggestionMarkKind.Person).Select(m => m.SubjectId!.Value).ToHashSet();
            var units = marks.Where(m => m.Kind == SuggestionMarkKind.Organization).Select(m => m.SubjectId!.Value).Distinct().ToList();
            foreach (var chunk in units.Chunk(500))
            {
                personIds.UnionWith(await db.People
                    .Where(p => chunk.Contains(p.OrganizationId) || (p.LedOrganizationId != null && chunk.Contains(p.LedOrganizationId.Value)))
                    .Select(p => p.Id).ToListAsync(cancellationToken));
            }

            foreach (var batch in personIds.Order().Chunk(BatchSize))
            {
                var rows = await PeopleRowsAsync(db.People.Where(p => batch.Contains(p.Id)), rounds, state!.Generation, cancellationToken);
                await ReplaceAsync(NomineeKind.Individual, batch, rows, cancellationToken);
            }

            foreach (var batch in units.Order().Chunk(BatchSize))
            {
                var rows = await CollectiveRowsAsync(Collectives().Where(o => batch.Contains(o.Id)), rounds, state!.Generation, cancellationToken);
                await ReplaceAsync(NomineeKind.Collective, batch, rows, cancellationToken);
            }

            await RemoveMarksAsync(marks.Select(m => m.Id).ToList(), cancellationToken);
            logger.LogDebug("Suggestions refreshed for {People} people and {Units} units in {Elapsed} ms", personIds.Count, units.Count, started.ElapsedMilliseconds);
            return true;
        }

        private async Task<int> RebuildAsync(IReadOnlyList<(Round Round, IReadOnlyList<NomineeCategory> Categories)> rounds, long generation, CancellationToken cancellationToken)
        {
            var subjects = 0;
            var last = 0;
            while (true)
            {
                var ids = await db.People.Where(p => p.IsActive && p.Id > last).OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }

                last = ids[^1];
                var rows = await PeopleRowsAsync(db.People.Where(p => p.Id >= ids[0] && p.Id <= last), rounds, generation, cancellationToken);
                await ReplaceAsync(NomineeKind.Individual, ids, rows, cancellationToken);
                subjects += ids.Count;
            }

            last = 0;
            while (true)
            {
                var ids = await Collectives().Where(o => o.Id > last).OrderBy(o => o.Id).Select(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }

                last = ids[^1];
                var rows = await CollectiveRowsAsync(Collectives().Where(o => o.Id >= ids[0] && o.Id <= last), rounds, generation, cancellationToken);
                await ReplaceAsync(NomineeKind.Collective, ids, rows, cancellationToken);
                subjects += ids.Count;
            }

            return subjects;
        }

        private IQueryable<Organization> Collectives() =>
            db.Organizations.Where(o => o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit);

        private async Task<IReadOnlyList<(Round Round, IReadOnlyList<NomineeCategory> Categories)>> RoundsAsync(CancellationToken cancellationToken)
        {
            var rounds = await db.Rounds.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var categories = (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken)).ToLookup(c => c.PlanId);
            return [.. rounds.Select(r => (r, (IReadOnlyList<NomineeCategory>)[.. categories[r.PlanId]]))];
        }

        private async Task<List<SuggestionRow>> PeopleRowsAsync(IQueryable<Person> source, IReadOnlyList<(Round Round, IReadOnlyList<NomineeCategory> Categories)> rounds, long generation, CancellationToken cancellationToken)
        {
            var people = await source.AsNoTracking().Where(p => p.IsActive)
                .Include(p => p.Ratings).Include(p => p.Disciplines).Include(p => p.Organization)
                .AsSplitQuery().ToListAsync(cancellationToken);
            var ledIds = people.Where(p => p.IsLeader && p.LedOrganizationId is not null).Select(p => p.LedOrganizationId!.Value).Distinct().ToList();
            var ledRatings = (await db.CollectiveRatings.AsNoTracking().Where(r => ledIds.Contains(r.OrganizationId)).ToListAsync(cancellationToken)).ToLookup(r => r.OrganizationId);
            var rows = new List<SuggestionRow>();
            foreach (var person in people)
            {
                var unit = person.Organization!.Name;
                if (person.FieldCategoryCode is null)
                {
                    rows.AddRange(rounds.Select(r => Row(r.Round.Id, NomineeKind.Individual, person.Id, SuggestionStatus.WithoutField, person.OrganizationId, person.FullName, unit, string.Empty, [], generation)));
                    continue;
                }

                var facts = RegistryFacts.ForPerson(person, person.FieldCategoryCode, person.LedOrganizationId is { } led ? ledRatings[led] : null);
                foreach (var (round, categories) in rounds)
                {
                    if (Suggestion.Reasons(facts, round, categories) is { } reasons)
                    {
                        rows.Add(Row(round.Id, NomineeKind.Individual, person.Id, SuggestionStatus.Suggested, person.OrganizationId, person.FullName, unit, facts.CategoryCode, reasons, generation));
                    }
                }
            }

            return rows;
        }

        private async Task<List<SuggestionRow>> CollectiveRowsAsync(IQueryable<Organization> source, IReadOnlyList<(Round Round, IReadOnlyList<NomineeCategory> Categories)> rounds, long generation, CancellationToken cancellationToken)
        {
            var collectives = await source.AsNoTracking().Select(o => new { o.Id, o.Name, o.HostUnitType }).ToListAsync(cancellationToken);
            var ids = collectives.Select(c => c.Id).ToList();
            var ratings = (await db.CollectiveRatings.AsNoTracking().Where(r => ids.Contains(r.OrganizationId)).ToListAsync(cancellationToken)).ToLookup(r => r.OrganizationId);
            var rows = new List<SuggestionRow>();
            foreach (var collective in collectives.Where(c => ratings.Contains(c.Id)))
            {
                var facts = RegistryFacts.ForCollective(Suggestion.CollectiveCategory(collective.HostUnitType), ratings[collective.Id]);
                foreach (var (round, categories) in rounds)
                {
                    if (Suggestion.Reasons(facts, round, categories) is { } reasons)
                    {
                        rows.Add(Row(round.Id, NomineeKind.Collective, collective.Id, SuggestionStatus.Suggested, collective.Id, collective.Name, collective.Name, facts.CategoryCode, reasons, generation));
                    }
                }
            }

            return rows;
        }

        private static SuggestionRow Row(int roundId, NomineeKind kind, int subjectId, SuggestionStatus status, int organizationId, string name, string unit, string category, IReadOnlyList<RuleResult> reasons, long generation) => new()
        {
            RoundId = roundId,
            Kind = kind,
            SubjectId = subjectId,
            Status = status,
            OrganizationId = organizationId,
            Name = name,
            NameKey = VietnameseText.SortKey(name),
            OrganizationName = unit,
            OrganizationKey = VietnameseText.SortKey(unit),
            Category = category,
            CategoryKey = VietnameseText.SortKey(category),
            Reasons = JsonSerializer.Serialize(reasons, Json),
            Generation = generation,
        };

        /// <summary>
        /// The rows are written without the change tracker, so what is kept from them is emptied here, on this instance
        /// and (with several) on the others: the counts and the kept answers (the suggestions page).
        /// </summary>
        private void Settled() => broadcast.ClearEverywhere([counts, responses]);

        /// <summary>The subjects' rows in every round become <paramref name="rows"/>, in one transaction.</summary>
        private async Task ReplaceAsync(NomineeKind kind, IReadOnlyCollection<int> subjects, IReadOnlyCollection<SuggestionRow> rows, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SuggestionRows.Where(r => r.Kind == kind && subjects.Contains(r.SubjectId)).ExecuteDeleteAsync(cancellationToken);
            await BulkInsert.RunAsync(db, "suggestion_rows", Columns, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Settled();
        }

        private async Task RemoveMarksAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
        {
            foreach (var chunk in ids.Chunk(1_000))
            {
                await db.SuggestionMarks.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        private async Task SaveStateAsync(SuggestionState? state, long generation, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (state is null)
            {
                var created = new SuggestionState { Id = 1, Generation = generation, SortKeyVersion = VietnameseText.SortKeyVersion, BuiltAtUtc = now };
                db.SuggestionStates.Add(created);
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(created).State = EntityState.Detached;
                return;
            }

            await db.SuggestionStates.Where(s => s.Id == 1).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Generation, generation).SetProperty(x => x.SortKeyVersion, VietnameseText.SortKeyVersion).SetProperty(x => x.BuiltAtUtc, now),
                cancellationToken);
        }
    }
}
