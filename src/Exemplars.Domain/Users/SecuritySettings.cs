namespace Exemplars.Domain.Users;

/// <summary>The system's security choices an administrator makes (one row, id 1).</summary>
public sealed class SecuritySettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Administrators and the secretariat must sign in with a second step (an authenticator app's code).</summary>
    public bool RequireTwoFactorForStaff { get; set; }

    /// <summary>The roles the requirement applies to: those that can see every unit's data and run the round.</summary>
    public static bool AppliesTo(string role) => role is Roles.Admin or Roles.Secretariat;
}
