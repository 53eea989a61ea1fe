using System.Diagnostics;
using System.Globalization;
using Exemplars.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace Exemplars.TierGen;

/// <summary>
/// Adds a tier's rows to a database that already holds the demo bloc: grassroots organisations under the bloc (half of
/// them "Đảng bộ" with three "Chi bộ" sub-units), people in them (the first of each grassroots its leader), four yearly
/// ratings per party member, yearly collective ratings of each grassroots' party organisation and two mass organisations,
/// and nominations of people and collectives in the open interim round (draft to verified) and the 2021–2025 final round
/// (commended, not commended, proposed to the province). Ids are assigned here; secondary indexes and triggers
/// (foreign-key checks) are off during COPY and rebuilt after, then VACUUM ANALYZE. Deterministic: the same tier gives the same rows.
/// </summary>
public sealed class TierLoader(NpgsqlConnection connection, Tier tier)
{
    private readonly Random _random = new(14_2026);
    private readonly List<Org> _grassroots = [];
    private readonly List<Org> _subUnits = [];
    private readonly List<PersonRow> _people = [];
    private readonly List<(int NominationId, int Number, DateTime SubmittedAtUtc, string Snapshot)> _versions = [];

    private sealed record Org(int Id, string Code, string Name, string Host, int ParentId, string Path, int GrassrootsId);

    private sealed record PersonRow(int Id, string FullName, int OrganizationId, int GrassrootsId, bool PartyMember, string Category);

