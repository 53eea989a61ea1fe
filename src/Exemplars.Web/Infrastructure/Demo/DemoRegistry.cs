using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// Deterministic demo registry: people with believable Vietnamese names and yearly ratings 2021–2024 in every grassroots
/// organisation, and yearly ratings of the organisations themselves. A fixed seed makes every run the same.
/// </summary>
public static class DemoRegistry
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lý"];
    private static readonly string[] MaleMiddle = ["Văn", "Minh", "Đức", "Quốc", "Thanh", "Hữu", "Công"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Hồng", "Thùy", "Thanh"];
    private static readonly string[] MaleGiven = ["Hùng", "Dũng", "Tuấn", "Phúc", "Sơn", "Bảo", "Khánh", "Nam", "Hải", "Long", "Thắng", "Trung"];
    private static readonly string[] FemaleGiven = ["Hà", "Lan", "Mai", "Hương", "Ngọc", "Trang", "Linh", "Thảo", "Yến", "Nhung", "Vân", "Hạnh"];
    private static readonly string[] Positions = ["Chuyên viên", "Trưởng phòng", "Phó Trưởng phòng", "Kế toán viên", "Cán bộ kỹ thuật", "Nhân viên"];

    public sealed record Seed(List<Person> People, List<CollectiveRating> CollectiveRatings);

    public static Seed Build(IReadOnlyList<Organization> grassroots, int peoplePerOrganization = 6)
    {
        var random = new Random(20250330);
        var people = new List<Person>();
        var collectiveRatings = new List<CollectiveRating>();
        var serial = 0;
        foreach (var organization in grassroots)
        {
            var field = FieldOf(organization);
            for (var i = 0; i < peoplePerOrganization; i++)
            {
                serial++;
                var female = random.Next(2) == 0;
                var name = $"{Pick(random, FamilyNames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)}";
                var birthYear = 1968 + random.Next(30);
                var partyMember = i < peoplePerOrganization - 1;
                var leader = i == 0;
                var person = new Person
                {
                    Code = $"DV{serial:00000}",
                    FullName = name,
                    SearchName = VietnameseText.Fold(name + " " + $"DV{serial:00000}"),
                    BirthDate = new DateOnly(birthYear, 1 + random.Next(12), 1 + random.Next(28)),
                    Gender = female ? Gender.Female : Gender.Male,
                    Ethnicity = random.Next(10) == 0 ? "Hrê" : "Kinh",
                    Position = leader ? (organization.HostUnitType == HostUnitType.StateAgency ? "Giám đốc" : "Tổng Giám đốc") : Pick(random, Positions),
                    OrganizationId = organization.Id,
                    IsPartyMember = partyMember,
                    PartyJoinYear = partyMember ? Math.Min(2022, birthYear + 22 + random.Next(12)) : null,
                    IsLeader = leader,
                    LedOrganizationId = leader ? organization.Id : null,
                    FieldCategoryCode = field,
                };
                if (partyMember)
                {
                    for (var year = Math.Max(2021, person.PartyJoinYear!.Value); year <= 2024; year++)
                    {
                        // Mostly Good, often Excellent, now and then a gap or a weak year: every rule outcome appears.
                        var roll = random.Next(20);
                        if (roll == 0)
                        {
                            continue;
                        }

                        person.Ratings.Add(new PersonRating { Year = year, Rating = roll < 9 ? Rating.Excellent : roll < 19 ? Rating.Good : Rating.Completed });
                    }
                }

                if (random.Next(40) == 0)
                {
                    person.Disciplines.Add(new DisciplineRecord { Year = 2022, Form = "Khiển trách" });
                }

                people.Add(person);
            }

            var strong = random.Next(3) > 0;
            for (var year = 2021; year <= 2024; year++)
            {
                collectiveRatings.Add(new CollectiveRating { OrganizationId = organization.Id, Year = year, Body = CollectiveBody.PartyOrganisation, Rating = strong || random.Next(3) > 0 ? Rating.Excellent : Rating.Good });
                collectiveRatings.Add(new CollectiveRating { OrganizationId = organization.Id, Year = year, Body = CollectiveBody.TradeUnion, Rating = strong || random.Next(2) > 0 ? Rating.Excellent : Rating.Good });
                if (organization.HostUnitType != HostUnitType.PrivateEnterprise)
                {
                    collectiveRatings.Add(new CollectiveRating { OrganizationId = organization.Id, Year = year, Body = CollectiveBody.YouthUnion, Rating = strong ? Rating.Excellent : Rating.Good });
                }
            }
        }

        return new Seed(people, collectiveRatings);
    }

    /// <summary>
    /// More people for each grassroots organisation, numbered after <paramref name="firstSerial"/>, from a seed of their own
    /// (the first people of <see cref="Build"/> stay exactly as they were).
    /// </summary>
    public static List<Person> Extra(IReadOnlyList<Organization> grassroots, int firstSerial, int perOrganization)
    {
        var random = new Random(20260330);
        var people = new List<Person>();
        var serial = firstSerial;
        foreach (var organization in grassroots)
        {
            for (var i = 0; i < perOrganization; i++)
            {
                serial++;
                var female = random.Next(2) == 0;
                var name = $"{Pick(random, FamilyNames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)}";
                var birthYear = 1975 + random.Next(25);
                var partyMember = random.Next(4) > 0;
                var code = $"DV{serial:00000}";
                var person = new Person
                {
                    Code = code,
                    FullName = name,
                    SearchName = VietnameseText.Fold(name + " " + code),
                    BirthDate = new DateOnly(birthYear, 1 + random.Next(12), 1 + random.Next(28)),
                    Gender = female ? Gender.Female : Gender.Male,
                    Ethnicity = random.Next(10) == 0 ? "Hrê" : "Kinh",
                    Position = Pick(random, Positions),
                    OrganizationId = organization.Id,
                    IsPartyMember = partyMember,
                    PartyJoinYear = partyMember ? Math.Min(2022, birthYear + 22 + random.Next(6)) : null,
                    FieldCategoryCode = FieldOf(organization),
                };
                if (partyMember)
                {
                    for (var year = Math.Max(2021, person.PartyJoinYear!.Value); year <= 2024; year++)
                    {
                        var roll = random.Next(20);
                        person.Ratings.Add(new PersonRating { Year = year, Rating = roll < 9 ? Rating.Excellent : roll < 19 ? Rating.Good : Rating.Completed });
                    }
                }

                people.Add(person);
            }
        }

        return people;
    }

    /// <summary>
    /// Ratings of the years after the 2021–2025 data (<paramref name="fromYear"/>..<paramref name="toYear"/>), for the
    /// current plan's round: party members and organisations, from a seed of their own. Most are good or excellent.
    /// </summary>
    public static List<CollectiveRating> AddRecentRatings(IEnumerable<Person> people, IReadOnlyList<Organization> grassroots, int fromYear, int toYear)
    {
        var random = new Random(20261201);
        foreach (var person in people.Where(p => p.IsPartyMember))
        {
            for (var year = fromYear; year <= toYear; year++)
            {
                var roll = random.Next(20);
                person.Ratings.Add(new PersonRating { Year = year, Rating = roll < 11 ? Rating.Excellent : roll < 19 ? Rating.Good : Rating.Completed });
            }
        }

        var ratings = new List<CollectiveRating>();
        foreach (var organization in grassroots)
        {
            for (var year = fromYear; year <= toYear; year++)
            {
                var excellent = random.Next(4) > 0;
                ratings.Add(new CollectiveRating { OrganizationId = organization.Id, Year = year, Body = CollectiveBody.PartyOrganisation, Rating = excellent ? Rating.Excellent : Rating.Good });
                ratings.Add(new CollectiveRating { OrganizationId = organization.Id, Year = year, Body = CollectiveBody.TradeUnion, Rating = excellent || random.Next(2) > 0 ? Rating.Excellent : Rating.Good });
                if (organization.HostUnitType != HostUnitType.PrivateEnterprise)
                {
                    ratings.Add(new CollectiveRating { OrganizationId = organization.Id, Year = year, Body = CollectiveBody.YouthUnion, Rating = excellent ? Rating.Excellent : Rating.Good });
                }
            }
        }

        return ratings;
    }

    private static string FieldOf(Organization organization) => organization.Name switch
    {
        var n when n.Contains("Bệnh viện", StringComparison.Ordinal) || n.Contains("Y tế", StringComparison.Ordinal) || n.Contains("bệnh tật", StringComparison.Ordinal) => "3.2.3",
        var n when n.Contains("Trường", StringComparison.Ordinal) || n.Contains("Giáo dục", StringComparison.Ordinal) => "3.2.2",
        var n when n.Contains("Văn hóa", StringComparison.Ordinal) || n.Contains("Đài", StringComparison.Ordinal) || n.Contains("Báo", StringComparison.Ordinal) => "3.2.4",
        _ when organization.HostUnitType is HostUnitType.StateEnterprise or HostUnitType.PrivateEnterprise => "3.2.1",
        _ => "3.2.5",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
