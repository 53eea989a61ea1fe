using System.Globalization;

namespace Exemplars.Domain.Nominations;

/// <summary>
/// What a list prints beside a dossier's deadline (the unit's own, extension included): the days left, or that it is
/// overdue, while the unit can still edit and send it; nothing once it has gone on.
/// </summary>
public static class DeadlineNote
{
    public static string For(NominationStatus status, DateOnly deadline, DateOnly today)
    {
        if (!NominationStateMachine.IsEditable(status))
        {
            return string.Empty;
        }

        var left = deadline.DayNumber - today.DayNumber;
        return left >= 0 ? string.Create(CultureInfo.InvariantCulture, $"(còn {left} ngày)") : "(đã quá hạn)";
    }
}
