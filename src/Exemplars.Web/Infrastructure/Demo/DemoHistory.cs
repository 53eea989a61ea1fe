using System.Text.Json;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Review;
using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Review;
using Exemplars.Web.Features.Showcase;
using Exemplars.Web.Infrastructure.Crypto;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// The finished rounds of the 2021–2025 plan (the 2023 interim and the 2025 final), as they would stand had the bloc run
/// them in this system: seven collectives and seven individuals of the units from CS016 on sent in each round and
/// verified criterion by criterion; a closed public comment period with a few comments; the standing committee's secret
/// ballot, really encrypted (a key pair, the trustees' share checks, one ElGamal ciphertext per member and candidate) and
/// closed as the trustees close it, by two of the three shares put together in memory and only the per-candidate sums
/// decrypted (ADR 006); the Quyết định and the Tờ trình in the register, numbered per issuer, type and term; the province's
/// outcome; published stories with drawn photos; pledges of other units and their reports. Dates follow the plan (sent
/// before 30/3, ballot in April, decisions before the 19/5 ceremony) and a round is filled only once it is well past.
/// </summary>
public static class DemoHistory
{
    public const string AwardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối";
    public const string Secretariat = "tgdv@demo.vn";
    public const string Signer = "Phạm Thị Tố Loan";

    /// <summary>Units whose people and collectives the history uses: CS016 on (the first fifteen are left to the tests and the clerks' first steps).</summary>
    public const int FirstUnit = 15;

    /// <summary>Approvals of the nine members for the seven candidates of each kind: five above the cut, one more commended, one not.</summary>
    private static readonly int[] CollectiveApprovals = [9, 9, 8, 8, 7, 6, 4];
    private static readonly int[] IndividualApprovals = [9, 8, 8, 8, 7, 5, 3];

    private static readonly string[] Comments =
    [
        "Tôi là người dân ở gần cơ quan, xin xác nhận đơn vị luôn giải quyết thủ tục nhanh, thái độ phục vụ tận tình.",
        "Đồng chí này nhiều năm giúp đỡ các gia đình khó khăn trong khu dân cư, rất xứng đáng được biểu dương.",
        "Đề nghị làm rõ thêm kết quả áp dụng sáng kiến trong năm gần nhất.",
    ];

    private static readonly string?[] Authors = ["Nguyễn Văn Tâm", "Trần Thị Bích", null];

    private static readonly string[] Handlings =
    [
        "Đã ghi nhận, bổ sung vào báo cáo trình Ban Thường vụ.",
        "Đã ghi nhận; ý kiến phù hợp với kết quả thẩm định.",
        "Đơn vị đã giải trình bằng văn bản: sáng kiến được Hội đồng sáng kiến cấp tỉnh công nhận; không làm thay đổi kết quả thẩm định.",
    ];