    public async Task LoadAsync()
    {
        var newGrassroots = tier.Grassroots - Tier.DemoGrassroots;
        var newPeople = tier.People - Tier.DemoPeople;
        if (newGrassroots <= 0 || newPeople <= 0)
        {
            Console.WriteLine("[tiergen] nothing to add beyond the demo bloc");
            return;
        }

        await ExecuteAsync("SET synchronous_commit = off");
        var bloc = await ScalarAsync<int>("SELECT \"Id\" FROM organizations WHERE \"Code\" = 'DUK'");
        var blocPath = await ScalarAsync<string>("SELECT \"Path\" FROM organizations WHERE \"Code\" = 'DUK'");
        var nextOrg = await ScalarAsync<int>("SELECT max(\"Id\") + 1 FROM organizations");
        var nextPerson = await ScalarAsync<int>("SELECT max(\"Id\") + 1 FROM people");
        var currentRound = await ScalarAsync<int>("SELECT r.\"Id\" FROM rounds r JOIN plans p ON p.\"Id\" = r.\"PlanId\" WHERE p.\"Code\" = '2026-2030' AND r.\"Kind\" = 'Interim'");
        var finalRound = await ScalarAsync<int>("SELECT \"Id\" FROM rounds WHERE \"Code\" = '2021-2025'");

        BuildOrganizations(newGrassroots, bloc, blocPath, nextOrg);
        BuildPeople(newPeople, nextPerson);

        // The people search's name keys (ADR 017) are kept by a trigger on people, off during COPY: filled below.
        var nameKeys = await ScalarAsync<bool>("SELECT to_regclass('person_name_keys') IS NOT NULL");
        string[] tables = ["organizations", "people", "person_ratings", "collective_ratings", "nominations", "nomination_versions", .. nameKeys ? new[] { "person_name_keys" } : []];
        var indexes = new List<string>();
        foreach (var table in tables)
        {
            indexes.AddRange(await SecondaryIndexesAsync(table));
            await ExecuteAsync($"ALTER TABLE {table} DISABLE TRIGGER ALL");
        }

        foreach (var index in indexes)
        {
            await ExecuteAsync($"DROP INDEX IF EXISTS \"{index.Split('|')[0]}\"");
        }

        await TimedAsync("organizations", CopyOrganizationsAsync);
        await TimedAsync("people", CopyPeopleAsync);
        if (nameKeys)
        {
            // What the trigger person_name_keys_keep (PersonNameKey.PostgresFill in the app) writes for each person.
            await TimedAsync("person_name_keys", () => ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO person_name_keys ("PersonId", "Position", "Key")
                SELECT p."Id", g.n::smallint, array_to_string(s.words[g.n:], ' ')
                FROM people p
                CROSS JOIN LATERAL (SELECT string_to_array(p."SearchName", ' ') AS words) s
                CROSS JOIN LATERAL generate_series(1, coalesce(cardinality(s.words), 0)) AS g(n)
                WHERE s.words[g.n] <> '' AND p."Id" >= {nextPerson}
                """)));
        }

        await TimedAsync("person_ratings", CopyPersonRatingsAsync);
        await TimedAsync("collective_ratings", CopyCollectiveRatingsAsync);
        await TimedAsync("nominations", () => CopyNominationsAsync(currentRound, finalRound));
        await TimedAsync("nomination_versions", CopyVersionsAsync);
        // The copies behind the nominations list's order (NominationListOrder) are kept by triggers, off during COPY.
        await ExecuteAsync("UPDATE nominations n SET \"RoundYear\" = r.\"LastRatingYear\", \"UnitCode\" = o.\"Code\" FROM rounds r, organizations o WHERE r.\"Id\" = n.\"RoundId\" AND o.\"Id\" = n.\"OrganizationId\"");

        var rebuild = Stopwatch.StartNew();
        foreach (var index in indexes)
        {
            await ExecuteAsync(index.Split('|', 2)[1]);
        }

        foreach (var table in tables)
        {
            await ExecuteAsync($"ALTER TABLE {table} ENABLE TRIGGER ALL");
            if (table != "person_name_keys")
            {
                await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), (SELECT max(\"Id\") FROM {table}))");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[tiergen] {indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:F1} s"));
        // The rows went in around the app: its kept suggestions (ADR 014) are rebuilt by the app from this mark.
        await ExecuteAsync("INSERT INTO suggestion_marks (\"Kind\", \"SubjectId\", \"CreatedAtUtc\") VALUES (3, NULL, now())");
        var vacuum = Stopwatch.StartNew();
        await ExecuteAsync("VACUUM (ANALYZE)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[tiergen] VACUUM ANALYZE in {vacuum.Elapsed.TotalSeconds:F1} s"));
    }

    private void BuildOrganizations(int count, int bloc, string blocPath, int nextId)
    {
        for (var i = 0; i < count; i++)
        {
            var (unit, host) = Names.HostUnit(_random);
            var large = _random.Next(2) == 0;
            var id = nextId++;
            var code = string.Create(CultureInfo.InvariantCulture, $"CS{Tier.DemoGrassroots + i + 1:D5}");
            var grassroots = new Org(id, code, (large ? "Đảng bộ " : "Chi bộ ") + unit, host, bloc, $"{blocPath}{id}/", id);
            _grassroots.Add(grassroots);
            if (large)
            {
                var cells = Names.Cells(host);
                for (var c = 0; c < cells.Length; c++)
                {
                    var cellId = nextId++;
                    _subUnits.Add(new Org(cellId, string.Create(CultureInfo.InvariantCulture, $"{code}-{c + 1:D2}"), cells[c], host, id, $"{grassroots.Path}{cellId}/", id));
                }
            }
        }
    }

    private void BuildPeople(int count, int nextId)
    {
        // Each grassroots gets its share (varying ±50 %); in a large one, people sit in its sub-units.
        var byGrassroots = _subUnits.GroupBy(s => s.GrassrootsId).ToDictionary(g => g.Key, g => g.ToArray());
        var weights = _grassroots.Select(_ => 0.5 + _random.NextDouble()).ToArray();
        var scale = count / weights.Sum();
        var left = count;
        for (var g = 0; g < _grassroots.Count && left > 0; g++)
        {
            var organization = _grassroots[g];
            var share = g == _grassroots.Count - 1 ? left : Math.Min(left, Math.Max(1, (int)Math.Round(weights[g] * scale)));
            left -= share;
            var cells = byGrassroots.GetValueOrDefault(organization.Id);
            for (var k = 0; k < share; k++)
            {
                var unit = k == 0 || cells is null ? organization.Id : cells[k % cells.Length].Id;
                var (name, _) = Names.Person(_random);
                _people.Add(new PersonRow(nextId++, name, unit, organization.Id, _random.Next(100) < 97 || k == 0, Names.FieldCategory(_random)));
            }
        }
    }

    private async Task CopyOrganizationsAsync()
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY organizations (\"Id\", \"Code\", \"Name\", \"SearchName\", \"Kind\", \"HostUnitType\", \"ParentId\", \"Path\", \"IsActive\", \"Address\", \"Version\") FROM STDIN (FORMAT BINARY)");
        foreach (var (org, kind) in _grassroots.Select(o => (o, "Grassroots")).Concat(_subUnits.Select(o => (o, "SubUnit"))))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(org.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(org.Code, NpgsqlDbType.Varchar);
            await writer.WriteAsync(org.Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(VietnameseText.Fold(org.Name + " " + org.Code), NpgsqlDbType.Varchar);
            await writer.WriteAsync(kind, NpgsqlDbType.Varchar);
            await writer.WriteAsync(org.Host, NpgsqlDbType.Varchar);
            await writer.WriteAsync(org.ParentId, NpgsqlDbType.Integer);
            await writer.WriteAsync(org.Path, NpgsqlDbType.Varchar);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteNullAsync();
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
        }

        await writer.CompleteAsync();
    }

    private async Task CopyPeopleAsync()
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY people (\"Id\", \"Code\", \"FullName\", \"SearchName\", \"BirthDate\", \"Gender\", \"Ethnicity\", \"Position\", \"OrganizationId\", \"IsPartyMember\", \"PartyJoinYear\", \"IsLeader\", \"LedOrganizationId\", \"FieldCategoryCode\", \"IsActive\", \"Version\") FROM STDIN (FORMAT BINARY)");
        var random = new Random(5_000_000);
        var leaders = new HashSet<int>(_grassroots.Select(g => g.Id));
        foreach (var person in _people)
        {
            var leader = person.OrganizationId == person.GrassrootsId && leaders.Remove(person.GrassrootsId);
            var female = Names.IsFemale(person.FullName);
            var code = string.Create(CultureInfo.InvariantCulture, $"DV{person.Id:D8}");
            var birthYear = 1965 + random.Next(36);
            await writer.StartRowAsync();
            await writer.WriteAsync(person.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(code, NpgsqlDbType.Varchar);
            await writer.WriteAsync(person.FullName, NpgsqlDbType.Varchar);
            await writer.WriteAsync(VietnameseText.Fold(person.FullName + " " + code), NpgsqlDbType.Varchar);
            await writer.WriteAsync(new DateOnly(birthYear, 1 + random.Next(12), 1 + random.Next(28)), NpgsqlDbType.Date);
            await writer.WriteAsync(female ? "Female" : "Male", NpgsqlDbType.Varchar);
            await writer.WriteAsync(Names.Ethnicity(random), NpgsqlDbType.Varchar);
            await writer.WriteAsync(leader ? Names.LeaderPosition(random) : Names.Position(random), NpgsqlDbType.Varchar);
            await writer.WriteAsync(person.OrganizationId, NpgsqlDbType.Integer);
            await writer.WriteAsync(person.PartyMember, NpgsqlDbType.Boolean);
            if (person.PartyMember)
            {
                await writer.WriteAsync(Math.Min(2025, birthYear + 22 + random.Next(15)), NpgsqlDbType.Integer);
            }
            else
            {
                await writer.WriteNullAsync();
            }

            await writer.WriteAsync(leader, NpgsqlDbType.Boolean);
            if (leader)
            {
                await writer.WriteAsync(person.GrassrootsId, NpgsqlDbType.Integer);
            }
            else
            {
                await writer.WriteNullAsync();
            }

            await writer.WriteAsync(person.Category, NpgsqlDbType.Varchar);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
        }

        await writer.CompleteAsync();
    }

    private async Task CopyPersonRatingsAsync()
    {
        var id = await ScalarAsync<int>("SELECT coalesce(max(\"Id\"), 0) + 1 FROM person_ratings");
        await using var writer = await connection.BeginBinaryImportAsync("COPY person_ratings (\"Id\", \"PersonId\", \"Year\", \"Rating\", \"Version\") FROM STDIN (FORMAT BINARY)");
        var random = new Random(20_000_000);
        foreach (var person in _people.Where(p => p.PartyMember))
        {
            var strength = random.Next(100);
            foreach (var year in Tier.RatingYears)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(id++, NpgsqlDbType.Integer);
                await writer.WriteAsync(person.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(year, NpgsqlDbType.Integer);
                await writer.WriteAsync(Names.Rating(random, strength), NpgsqlDbType.Varchar);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            }
        }

        await writer.CompleteAsync();
    }

    private async Task CopyCollectiveRatingsAsync()
    {
        var id = await ScalarAsync<int>("SELECT coalesce(max(\"Id\"), 0) + 1 FROM collective_ratings");
        await using var writer = await connection.BeginBinaryImportAsync("COPY collective_ratings (\"Id\", \"OrganizationId\", \"Year\", \"Body\", \"Rating\", \"Version\") FROM STDIN (FORMAT BINARY)");
        var random = new Random(60_000);
        string[] bodies = ["PartyOrganisation", "TradeUnion", "YouthUnion"];
        foreach (var organization in _grassroots)
        {
            foreach (var year in Tier.RatingYears)
            {
                foreach (var body in bodies)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(id++, NpgsqlDbType.Integer);
                    await writer.WriteAsync(organization.Id, NpgsqlDbType.Integer);
                    await writer.WriteAsync(year, NpgsqlDbType.Integer);
                    await writer.WriteAsync(body, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(random.Next(100) < 80 ? "Excellent" : "Good", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                }
            }
        }

        await writer.CompleteAsync();
    }

    private async Task CopyNominationsAsync(int currentRound, int finalRound)
    {
        var id = await ScalarAsync<int>("SELECT coalesce(max(\"Id\"), 0) + 1 FROM nominations");
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY nominations (\"Id\", \"RoundId\", \"OrganizationId\", \"Kind\", \"PersonId\", \"CollectiveId\", \"NomineeKey\", \"NomineeName\", \"CategoryCode\", \"Status\", "
            + "\"Summary\", \"AchievementsByYear\", \"FamilyLawAttested\", \"ReturnReason\", \"CreatedAtUtc\", \"SubmittedAtUtc\", \"SubmissionCount\", \"Version\", \"ProvinceOutcome\") FROM STDIN (FORMAT BINARY)");
        var random = new Random(100_000);
        var collectives = Math.Min(tier.Nominations / 5, _grassroots.Count);
        var individuals = tier.Nominations - collectives;
        var stride = Math.Max(1, _people.Count / Math.Max(1, individuals));
        for (var k = 0; k < tier.Nominations; k++)
        {
            var collective = k < collectives;
            var current = random.Next(10) < 7;
            var round = current ? currentRound : finalRound;
            string status = current
                ? Pick(random, ["Draft", "Draft", "Draft", "Submitted", "Submitted", "Returned", "Resubmitted", "Verified", "Verified", "Withdrawn"])
                : Pick(random, ["Commended", "Commended", "NotCommended", "ProposedToProvince", "ProvinceCommended", "ProvinceNotCommended"]);
            var outcome = status switch
            {
                "ProposedToProvince" => "Pending",
                "ProvinceCommended" => "Commended",
                "ProvinceNotCommended" => "NotCommended",
                _ => "None",
            };
            Org? organization = null;
            PersonRow? person = null;
            if (collective)
            {
                organization = _grassroots[k];
            }
            else
            {
                person = _people[Math.Min(_people.Count - 1, (k - collectives) * stride)];
            }

            var name = collective ? organization!.Name : person!.FullName;
            var nominationId = id;
            var created = current ? new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(40_000)) : new DateTime(2025, 2, 1, 2, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(60_000));
            await writer.StartRowAsync();
            await writer.WriteAsync(id++, NpgsqlDbType.Integer);
            await writer.WriteAsync(round, NpgsqlDbType.Integer);
            await writer.WriteAsync(collective ? organization!.Id : person!.GrassrootsId, NpgsqlDbType.Integer);
            await writer.WriteAsync(collective ? "Collective" : "Individual", NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, person?.Id);
            await WriteNullableAsync(writer, organization?.Id);
            await writer.WriteAsync(collective ? $"C:{organization!.Id}" : $"P:{person!.Id}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(collective ? (random.Next(3) == 0 ? "3.1.2" : "3.1.1") : person!.Category, NpgsqlDbType.Varchar);
            await writer.WriteAsync(status, NpgsqlDbType.Varchar);
            await writer.WriteAsync($"{name} hoàn thành xuất sắc nhiệm vụ, tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", NpgsqlDbType.Varchar);
            await writer.WriteAsync(string.Join('\n', Tier.RatingYears.Select(y => string.Create(CultureInfo.InvariantCulture, $"Năm {y}: hoàn thành xuất sắc nhiệm vụ."))), NpgsqlDbType.Varchar);
            await writer.WriteAsync(status != "Draft", NpgsqlDbType.Boolean);
            if (status == "Returned")
            {
                await writer.WriteAsync("Đề nghị bổ sung biên bản họp xét chọn và minh chứng thành tích năm 2026.", NpgsqlDbType.Varchar);
            }
            else
            {
                await writer.WriteNullAsync();
            }

            await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
            if (status == "Draft")
            {
                await writer.WriteNullAsync();
            }
            else
            {
                await writer.WriteAsync(created.AddDays(3), NpgsqlDbType.TimestampTz);
            }

            var submissions = status switch { "Draft" => 0, "Resubmitted" => 2, _ => 1 };
            for (var number = 1; number <= submissions; number++)
            {
                var snapshot = System.Text.Json.JsonSerializer.Serialize(new { NomineeName = name, CategoryCode = collective ? "3.1.1" : person!.Category, Summary = name + " hoàn thành xuất sắc nhiệm vụ.", Number = number });
                _versions.Add((nominationId, number, created.AddDays(3 * number), snapshot));
            }

            await writer.WriteAsync(submissions, NpgsqlDbType.Integer);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(outcome, NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();
    }

    /// <summary>The snapshot of each submission (version 1 is the first; a resubmitted dossier has 2), as SubmitNomination keeps them.</summary>
    private async Task CopyVersionsAsync()
    {
        var id = await ScalarAsync<int>("SELECT coalesce(max(\"Id\"), 0) + 1 FROM nomination_versions");
        await using var writer = await connection.BeginBinaryImportAsync("COPY nomination_versions (\"Id\", \"NominationId\", \"Number\", \"SubmittedAtUtc\", \"SubmittedBy\", \"Snapshot\") FROM STDIN (FORMAT BINARY)");
        foreach (var version in _versions)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(id++, NpgsqlDbType.Integer);
            await writer.WriteAsync(version.NominationId, NpgsqlDbType.Integer);
            await writer.WriteAsync(version.Number, NpgsqlDbType.Integer);
            await writer.WriteAsync(version.SubmittedAtUtc, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync("coso1@demo.vn", NpgsqlDbType.Varchar);
            await writer.WriteAsync(version.Snapshot, NpgsqlDbType.Text);
        }

        await writer.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Integer);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private async Task<List<string>> SecondaryIndexesAsync(string table)
    {
        // Indexes that are not constraints (EF's IX_* indexes, unique ones included): "name|CREATE INDEX ...".
        await using var command = new NpgsqlCommand(
            "SELECT indexname || '|' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @t AND indexname NOT IN (SELECT conname FROM pg_constraint)", connection);
        command.Parameters.AddWithValue("t", table);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private async Task TimedAsync(string table, Func<Task> copy)
    {
        var before = await ScalarAsync<long>($"SELECT count(*) FROM {table}");
        var watch = Stopwatch.StartNew();
        await copy();
        var after = await ScalarAsync<long>($"SELECT count(*) FROM {table}");
        var rows = after - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[tiergen] {table}: +{rows:N0} rows (now {after:N0}) in {watch.Elapsed.TotalSeconds:F1} s, {rows / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0} rows/s"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
