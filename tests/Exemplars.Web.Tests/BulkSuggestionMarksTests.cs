using Exemplars.Web.Features.Eligibility;

namespace Exemplars.Web.Tests;

/// <summary>
/// The marks a bulk rating import writes (ADR 014): every person it rated is recomputed, by a person mark or by one mark
/// for a unit whose people are mostly in the file.
/// </summary>
public sealed class BulkSuggestionMarksTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<(int, int)> People(int unit, int first, int count) => Enumerable.Range(first, count).Select(id => (id, unit));

    [Fact]
    public void A_unit_with_most_of_its_people_in_the_file_gets_one_mark()
    {
        var marks = SuggestionMarking.ForBulkRows(People(7, 1, 60), new Dictionary<int, int> { [7] = 100 }, [], Now);

        var mark = Assert.Single(marks);
        Assert.Equal((SuggestionMarkKind.Organization, 7), (mark.Kind, mark.SubjectId));
        Assert.Equal(Now, mark.CreatedAtUtc);
    }

    [Fact]
    public void A_few_people_of_a_large_unit_or_a_small_unit_are_marked_one_by_one()
    {
        var marks = SuggestionMarking.ForBulkRows(
            People(7, 1, 60).Concat(People(8, 1000, 10)), new Dictionary<int, int> { [7] = 200, [8] = 10 }, [], Now);

        Assert.All(marks, m => Assert.Equal(SuggestionMarkKind.Person, m.Kind));
        Assert.Equal([.. Enumerable.Range(1, 60), .. Enumerable.Range(1000, 10)], marks.Select(m => m.SubjectId!.Value).Order());
    }

    [Fact]
    public void Rated_collectives_are_marked_once_and_cover_their_people()
    {
        var marks = SuggestionMarking.ForBulkRows(
            People(7, 1, 3).Concat(People(7, 1, 3)).Concat(People(9, 50, 2)), new Dictionary<int, int> { [7] = 500, [9] = 500 }, [7, 7, 11], Now);

        Assert.Equal(
            [(SuggestionMarkKind.Person, 50), (SuggestionMarkKind.Person, 51), (SuggestionMarkKind.Organization, 7), (SuggestionMarkKind.Organization, 11)],
            marks.Select(m => (m.Kind, m.SubjectId!.Value)).OrderBy(m => m.Kind).ThenBy(m => m.Value));
    }
}
