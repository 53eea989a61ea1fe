using Exemplars.Domain.Users;

namespace Exemplars.Domain.Tests;

/// <summary>Issue 15: common passwords are refused also when dressed up with digits, symbols and look-alike characters.</summary>
public sealed class PasswordRulesTests
{
    private static readonly HashSet<string> Common = ["password", "iloveyou", "matkhau", "anhyeuem", "qwerty", "dragon"];

    [Theory]
    [InlineData("password")]
    [InlineData("Password2026!")]
    [InlineData("P@ssw0rd-2026")]
    [InlineData("2026!!Passw0rd")]
    [InlineData("1L0veY0u-2026!")]
    [InlineData("Matkhau@2026!")]
    [InlineData("Anhyeuem-123456")]
    [InlineData("Q.W.E.R.T.Y.2026")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("121212121212")]
    [InlineData("Aa1!Aa1!Aa1!")]
    public void Common_passwords_in_disguise_are_refused(string password) => Assert.True(PasswordRules.IsCommon(password, Common));

    [Theory]
    [InlineData("Demo@2025-Khoi")]
    [InlineData("Vung-Tin-2026-Khoi")]
    [InlineData("sông Hồng chảy mãi")]
    [InlineData("Dragonfly-Mekong-7")]
    public void Other_passwords_pass(string password) => Assert.False(PasswordRules.IsCommon(password, Common));

    [Fact]
    public void A_password_holding_the_accounts_own_name_is_refused() =>
        Assert.True(PasswordRules.IsCommon("Thuhuong-2026!", Common, "thuhuong@tinh.vn"));
}
