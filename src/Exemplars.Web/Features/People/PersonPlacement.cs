using Exemplars.Domain.People;

namespace Exemplars.Web.Features.People;

/// <summary>
/// Where a registry row puts a person, checked the same way for the Excel import and the registry sync: the unit must be
/// an active organisation in the caller's scope, the collective the person leads the unit or one under it, and the
/// person's code not already used by a unit outside the scope.
/// </summary>
public static class PersonPlacement
{
    public sealed record Unit(string Code, int Id, string Path);

    /// <summary>The unit's and the led collective's ids; each refusal goes to <paramref name="error"/> in Vietnamese.</summary>
    public static (Unit? Organization, int? LedId) Check(
        string personCode, string organizationCode, string ledCode, IReadOnlyDictionary<string, Unit> organizations,
        IReadOnlyDictionary<string, Person> existing, IReadOnlySet<int> organizationIds, Action<string> error)
    {
        if (!organizations.TryGetValue(organizationCode, out var organization))
        {
            error($"Không có tổ chức mã {organizationCode} trong phạm vi của đồng chí.");
        }

        int? ledId = null;
        if (ledCode.Length > 0 && organization is not null)
        {
            if (!organizations.TryGetValue(ledCode, out var led) || !led.Path.StartsWith(organization.Path, StringComparison.Ordinal))
            {
                error($"Tập thể lãnh đạo {ledCode} phải là tổ chức của người đó hoặc đơn vị trực thuộc.");
            }
            else
            {
                ledId = led.Id;
            }
        }

        if (existing.TryGetValue(personCode, out var current) && !organizationIds.Contains(current.OrganizationId))
        {
            error($"Mã người {personCode} đã được đơn vị khác sử dụng.");
        }

        return (organization, ledId);
    }

    /// <summary>Copies the draft onto the person; true when something changed (the version then changes too).</summary>
    public static bool Apply(Person person, PersonDraft draft, int organizationId, int? ledId)
    {
        var before = (person.FullName, person.BirthDate, person.Gender, person.Ethnicity, person.Position, person.OrganizationId, person.IsPartyMember, person.PartyJoinYear, person.IsLeader, person.LedOrganizationId, person.FieldCategoryCode);
        var version = person.Version;
        SavePerson.Handler.Apply(person, draft, organizationId, ledId);
        if (person.Id != 0 && before == (person.FullName, person.BirthDate, person.Gender, person.Ethnicity, person.Position, person.OrganizationId, person.IsPartyMember, person.PartyJoinYear, person.IsLeader, person.LedOrganizationId, person.FieldCategoryCode))
        {
            person.Version = version;
            return false;
        }

        return true;
    }
}
