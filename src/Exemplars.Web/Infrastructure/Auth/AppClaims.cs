namespace Exemplars.Web.Infrastructure.Auth;

public static class AppClaims
{
    public const string OrganizationId = "exemplars:org";
    public const string FullName = "exemplars:name";
}
