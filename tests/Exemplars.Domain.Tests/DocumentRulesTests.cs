namespace Exemplars.Domain.Tests;

public sealed class DocumentRulesTests
{
    [Theory]
    [InlineData(2025, 5, 5, "ngày 05 tháng 5 năm 2025")]
    [InlineData(2026, 1, 9, "ngày 09 tháng 01 năm 2026")]
    [InlineData(2026, 2, 28, "ngày 28 tháng 02 năm 2026")]
    [InlineData(2025, 3, 10, "ngày 10 tháng 3 năm 2025")]
    [InlineData(2025, 12, 1, "ngày 01 tháng 12 năm 2025")]
    [InlineData(2025, 10, 31, "ngày 31 tháng 10 năm 2025")]
    public void Dates_take_a_leading_zero_for_days_1_to_9_and_months_1_and_2_only(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, PartyDate.InWords(new DateOnly(year, month, day)));
        Assert.Equal("Quảng Ngãi, " + expected, PartyDate.PlaceAndDate("Quảng Ngãi", new DateOnly(year, month, day)));
    }

    [Fact]
    public void Months_3_to_12_never_take_a_zero()
    {
        for (var month = 3; month <= 12; month++)
        {
            Assert.Contains($" tháng {month} ", PartyDate.InWords(new DateOnly(2025, month, 15)), StringComparison.Ordinal);
        }

        Assert.Equal("05/5/2025", PartyDate.Numeric(new DateOnly(2025, 5, 5)));
        Assert.Equal("09/01/2026", PartyDate.Numeric(new DateOnly(2026, 1, 9)));
    }

    [Fact]
    public void Numbers_start_at_01_per_type_and_the_term_is_the_latest_start_on_or_before_the_date()
    {
        Assert.Equal("01-QĐ/ĐUK", DocumentNumber.Format(1, DocumentType.Decision, "ĐUK"));
        Assert.Equal("01-TTr/ĐUK", DocumentNumber.Format(1, DocumentType.Submission, "ĐUK"));
        Assert.Equal("123-QĐ/ĐUK", DocumentNumber.Format(123, DocumentType.Decision, "ĐUK"));
        DateOnly[] terms = [new(2020, 10, 16), new(2025, 8, 20)];
        Assert.Equal(2020, DocumentNumber.TermKey(terms, new DateOnly(2025, 8, 20).AddDays(-1)));
        Assert.Equal(2025, DocumentNumber.TermKey(terms, new DateOnly(2025, 8, 20)));
        Assert.Equal(2025, DocumentNumber.TermKey(terms, new DateOnly(2027, 1, 1)));
        Assert.Equal(2019, DocumentNumber.TermKey(terms, new DateOnly(2019, 5, 1)));
        Assert.Equal(2031, DocumentNumber.TermKey([], new DateOnly(2031, 5, 1)));
        Assert.Equal(2032, DocumentNumber.TermKey(terms, new DateOnly(2032, 1, 1)));
    }

    [Fact]
    public void A_grassroots_document_is_issued_by_the_committee_under_the_party_organisation_it_belongs_to()
    {
        var party = GrassrootsIssuer.For("Đảng bộ Sở Tài chính", "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh");
        Assert.Equal(["ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "ĐẢNG ỦY SỞ TÀI CHÍNH", "*"], party.Lines);
        Assert.Equal(("ĐU", "T/M ĐẢNG ỦY"), (party.Symbol, party.OnBehalf));
        var cell = GrassrootsIssuer.For("Chi bộ Sở Tư pháp", "Đảng bộ các cơ quan Đảng tỉnh");
        Assert.Equal(["ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH", "CHI BỘ SỞ TƯ PHÁP", "*"], cell.Lines);
        Assert.Equal(("CB", "T/M CHI BỘ", "Chi bộ Sở Tư pháp"), (cell.Symbol, cell.OnBehalf, cell.OrganName));
    }
}