    private static readonly string[] Lessons =
    [
        "Áp dụng cách làm “một cửa” và phiếu hẹn điện tử trong tiếp nhận hồ sơ của đơn vị.",
        "Tổ chức sinh hoạt chuyên đề hằng quý, mỗi đảng viên đăng ký một việc làm cụ thể theo gương điển hình.",
        "Học tập mô hình tiết kiệm chi thường xuyên, dành phần tiết kiệm hỗ trợ đoàn viên khó khăn.",
        "Nhân rộng sáng kiến cải tiến quy trình, rút ngắn thời gian xử lý công việc.",
    ];

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, IReadOnlyList<Organization> grassroots, IReadOnlyList<Person> people,
        IReadOnlyList<CollectiveRating> collectiveRatings, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(services.GetRequiredService<TimeProvider>());
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Code == BuiltInPlans.Plan2021To2025Code, cancellationToken);
        var rounds = await db.Rounds.Where(r => r.PlanId == plan.Id).OrderBy(r => r.GrassrootsDeadline).ToListAsync(cancellationToken);
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.PlanId == plan.Id).ToListAsync(cancellationToken);
        var members = await db.Users.Where(u => u.Role == Roles.StandingCommittee).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken);

        // The issuer the register numbers by (its terms), as the documents pages would create it on first use.
        var issuer = await services.GetRequiredService<Features.Issuers.IssuerDirectory.Handler>().Default(cancellationToken);
        var storage = services.GetRequiredService<IFileStore>();
        var ratingsByUnit = collectiveRatings.ToLookup(r => r.OrganizationId);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var photoSeed = 0;
        using var evidence = new DemoEvidence();
        foreach (var round in rounds.Where(r => r.CeremonyDate.AddDays(200) < today))
        {
            var history = new RoundHistory(db, round, plan, members, issuer, storage, evidence);
            await history.FillAsync(Candidates(round, grassroots, people, ratingsByUnit, criteria, used), photoSeed, cancellationToken);
            photoSeed += 100;
        }
    }

    /// <summary>A nominee of a round: the nominating unit, the nominee, its category and what it was ranked.</summary>
    private sealed record Pick(Organization Unit, Person? Person, Organization? Collective, string Category, EligibilityResult Eligibility);

    /// <summary>
    /// Seven collectives and seven individuals (party members who are not heads of unit, no discipline), each eligible in
    /// the round by the engine's own rules, from different units, none used by an earlier round.
    /// </summary>
    private static List<Pick> Candidates(Round round, IReadOnlyList<Organization> grassroots, IReadOnlyList<Person> people, ILookup<int, CollectiveRating> ratings,
        IReadOnlyList<Criterion> criteria, HashSet<string> used)
    {
        var units = grassroots.Skip(FirstUnit).ToList();
        var picks = new List<Pick>();
        var offset = round.Kind == RoundKind.Interim ? 0 : 7;
        for (var i = 0; i < units.Count && picks.Count < 7; i++)
        {
            var unit = units[(i + offset) % units.Count];
            var category = unit.HostUnitType == HostUnitType.StateAgency ? "3.1.1" : "3.1.2";
            var result = EligibilityEngine.Evaluate(RegistryFacts.ForCollective(category, ratings[unit.Id]), round.Terms, criteria, round.CriteriaVersion);
            if (result.Verdict == Verdict.Eligible && used.Add(Nomination.KeyOf(NomineeKind.Collective, unit.Id)))
            {
                picks.Add(new Pick(unit, null, unit, category, result));
            }
        }

        var byUnit = units.ToDictionary(u => u.Id);
        var unitsTaken = new HashSet<int>();
        foreach (var person in people.Where(p => byUnit.ContainsKey(p.OrganizationId) && p.IsPartyMember && !p.IsLeader && p.Disciplines.Count == 0)
                     .OrderBy(p => (p.OrganizationId * 7) + (round.Kind == RoundKind.Interim ? 0 : 3)).ThenBy(p => p.Id))
        {
            if (picks.Count == 14)
            {
                break;
            }

            var category = person.FieldCategoryCode ?? "3.2.5";
            var facts = RegistryFacts.ForPerson(person, category, null, familyLawAttested: true) with { BusinessLeader = category == "3.2.1" ? false : null };
            var result = EligibilityEngine.Evaluate(facts, round.Terms, criteria, round.CriteriaVersion);
            if (result.Verdict == Verdict.Eligible && !unitsTaken.Contains(person.OrganizationId) && used.Add(Nomination.KeyOf(NomineeKind.Individual, person.Id)))
            {
                unitsTaken.Add(person.OrganizationId);
                picks.Add(new Pick(byUnit[person.OrganizationId], person, null, category, result));
            }
        }

        return picks;
    }

    private sealed class RoundHistory(AppDbContext db, Round round, Plan plan, IReadOnlyList<string> members, Issuer issuer, IFileStore storage, DemoEvidence evidence)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private readonly string _period = $"giai đoạn {round.ReviewFromYear} - {round.ReviewToYear}";

        /// <summary>With the database file store, the bytes go in the seeding's own transaction (SQLite has one writer at a time).</summary>
        private Task<StoredBlob> StoreAsync(byte[] bytes, CancellationToken cancellationToken) =>
            storage is DatabaseFileStore database && db.Database.CurrentTransaction is not null
                ? database.PutAsync(bytes, db, cancellationToken)
                : storage.PutAsync(bytes, cancellationToken);

        /// <summary>09:00 in Viet Nam on a day, plus some minutes: the time an office would do it.</summary>
        private static DateTime At(DateOnly day, int minutes = 0) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddMinutes(minutes);

        public async Task FillAsync(List<Pick> picks, int photoSeed, CancellationToken cancellationToken)
        {
            var deadline = round.GrassrootsDeadline;
            var ceremony = round.CeremonyDate;
            var nominations = await DossiersAsync(picks, deadline, cancellationToken);
            db.Nominations.AddRange(nominations);
            await db.SaveChangesAsync(cancellationToken);
            // The bytes each sending sent stay with its version (sent_files), as SubmitNomination records them.
            foreach (var n in nominations)
            {
                db.SentFiles.AddRange(Snapshot.SentFiles(n, n.Versions.Single()));
            }

            Verify(nominations, picks, deadline.AddDays(8));
            var period = Consult(nominations, deadline.AddDays(12), deadline.AddDays(22));
            db.CommentPeriods.Add(period);
            await db.SaveChangesAsync(cancellationToken);
            Comment(period, nominations, deadline.AddDays(14));

            var ballotDay = ceremony.AddDays(-27);
            var tally = await BallotAsync(nominations, ballotDay, cancellationToken);
            var selection = QuotaSelection.Select(tally.Candidates, round.QuotaCollectives, round.QuotaIndividuals);

            var commended = nominations.Where(n => n.Status == NominationStatus.Commended).ToList();
            var decision = await RegisterAsync(DocumentType.Decision, ceremony.AddDays(-11),
                $"về việc tặng Giấy khen cho các tập thể, cá nhân điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh {_period}", cancellationToken);
            decision.Awards = commended.Select(n => new Award
            {
                NominationId = n.Id, RecipientName = n.NomineeName, AwardType = AwardType,
                PersonId = n.Kind == NomineeKind.Individual ? n.PersonId : null, OrganizationId = n.Kind == NomineeKind.Collective ? n.CollectiveId : null,
            }).ToList();
            db.Decisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);

            var submission = await RegisterAsync(DocumentType.Submission, ceremony.AddDays(-10),
                $"về việc đề nghị Ban Thường vụ Tỉnh ủy biểu dương, khen thưởng các tập thể, cá nhân điển hình tiêu biểu {_period}", cancellationToken);
            db.Decisions.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
            var forwarded = selection.ToProvince.Select(c => nominations.Single(n => n.Id == c.NominationId)).ToList();
            foreach (var n in forwarded)
            {
                Check(n.ProposeToProvince(submission.Id));
            }

            // The province answered a season later; in the final round two answers have not been recorded.
            var answered = round.Kind == RoundKind.Final ? forwarded.Take(forwarded.Count - 2).ToList() : forwarded;
            for (var i = 0; i < answered.Count; i++)
            {
                var declined = i == answered.Count - 1;
                Check(answered[i].RecordProvinceOutcome(declined ? ProvinceOutcome.NotCommended : ProvinceOutcome.Commended,
                    declined ? "Tỉnh ủy ghi nhận, chưa xét khen thưởng cấp tỉnh do đã đủ chỉ tiêu của khối." : "Được Ban Thường vụ Tỉnh ủy tặng Bằng khen.",
                    At(ceremony.AddDays(45))));
            }

            await db.SaveChangesAsync(cancellationToken);
            // Stories of collectives and individuals in turn, among those the province commended.
            var byProvince = nominations.Where(n => n.Status == NominationStatus.ProvinceCommended).ToList();
            var collectivesFirst = byProvince.Where(n => n.Kind == NomineeKind.Collective).ToList();
            var individualsNext = byProvince.Where(n => n.Kind == NomineeKind.Individual).ToList();
            var inTurn = Enumerable.Range(0, Math.Max(collectivesFirst.Count, individualsNext.Count))
                .SelectMany(i => new[] { collectivesFirst.ElementAtOrDefault(i), individualsNext.ElementAtOrDefault(i) }).OfType<Nomination>();
            await StoriesAsync(inTurn.Take(round.Kind == RoundKind.Final ? 6 : 4).ToList(), ceremony, photoSeed, cancellationToken);
        }

        private async Task<List<Nomination>> DossiersAsync(List<Pick> picks, DateOnly deadline, CancellationToken cancellationToken)
        {
            var list = new List<Nomination>();
            for (var i = 0; i < picks.Count; i++)
            {
                var pick = picks[i];
                var collective = pick.Collective is not null;
                var name = collective ? pick.Collective!.Name : pick.Person!.FullName;
                var n = new Nomination
                {
                    RoundId = round.Id, OrganizationId = pick.Unit.Id, Kind = collective ? NomineeKind.Collective : NomineeKind.Individual,
                    PersonId = pick.Person?.Id, CollectiveId = pick.Collective?.Id,
                    NomineeKey = Nomination.KeyOf(collective ? NomineeKind.Collective : NomineeKind.Individual, collective ? pick.Collective!.Id : pick.Person!.Id),
                    NomineeName = name, CategoryCode = pick.Category, BusinessLeader = pick.Category == "3.2.1" ? false : null,
                    Summary = collective
                        ? $"{name} hoàn thành xuất sắc nhiệm vụ các năm {_period}; tổ chức đảng và các đoàn thể được xếp loại hoàn thành xuất sắc nhiệm vụ; đơn vị đạt chuẩn văn hóa, an toàn về an ninh trật tự."
                        : $"Đồng chí {name}, {pick.Person!.Position?.ToLowerInvariant()} {pick.Unit.Name}: nhiều năm hoàn thành xuất sắc nhiệm vụ, gương mẫu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
                    AchievementsByYear = string.Join("\n", Enumerable.Range(round.FirstRatingYear, round.LastRatingYear - round.FirstRatingYear + 1)
                        .Select(y => $"Năm {y}: hoàn thành {(y % 2 == 0 ? "xuất sắc" : "tốt")} nhiệm vụ.")),
                    Initiatives = collective ? "Số hóa quy trình tiếp nhận và trả kết quả; mô hình “Dân vận khéo” được Đảng ủy Khối công nhận." : "Sáng kiến cải tiến quy trình nghiệp vụ được Hội đồng sáng kiến cơ sở công nhận.",
                    CommendationsReceived = collective ? "Cờ thi đua của Ủy ban nhân dân tỉnh." : "Giấy khen của Đảng ủy Khối về thành tích học tập và làm theo Bác.",
                    ReportHtml = $"<p>{System.Net.WebUtility.HtmlEncode(name)} luôn gắn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh với nhiệm vụ chính trị của đơn vị.</p>"
                        + "<ul><li>Chủ động đổi mới cách làm, tiết kiệm thời gian và chi phí.</li><li>Tích cực tham gia các hoạt động xã hội, từ thiện.</li></ul>",
                    MinutesDate = deadline.AddDays(-20 - (i % 5)), MembersTotal = 9, MembersPresent = 9 - (i % 2), VotesAgree = 9 - (i % 2) - (i % 3 == 0 ? 1 : 0),
                    VotesDisagree = i % 3 == 0 ? 1 : 0, VotesAbstain = 0, FamilyLawAttested = true,
                    CreatedAtUtc = At(deadline.AddDays(-40 + i)),
                };
                await EvidenceAsync(n, pick, deadline.AddDays(-15 + (i % 5)), cancellationToken);
                Check(n.Submit(At(deadline.AddDays(-10 + (i % 7)), 15 * i)));
                n.Versions.Add(new NominationVersion
                {
                    Number = 1, SubmittedAtUtc = n.SubmittedAtUtc!.Value, SubmittedBy = UnitAddress(pick.Unit.Code),
                    Snapshot = JsonSerializer.Serialize(Snapshot.Of(n, pick.Eligibility), Snapshot.Json),
                });
                list.Add(n);
            }

            return list;
        }

        /// <summary>
        /// The files a unit uploads before sending: the signed minutes of its meeting and one evidence file per criterion to
        /// be judged, stored in the content-addressed store as uploads are (<see cref="IFileStore.PutAsync"/>).
        /// </summary>
        private async Task EvidenceAsync(Nomination n, Pick pick, DateOnly uploadedOn, CancellationToken cancellationToken)
        {
            var files = new List<(string? Criterion, string FileName, byte[] Bytes)>
            {
                (EvidenceFile.MinutesScan, DemoEvidence.MinutesFileName, evidence.Minutes(pick.Unit.Name, n.NomineeName, _period, n.MinutesDate!.Value,
                    n.MembersTotal ?? 0, n.MembersPresent ?? 0, n.VotesAgree ?? 0, n.VotesDisagree ?? 0, n.VotesAbstain ?? 0)),
            };
            var criteria = pick.Eligibility.JudgementCriteria;
            for (var k = 0; k < criteria.Count; k++)
            {
                files.Add((criteria[k].Code, DemoEvidence.EvidenceFileName(k + 1), evidence.Evidence(pick.Unit.Name, n.NomineeName, _period, Domain.Plans.CriterionWording.Name(criteria[k].Text), uploadedOn)));
            }

            foreach (var (criterion, fileName, bytes) in files)
            {
                var blob = await StoreAsync(bytes, cancellationToken);
                n.Evidence.Add(new EvidenceFile
                {
                    CriterionCode = criterion, FileName = fileName, ContentType = "image/jpeg", Size = bytes.Length,
                    Sha256 = blob.Sha256, StoragePath = blob.Address, UploadedAtUtc = At(uploadedOn, 30 + n.Evidence.Count),
                });
            }
        }

        /// <summary>Every judgement criterion Đạt, recorded item by item and as the kept verification record; the dossier accepted.</summary>
        private void Verify(List<Nomination> nominations, List<Pick> picks, DateOnly day)
        {
            for (var i = 0; i < nominations.Count; i++)
            {
                var n = nominations[i];
                var when = At(day.AddDays(i / 5), 20 * i);
                var items = picks[i].Eligibility.JudgementCriteria
                    .Select(c => new VerifyNomination.Item(c.Code, Domain.Plans.CriterionWording.Name(c.Text), c.Text, CheckResult.Pass, null)).ToList();
                db.VerificationItems.AddRange(items.Select(item => new VerificationItem
                {
                    NominationId = n.Id, CriterionCode = item.Code, Result = CheckResult.Pass, CheckedBy = Secretariat, CheckedAtUtc = when,
                }));
                db.VerificationRecords.Add(new VerificationRecord
                {
                    NominationId = n.Id, SubmissionNumber = n.SubmissionCount, Outcome = VerificationOutcome.Accepted,
                    ItemsJson = JsonSerializer.Serialize(items, Json), CheckedBy = Secretariat, CheckedAtUtc = when,
                });
                Check(n.Accept());
            }
        }

        private CommentPeriod Consult(List<Nomination> nominations, DateOnly from, DateOnly to) => new()
        {
            RoundId = round.Id, StartsOn = from, EndsOn = to, OpenedBy = Secretariat,
            Candidates = nominations.Select(n => new CommentPeriodCandidate { NominationId = n.Id }).ToList(),
        };

        private void Comment(CommentPeriod period, List<Nomination> nominations, DateOnly day)
        {
            for (var i = 0; i < Comments.Length; i++)
            {
                var n = nominations[(i * 5) % nominations.Count];
                db.PublicComments.Add(new PublicComment
                {
                    CommentPeriodId = period.Id, NominationId = n.Id, AuthorName = Authors[i], Text = Comments[i],
                    CreatedAtUtc = At(day.AddDays(i * 2), 95), Status = CommentStatus.Accepted, Handling = Handlings[i], HandledBy = Secretariat,
                });
            }
        }

        /// <summary>
        /// The secret ballot: the candidates frozen in ballot, the roll of the nine members (all voted), the trustees' share
        /// checks, the box of ciphertexts (<see cref="BallotBox"/>), and the result as CloseBallot stores it — the totals
        /// decrypted from the papers' sums, counted against the plan's thresholds, recorded on the ballot and its candidates.
        /// </summary>
        private async Task<TallyResult> BallotAsync(List<Nomination> nominations, DateOnly day, CancellationToken cancellationToken)
        {
            // How many of the nine approve each candidate: the first a members of the roll approve one with a approvals.
            var collectives = nominations.Where(n => n.Kind == NomineeKind.Collective).ToList();
            var individuals = nominations.Where(n => n.Kind == NomineeKind.Individual).ToList();
            var shift = round.Kind == RoundKind.Interim ? 2 : 0;
            var approvals = collectives.Select((n, i) => (n, CollectiveApprovals[(i + shift) % CollectiveApprovals.Length]))
                .Concat(individuals.Select((n, i) => (n, IndividualApprovals[(i + shift) % IndividualApprovals.Length])))
                .ToDictionary(x => x.n.Id, x => x.Item2);
            var box = BallotBox.For(nominations.Select(n => approvals[n.Id]).ToArray(), members.Count);

            var ballot = new Ballot
            {
                RoundId = round.Id, Kind = BallotKind.Main, Title = $"Bỏ phiếu kín lựa chọn gương điển hình tiêu biểu {_period}",
                OpenedBy = Secretariat, OpenedAtUtc = At(day, 30), PublicKey = box.PublicKey, Threshold = 2,
                Candidates = nominations.Select(n => new BallotCandidate { NominationId = n.Id }).ToList(),
                Trustees = members.Take(box.ShareChecks.Count).Select((id, i) => new BallotTrustee { UserId = id, ShareIndex = i + 1, ShareCheck = box.ShareChecks[i], ShareKept = true }).ToList(),
            };
            db.Ballots.Add(ballot);
            foreach (var n in nominations)
            {
                Check(n.EnterBallot());
            }

            await db.SaveChangesAsync(cancellationToken);
            db.BallotVoters.AddRange(members.Select(id => new BallotVoter { BallotId = ballot.Id, UserId = id, HasVoted = true }));
            db.BallotVotes.AddRange(Enumerable.Range(0, members.Count)
                .SelectMany(voter => nominations.Select((n, c) => new BallotVote { Id = Guid.NewGuid(), BallotId = ballot.Id, NominationId = n.Id, Ciphertext = box.Papers[voter][c] }))
                .OrderBy(p => p.Id));

            var voted = members.Count;
            var counts = nominations.Select((n, c) => new CandidateCount(n.Id, n.NomineeName, n.Kind, box.Totals[c], voted - box.Totals[c])).ToList();
            var tally = BallotTally.Count(members.Count, voted, counts, plan.Thresholds);
            Check(ballot.Close(tally, At(day, 150)));
            var passed = tally.Candidates.ToDictionary(c => c.NominationId, c => c.Passed);
            foreach (var n in nominations)
            {
                Check(n.RecordBallot(tally.QuorumMet, passed[n.Id]));
            }

            await db.SaveChangesAsync(cancellationToken);
            return tally;
        }

        /// <summary>The next number of the issuer for the type in the term of the date, as IssueDecision numbers.</summary>
        private async Task<Decision> RegisterAsync(DocumentType type, DateOnly date, string title, CancellationToken cancellationToken)
        {
            var term = issuer.TermKey(date);
            var number = await Features.Issuers.DocumentRegister.NextNumberAsync(db, issuer.Symbol, type, term, cancellationToken);
            return new Decision
            {
                Issuer = issuer.Symbol, Year = date.Year, Term = term, Number = number, Type = type, Title = title, Date = date, Signer = Signer,
                RoundId = round.Id, CreatedBy = Secretariat,
            };
        }

        /// <summary>A story for each exemplar, approved a few days after the ceremony, with a drawn photo; then two other units' pledges.</summary>
        private async Task StoriesAsync(List<Nomination> exemplars, DateOnly ceremony, int photoSeed, CancellationToken cancellationToken)
        {
            var units = await db.Organizations.Where(o => o.Kind == OrganizationKind.Grassroots).OrderBy(o => o.Code).Select(o => new { o.Id, o.Name, o.Code }).ToListAsync(cancellationToken);
            var photos = new List<ShowcasePhoto>();
            for (var i = 0; i < exemplars.Count; i++)
            {
                var bytes = Photo(photoSeed + i, exemplars[i].Kind == NomineeKind.Collective);
                var blob = await StoreAsync(bytes, cancellationToken);
                photos.Add(new ShowcasePhoto
                {
                    FileName = $"anh-{i + 1}.jpg", ContentType = "image/jpeg", Size = bytes.LongLength, Sha256 = blob.Sha256, StoragePath = blob.Address,
                    UploadedBy = Secretariat, UploadedAtUtc = At(ceremony.AddDays(3 + i), -60),
                });
            }

            db.ShowcasePhotos.AddRange(photos);
            await db.SaveChangesAsync(cancellationToken);

            var stories = new List<ExemplarStory>();
            for (var i = 0; i < exemplars.Count; i++)
            {
                var n = exemplars[i];
                var published = At(ceremony.AddDays(3 + i), 60);
                var unit = units.Single(u => u.Id == n.OrganizationId);
                var html = HtmlCleaner.Clean(n.Kind == NomineeKind.Collective
                    ? $"<p>{Encode(n.NomineeName)} là một trong những tập thể tiêu biểu của Đảng bộ Khối {_period}.</p>"
                        + "<p>Cấp ủy xác định việc học tập và làm theo Bác phải bằng những việc làm cụ thể: rút ngắn thời gian giải quyết công việc, "
                        + "công khai quy trình, lắng nghe ý kiến của người dân và doanh nghiệp.</p>"
                        + "<ul><li>Tổ chức đảng nhiều năm liền hoàn thành xuất sắc nhiệm vụ.</li><li>Mô hình, cách làm hay được các đơn vị trong Khối học tập.</li></ul>"
                    : $"<p>Đồng chí {Encode(n.NomineeName)} ({Encode(unit.Name)}) được Ban Thường vụ Đảng ủy Khối tặng Giấy khen {_period}.</p>"
                        + "<p>Trong công tác, đồng chí luôn gương mẫu, tận tụy, dám nghĩ, dám làm; sáng kiến của đồng chí đã giúp đơn vị tiết kiệm thời gian, "
                        + "chi phí và nâng cao chất lượng phục vụ Nhân dân.</p>"
                        + "<blockquote>“Làm theo Bác là làm tốt từng việc nhỏ mỗi ngày.”</blockquote>");
                var title = n.Kind == NomineeKind.Collective ? $"{n.NomineeName}: đổi mới để phục vụ tốt hơn" : $"{n.NomineeName}: tận tụy, sáng tạo vì công việc chung";
                var story = Check(ExemplarStory.Create(n.Id, title, html, photos[i].Id, published.AddHours(-1)));
                db.ExemplarStories.Add(story);
                db.StoryRevisions.Add(Check(ApproveStory.Publish(story, n.NomineeName, unit.Name, Secretariat, published)));
                stories.Add(story);
            }

            await db.SaveChangesAsync(cancellationToken);

            // Two other units pledge to learn from each exemplar; the earlier pledges have reported what came of them.
            for (var i = 0; i < stories.Count; i++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var learner = units[FirstUnit + (((i * 3) + (k * 11) + (photoSeed / 10)) % (units.Count - FirstUnit))];
                    if (learner.Id == exemplars[i].OrganizationId)
                    {
                        continue;
                    }

                    var pledged = stories[i].PublishedAtUtc!.Value.AddDays(15 + (k * 6));
                    var reported = round.Kind == RoundKind.Interim || (i + k) % 3 != 2;
                    db.ReplicationPledges.Add(new ReplicationPledge
                    {
                        ExemplarStoryId = stories[i].Id, OrganizationId = learner.Id, WhatToApply = Lessons[(i + k) % Lessons.Length],
                        DueOn = DateOnly.FromDateTime(pledged).AddMonths(6), PledgedBy = UnitAddress(learner.Code), PledgedAtUtc = pledged,
                        Result = reported ? "Đã triển khai trong toàn đơn vị; thời gian xử lý công việc giảm rõ rệt, được cán bộ, đảng viên đồng tình hưởng ứng." : null,
                        ReportedAtUtc = reported ? pledged.AddMonths(5) : null,
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
    }

    /// <summary>
    /// A demo ballot box as OpenBallot, CastVote and CloseBallot make it: a fresh key pair; the private key split among three
    /// trustees (two needed), of which only the public checks are kept; one exponential-ElGamal ciphertext per member and
    /// candidate under the public key; then, as at closing, the key rebuilt from two shares, checked against the public
    /// key, and only each candidate's sum decrypted. The private key and the shares are dropped. A box depends only on the
    /// marks, so it is made once per process for each pattern of marks (a test run seeds the demo many times; every
    /// database gets the same papers with fresh row ids).
    /// </summary>
    private sealed record BallotBox(byte[] PublicKey, IReadOnlyList<byte[]> ShareChecks, byte[][][] Papers, int[] Totals)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BallotBox> Made = new(StringComparer.Ordinal);

        /// <param name="approvals">For each candidate (in order), how many members approve: the first that many of the roll.</param>
        public static BallotBox For(int[] approvals, int voters) => Made.GetOrAdd($"{voters}:{string.Join(',', approvals)}", _ => Make(approvals, voters));

        private static BallotBox Make(int[] approvals, int voters)
        {
            var (privateKey, publicKey) = ExponentialElGamal.GenerateKeyPair();
            var shares = SecretSharing.Split(0, privateKey, 2, 3);
            var papers = Enumerable.Range(0, voters)
                .Select(voter => approvals.Select(a => ExponentialElGamal.Encrypt(publicKey, voter < a ? 1 : 0)).ToArray()).ToArray();

            // Closing: two trustees' shares rebuild the key, which must match the ballot's public key; only sums are decrypted.
            var rebuilt = SecretSharing.Combine([shares[0], shares[1]]);
            if (!ExponentialElGamal.PublicPoint(rebuilt).AsSpan().SequenceEqual(publicKey))
            {
                throw new InvalidOperationException("Demo ballot: the shares do not rebuild the key.");
            }

            var totals = approvals.Select((_, c) => ExponentialElGamal.DecryptTotal(rebuilt, ExponentialElGamal.Sum(papers.Select(p => p[c])), voters)).ToArray();
            if (!totals.SequenceEqual(approvals))
            {
                throw new InvalidOperationException("Demo ballot: the decrypted totals differ from the marks.");
            }

            return new BallotBox(publicKey, shares.Select(s => ExponentialElGamal.PublicPoint(s.Value)).ToList(), papers, totals);
        }
    }

    /// <summary>The drawn photos, kept for the process: a test run seeds the demo many times and draws them once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Seed, bool Collective), byte[]> Photos = new();

    private static byte[] Photo(int seed, bool collective) => Photos.GetOrAdd((seed, collective), key => DemoPhotos.Render(key.Seed, key.Collective));

    /// <summary>
    /// Who acted for a unit without a demo account (the demo's clerk accounts cover CS001–CS005): the unit's office address.
    /// </summary>
    private static string UnitAddress(string unitCode) => $"vanphong.{unitCode.ToLowerInvariant()}@demo.vn";

    private static T Check<T>(Result<T> result) => result.IsSuccess
        ? result.Value
        : throw new InvalidOperationException("Demo history: " + string.Join(" ", result.Errors.Select(e => e.Message)));
}
