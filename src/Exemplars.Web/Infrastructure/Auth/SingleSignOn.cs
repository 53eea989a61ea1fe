using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// The province's single sign-on (issue 17 point 4, ADR 031), configured by the <c>SingleSignOn</c> section: off unless an
/// authority is given. The provider only proves who is signing in; the account, its role and its organisation stay in
/// this app (<see cref="SsoAccount"/>).
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "SingleSignOn";

    /// <summary>The OpenID Connect issuer (its discovery document is read from <c>.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for, separated by spaces; <c>openid</c> is always asked.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The claim of the provider's identity token that carries the e-mail the account is found by.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The button's words on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Tài khoản dùng chung của tỉnh";

    /// <summary>Only for a provider on a trusted local network without TLS (and the tests): metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

public static class SingleSignOn
{
    /// <summary>The authentication scheme of the provider; also the sign-in method recorded in the app's cookie.</summary>
    public const string Scheme = "sso";

    /// <summary>Where the provider's identity token is kept in the app's cookie, for signing out at the provider.</summary>
    public const string IdTokenItem = "sso_id_token";

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        var settings = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        authentication.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return authentication;
        }

        // Checked at start: the handler would otherwise throw on every request, sign-in page included.
        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"SingleSignOn:Authority must be an absolute http(s) address; it is '{settings.Authority}'.");
        }

        if (authority.Scheme == Uri.UriSchemeHttp && settings.RequireHttpsMetadata)
        {
            throw new InvalidOperationException("SingleSignOn:Authority uses http: give the provider's https address, or set SingleSignOn:RequireHttpsMetadata=false for a provider on a trusted local network.");
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException("SingleSignOn:ClientId is required when SingleSignOn:Authority is set.");
        }

        return authentication.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Clear();
            foreach (var scope in ("openid " + settings.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal))
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false; // claims keep the provider's names ("email", "sub"), as EmailClaim names them
            o.SaveTokens = true; // the identity token, kept to sign out at the provider
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Events.OnRemoteFailure = context =>
            {
                // The provider refused or the answer was not valid: a page in Vietnamese, never an exception page.
                context.HandleResponse();
                context.Response.Redirect("/Account/ExternalLogin?handler=Failed");
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.TryGetValue(IdTokenItem, out var idToken) && !string.IsNullOrEmpty(idToken))
                {
                    context.ProtocolMessage.IdTokenHint = idToken;
                }

                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Whether this signed-in user came through the provider (the sign-in method Identity records in the cookie).</summary>
    public static bool CameThrough(ClaimsPrincipal user) =>
        string.Equals(user?.FindFirstValue(ClaimTypes.AuthenticationMethod), Scheme, StringComparison.Ordinal);
}
