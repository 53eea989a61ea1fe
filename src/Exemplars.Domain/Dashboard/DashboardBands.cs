using Exemplars.Domain.People;

namespace Exemplars.Domain.Dashboard;

/// <summary>Age bands of the secretariat dashboard, in the order they are charted.</summary>
public enum AgeBand
{
    Under30,
    From30To39,
    From40To49,
    From50To59,
    From60,
    Unknown,
}

/// <summary>Whether a dossier reached the bloc in time, judged by the day (Viet Nam time) of its first submission.</summary>
public enum Timeliness
{
    /// <summary>On or before the round's deadline.</summary>
    OnTime,

    /// <summary>After the round's deadline but on or before the extension the secretariat granted the unit: not late.</summary>
    WithinExtension,

    /// <summary>After the unit's last allowed day (possible when a deadline or extension was shortened after submission).</summary>
    Late,

    /// <summary>A draft never sent.</summary>
    NotSubmitted,
}

/// <summary>The pure banding and labelling behind the dashboard's charts; the host does the counting in the database.</summary>
public static class DashboardBands
{
    /// <summary>Full years of age on <paramref name="asOf"/>; null when the birth date is unknown or after that day.</summary>
    public static int? AgeOn(DateOnly? birthDate, DateOnly asOf)
    {
        if (birthDate is not { } birth || birth > asOf)
        {
            return null;
        }

        var years = asOf.Year - birth.Year;
        // Month and day compared as numbers: someone born on 29 February turns a year older on 1 March in common years.
        var birthdayPassed = asOf.Month > birth.Month || (asOf.Month == birth.Month && asOf.Day >= birth.Day);
        return birthdayPassed ? years : years - 1;
    }

    public static AgeBand AgeBandOf(DateOnly? birthDate, DateOnly asOf) => AgeOn(birthDate, asOf) switch
    {
        null => AgeBand.Unknown,
        < 30 => AgeBand.Under30,
        < 40 => AgeBand.From30To39,
        < 50 => AgeBand.From40To49,
        < 60 => AgeBand.From50To59,
        _ => AgeBand.From60,
    };

    /// <param name="firstSubmittedOn">The Viet Nam calendar day of the first submission; null for a draft never sent.</param>
    public static Timeliness TimelinessOf(DateOnly? firstSubmittedOn, DateOnly deadline, DateOnly? extensionUntil)
    {
        if (firstSubmittedOn is not { } sent)
        {
            return Timeliness.NotSubmitted;
        }

        if (sent <= deadline)
        {
            return Timeliness.OnTime;
        }

        return sent <= Common.Deadlines.LastDay(deadline, extensionUntil) ? Timeliness.WithinExtension : Timeliness.Late;
    }

    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.Under30 => "Dưới 30 tuổi",
        AgeBand.From30To39 => "30–39 tuổi",
        AgeBand.From40To49 => "40–49 tuổi",
        AgeBand.From50To59 => "50–59 tuổi",
        AgeBand.From60 => "Từ 60 tuổi",
        AgeBand.Unknown => "Không rõ",
    };

    public static string Label(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.WithinExtension => "Trong thời gian gia hạn",
        Timeliness.Late => "Nộp muộn",
        Timeliness.NotSubmitted => "Chưa nộp",
    };

    /// <summary>"Không rõ" when the registry does not say.</summary>
    public static string GenderLabel(Gender? gender) => gender switch
    {
        Gender.Male => "Nam",
        Gender.Female => "Nữ",
        null => "Không rõ",
    };
}
