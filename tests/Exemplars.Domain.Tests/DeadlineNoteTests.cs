using Exemplars.Domain.Nominations;

namespace Exemplars.Domain.Tests;

public sealed class DeadlineNoteTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(NominationStatus.Draft, 12, "(còn 12 ngày)")]
    [InlineData(NominationStatus.Returned, 0, "(còn 0 ngày)")]
    [InlineData(NominationStatus.Draft, -1, "(đã quá hạn)")]
    [InlineData(NominationStatus.Submitted, -400, "")]
    [InlineData(NominationStatus.ProvinceCommended, -400, "")]
    public void Only_a_dossier_the_unit_can_still_send_counts_days_or_is_overdue(NominationStatus status, int daysLeft, string note) =>
        Assert.Equal(note, DeadlineNote.For(status, Today.AddDays(daysLeft), Today));
}
