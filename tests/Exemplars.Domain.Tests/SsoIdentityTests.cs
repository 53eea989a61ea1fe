using Exemplars.Domain.Users;

namespace Exemplars.Domain.Tests;

public sealed class SsoIdentityTests
{
    private static KeyValuePair<string, string> C(string type, string value) => new(type, value);

    [Fact]
    public void The_email_is_read_from_the_configured_claim_trimmed()
    {
        Assert.Equal(("coso1@demo.vn", null), SsoIdentity.Read([C("sub", "42"), C("email", "  coso1@demo.vn ")], "email"));
        Assert.Equal(("a@b.vn", null), SsoIdentity.Read([C("email", "x@y.vn"), C("upn", "a@b.vn")], "upn"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("khong-phai-thu")]
    [InlineData("@demo.vn")]
    [InlineData("coso1@")]
    public void No_usable_email_is_refused_with_a_reason(string value)
    {
        var (email, refusal) = SsoIdentity.Read([C("email", value)], "email");
        Assert.Null(email);
        Assert.Equal(SsoIdentity.NoEmail, refusal);
    }

    [Fact]
    public void A_missing_claim_is_refused()
    {
        Assert.Equal((null, SsoIdentity.NoEmail), SsoIdentity.Read([C("sub", "42"), C("name", "Nguyễn Văn An")], "email"));
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    public void An_address_the_provider_says_is_unverified_is_refused(string verified, bool accepted)
    {
        var (email, refusal) = SsoIdentity.Read([C("email", "coso1@demo.vn"), C("email_verified", verified)], "email");
        Assert.Equal(accepted, email is not null);
        Assert.Equal(accepted ? null : SsoIdentity.Unverified, refusal);
    }

    [Fact]
    public void The_no_account_answer_names_the_address_and_says_nothing_is_created()
    {
        var text = SsoIdentity.NoAccount("la@tinh.vn");
        Assert.Contains("la@tinh.vn", text, StringComparison.Ordinal);
        Assert.Contains("không tự tạo tài khoản", text, StringComparison.Ordinal);
    }
}
