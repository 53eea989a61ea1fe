using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;

namespace Exemplars.Domain.Tests;

public sealed class NominationRulesTests
{
    public static TheoryData<NominationStatus, NominationAction, NominationStatus?> Moves()
    {
        var data = new TheoryData<NominationStatus, NominationAction, NominationStatus?>();
        var allowed = new Dictionary<(NominationStatus, NominationAction), NominationStatus>
        {
            [(NominationStatus.Draft, NominationAction.Submit)] = NominationStatus.Submitted,
            [(NominationStatus.Returned, NominationAction.Submit)] = NominationStatus.Resubmitted,
            [(NominationStatus.Submitted, NominationAction.Return)] = NominationStatus.Returned,
            [(NominationStatus.Resubmitted, NominationAction.Return)] = NominationStatus.Returned,
            [(NominationStatus.Draft, NominationAction.Withdraw)] = NominationStatus.Withdrawn,
            [(NominationStatus.Submitted, NominationAction.Withdraw)] = NominationStatus.Withdrawn,
            [(NominationStatus.Returned, NominationAction.Withdraw)] = NominationStatus.Withdrawn,
            [(NominationStatus.Resubmitted, NominationAction.Withdraw)] = NominationStatus.Withdrawn,
            [(NominationStatus.Submitted, NominationAction.Accept)] = NominationStatus.Verified,
            [(NominationStatus.Resubmitted, NominationAction.Accept)] = NominationStatus.Verified,
            [(NominationStatus.Verified, NominationAction.Return)] = NominationStatus.Returned,
            [(NominationStatus.Verified, NominationAction.Withdraw)] = NominationStatus.Withdrawn,
            [(NominationStatus.Verified, NominationAction.OpenBallot)] = NominationStatus.InBallot,
            [(NominationStatus.InBallot, NominationAction.PassBallot)] = NominationStatus.Commended,
            [(NominationStatus.InBallot, NominationAction.FailBallot)] = NominationStatus.NotCommended,
            [(NominationStatus.InBallot, NominationAction.VoidBallot)] = NominationStatus.Verified,
            [(NominationStatus.Commended, NominationAction.ProposeToProvince)] = NominationStatus.ProposedToProvince,
            [(NominationStatus.ProposedToProvince, NominationAction.ProvinceCommend)] = NominationStatus.ProvinceCommended,
            [(NominationStatus.ProposedToProvince, NominationAction.ProvinceDecline)] = NominationStatus.ProvinceNotCommended,
            [(NominationStatus.ProvinceCommended, NominationAction.ProvinceCommend)] = NominationStatus.ProvinceCommended,
            [(NominationStatus.ProvinceCommended, NominationAction.ProvinceDecline)] = NominationStatus.ProvinceNotCommended,
            [(NominationStatus.ProvinceNotCommended, NominationAction.ProvinceCommend)] = NominationStatus.ProvinceCommended,
            [(NominationStatus.ProvinceNotCommended, NominationAction.ProvinceDecline)] = NominationStatus.ProvinceNotCommended,
        };
        foreach (var status in Enum.GetValues<NominationStatus>())
        {
            foreach (var action in Enum.GetValues<NominationAction>())
            {
                data.Add(status, action, allowed.TryGetValue((status, action), out var next) ? next : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_move_is_either_allowed_or_refused_the_same_way(NominationStatus status, NominationAction action, NominationStatus? expected)
    {
        var result = NominationStateMachine.Next(status, action);
        if (expected is { } next)
        {
            Assert.Equal(next, result.Value);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorKind.Conflict, error.Kind);
            Assert.Equal("invalid_transition", error.Code);
            Assert.Contains(status.Label(), error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(3, 2, true)]
    [InlineData(10, 7, true)]
    [InlineData(10, 6, false)]
    public void Quorum_is_two_thirds_of_all_members(int members, int present, bool quorum) =>
        Assert.Equal(quorum, VoteThresholds.Default.HasQuorum(present, members));

    [Theory]
    [InlineData(9, 5, true)]
    [InlineData(9, 4, false)]
    [InlineData(10, 5, false)]
    [InlineData(10, 6, true)]
    public void Approval_is_more_than_half_of_all_members(int members, int agree, bool approved) =>
        Assert.Equal(approved, VoteThresholds.Default.IsApproved(agree, members));

    [Fact]
    public void Thresholds_are_settings()
    {
        var strict = new VoteThresholds(3, 4, 2, 3);
        Assert.False(strict.HasQuorum(6, 9));
        Assert.True(strict.HasQuorum(7, 9));
        Assert.False(strict.IsApproved(6, 9));
        Assert.True(strict.IsApproved(7, 9));
    }

    private static readonly DateOnly Today = new(2025, 3, 30);

    [Fact]
    public void Impossible_minutes_are_input_errors()
    {
        Assert.Empty(MinutesRules.Validate(new MeetingMinutes(Today, 9, 7, 6, 1, 0), Today));
        Assert.NotEmpty(MinutesRules.Validate(new MeetingMinutes(Today, 9, 10, 6, 1, 0), Today));
        Assert.NotEmpty(MinutesRules.Validate(new MeetingMinutes(Today, 9, 7, 6, 1, 1), Today));
        Assert.NotEmpty(MinutesRules.Validate(new MeetingMinutes(Today, 0, 0, 0, 0, 0), Today));
        Assert.NotEmpty(MinutesRules.Validate(new MeetingMinutes(Today.AddDays(1), 9, 7, 6, 1, 0), Today));
    }

    private static SubmissionFacts Ready(DateOnly today) =>
        new(today, new DateOnly(2025, 3, 30), null, true, new MeetingMinutes(today.AddDays(-3), 9, 7, 6, 1, 0), true, 1, Verdict.Eligible, null);

    [Fact]
    public void A_complete_dossier_on_the_deadline_day_is_accepted_and_the_next_day_refused()
    {
        Assert.Empty(SubmissionRules.Check(Ready(new DateOnly(2025, 3, 30)), VoteThresholds.Default));
        var late = SubmissionRules.Check(Ready(new DateOnly(2025, 3, 31)), VoteThresholds.Default);
        Assert.Equal("deadline_passed", Assert.Single(late).Code);
        Assert.Empty(SubmissionRules.Check(Ready(new DateOnly(2025, 4, 2)) with { ExtensionUntil = new DateOnly(2025, 4, 2) }, VoteThresholds.Default));
        Assert.Equal("deadline_passed", Assert.Single(SubmissionRules.Check(Ready(new DateOnly(2025, 4, 3)) with { ExtensionUntil = new DateOnly(2025, 4, 2) }, VoteThresholds.Default)).Code);
    }

    [Fact]
    public void Missing_parts_are_listed_together()
    {
        var errors = SubmissionRules.Check(Ready(Today) with { HasSummary = false, Minutes = null, HasMinutesScan = false, EvidenceCount = 0 }, VoteThresholds.Default);
        var missing = Assert.Single(errors);
        Assert.Equal("missing_parts", missing.Code);
        foreach (var part in new[] { "tóm tắt thành tích", "minh chứng", "biên bản họp bình xét", "bản chụp biên bản" })
        {
            Assert.Contains(part, missing.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Verdict.Eligible, null, null)]
    [InlineData(Verdict.Ineligible, "có giải trình", "not_eligible")]
    [InlineData(Verdict.Indeterminate, null, "explanation_required")]
    [InlineData(Verdict.Indeterminate, " ", "explanation_required")]
    [InlineData(Verdict.Indeterminate, "Năm 2023 đi học tập trung", null)]
    public void Verdict_gates_submission(Verdict verdict, string? explanation, string? code)
    {
        var errors = SubmissionRules.Check(Ready(Today) with { Verdict = verdict, IndeterminateExplanation = explanation }, VoteThresholds.Default);
        Assert.Equal(code, errors.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData("bao-cao.pdf", "%PDF-1.7", true)]
    [InlineData("bao-cao.PDF", "%PDF-1.4", true)]
    [InlineData("bao-cao.pdf", "PK\u0003\u0004", false)]
    [InlineData("bang.docx", "PK\u0003\u0004", true)]
    [InlineData("bang.xlsx", "PK\u0003\u0004", true)]
    [InlineData("anh.exe", "MZ", false)]
    [InlineData("khong-duoi", "%PDF-", false)]
    public void Files_are_checked_by_content_and_extension(string name, string head, bool ok)
    {
        var bytes = head.Select(c => (byte)c).ToArray();
        Assert.Equal(ok, FileRules.Check(name, 100, bytes, 0).IsSuccess);
    }

    [Fact]
    public void Images_are_recognised_by_their_signatures_and_sizes_are_bounded()
    {
        Assert.True(FileRules.Check("a.jpg", 10, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, 0).IsSuccess);
        Assert.True(FileRules.Check("a.jpeg", 10, new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 }, 0).IsSuccess);
        Assert.True(FileRules.Check("a.png", 10, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 0).IsSuccess);
        Assert.False(FileRules.Check("a.png", 10, new byte[] { 0xFF, 0xD8, 0xFF }, 0).IsSuccess);
        Assert.True(FileRules.Check("a.pdf", FileRules.MaxFileBytes, "%PDF-"u8.ToArray(), 0).IsSuccess);
        Assert.False(FileRules.Check("a.pdf", FileRules.MaxFileBytes + 1, "%PDF-"u8.ToArray(), 0).IsSuccess);
        Assert.False(FileRules.Check("a.pdf", 1, "%PDF-"u8.ToArray(), FileRules.MaxNominationBytes).IsSuccess);
        Assert.True(FileRules.Check("a.pdf", 1, "%PDF-"u8.ToArray(), FileRules.MaxNominationBytes - 1).IsSuccess);
        Assert.False(FileRules.Check("a.pdf", 0, [], 0).IsSuccess);
    }

    [Fact]
    public void A_dossier_holds_at_most_40_files_and_each_refusal_has_its_code()
    {
        Assert.True(FileRules.Check("a.pdf", 10, "%PDF-"u8.ToArray(), 0, FileRules.MaxNominationFiles - 1).IsSuccess);
        Assert.Equal("dossier_too_many_files", FileRules.Check("a.pdf", 10, "%PDF-"u8.ToArray(), 0, FileRules.MaxNominationFiles).Errors.Single().Code);
        Assert.Equal("file_empty", FileRules.Check("a.pdf", 0, [], 0).Errors.Single().Code);
        Assert.Equal("file_too_large", FileRules.Check("a.pdf", FileRules.MaxFileBytes + 1, "%PDF-"u8.ToArray(), 0).Errors.Single().Code);
        Assert.Equal("dossier_too_large", FileRules.Check("a.pdf", 1, "%PDF-"u8.ToArray(), FileRules.MaxNominationBytes).Errors.Single().Code);
        Assert.Equal("file_type", FileRules.Check("a.exe", 10, "MZ"u8.ToArray(), 0).Errors.Single().Code);
        Assert.Equal("file_content", FileRules.Check("a.pdf", 10, "PK\u0003\u0004"u8.ToArray(), 0).Errors.Single().Code);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\x\\Bằng khen.pdf", "Bằng khen.pdf")]
    [InlineData("a<b>c|d.pdf", "a_b_c_d.pdf")]
    [InlineData(".hidden.pdf", "hidden.pdf")]
    [InlineData("bao-cao\u202Efdp.exe.pdf", "bao-caofdp.exe.pdf")] // a right-to-left override would show "...exe.pdf" reversed
    [InlineData("minh\u200B\u2066chung\u2069\uFEFF.pdf", "minhchung.pdf")] // zero-width space, isolates, BOM
    [InlineData("bao\tcao\u0007.pdf", "bao_cao_.pdf")]
    [InlineData("", "tep")]
    [InlineData(null, "tep")]
    public void Names_are_cleaned(string? input, string expected) => Assert.Equal(expected, FileRules.CleanName(input));

    [Fact]
    public void Long_names_keep_their_extension() => Assert.EndsWith(".pdf", FileRules.CleanName(new string('a', 300) + ".pdf"), StringComparison.Ordinal);
}
