using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Tests;

public sealed class CeremonyRulesTests
{
    private static readonly DateTime T0 = new(2025, 5, 1, 2, 0, 0, DateTimeKind.Utc);

    private static readonly Ceremony.Details Plan = new(
        "Hội nghị tuyên dương gương điển hình tiêu biểu", "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh", new DateOnly(2025, 5, 19), new TimeOnly(8, 0),
        "Hội trường", "1. Chào cờ\n- Tuyên bố lý do, giới thiệu đại biểu\n\nCông bố Quyết định khen thưởng\n", 4);

    // Unit 1 has a commended collective (award 10) and a commended individual who leads it (award 11);
    // unit 2 has a commended individual (award 12) and two leaders; award 13 is a collective of unit 2.
    private static readonly InvitationList.Awardee[] Awardees =
    [
        new(12, false, "Trần Thị Bình", 200, "Chuyên viên", 2, "Đảng bộ Sở Y tế"),
        new(10, true, "Chi bộ Phòng Kế hoạch", null, null, 1, "Đảng bộ Công ty Điện lực"),
        new(11, false, "Đỗ Văn An", 100, "Giám đốc", 1, "Đảng bộ Công ty Điện lực"),
        new(13, true, "Bệnh viện Đa khoa", null, null, 2, "Đảng bộ Sở Y tế"),
    ];

    private static readonly InvitationList.Leader[] Leaders =
    [
        new(100, "Đỗ Văn An", "Giám đốc", 1, "Đảng bộ Công ty Điện lực"),
        new(201, "Lê Văn Cường", "Bí thư Đảng ủy", 2, "Đảng bộ Sở Y tế"),
        new(202, "Phạm Thị Dung", "Giám đốc Sở", 2, "Đảng bộ Sở Y tế"),
        new(301, "Hoàng Văn Em", "Giám đốc", 3, "Đảng bộ không có ai được khen"),
    ];

    private static Ceremony Planned()
    {
        var ceremony = Ceremony.Plan(1, 2, Plan, "tgdv@demo.vn", T0).Value;
        Assert.True(ceremony.SyncGuests(InvitationList.Build(Awardees, Leaders), T0).IsSuccess);
        var id = 1;
        foreach (var guest in ceremony.Guests)
        {
            guest.Id = id++;
        }

        return ceremony;
    }

    [Fact]
    public void The_invitation_list_has_each_awardee_once_in_presentation_order_then_their_units_leaders_once_each()
    {
        var list = InvitationList.Build(Awardees, Leaders);
        Assert.Equal(
            ["Bệnh viện Đa khoa", "Chi bộ Phòng Kế hoạch", "Đỗ Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"],
            list.Select(g => g.Name));
        Assert.Equal(
            [GuestKind.CollectiveRepresentative, GuestKind.CollectiveRepresentative, GuestKind.Individual, GuestKind.Individual, GuestKind.UnitLeader, GuestKind.UnitLeader],
            list.Select(g => g.Kind));
        // The leader of unit 1 is commended himself: invited once, as an awardee. Unit 3 has no awardee: its leader is not invited.
        Assert.Single(list, g => g.PersonId == 100);
        Assert.DoesNotContain(list, g => g.PersonId == 301);
        Assert.Equal("Đại diện tập thể", list[0].Position);
        Assert.Equal(2, list[0].OrganizationId);
    }

    [Fact]
    public void Collectives_are_presented_before_individuals_each_in_Vietnamese_order()
    {
        var sorted = PresentationOrder.Sort(new[] { ("Đinh", false), ("Dương", false), ("Ánh", true), ("An", true) }, x => x.Item2, x => x.Item1);
        Assert.Equal(["An", "Ánh", "Dương", "Đinh"], sorted.Select(x => x.Item1));
    }

    [Fact]
    public void Awardees_fill_the_front_rows_in_order_leaders_start_a_row_behind_and_guests_sit_in_their_block()
    {
        var ceremony = Planned();
        Assert.True(ceremony.AddGuest(GuestKind.Guest, "Nguyễn Khách", "Phóng viên", "Báo tỉnh", T0).IsSuccess);
        Assert.True(ceremony.AddGuest(GuestKind.HostLeader, "Võ Chủ Trì", "Bí thư", null, T0).IsSuccess);
        var seats = ceremony.Guests.OrderBy(g => g.Order).Select(g => $"{g.Name}:{g.Seat}").ToList();
        Assert.Equal(
            ["Bệnh viện Đa khoa:A01", "Chi bộ Phòng Kế hoạch:A02", "Đỗ Văn An:A03", "Trần Thị Bình:A04", "Lê Văn Cường:B01", "Phạm Thị Dung:B02", "Võ Chủ Trì:KM01", "Nguyễn Khách:KM02"],
            seats);
    }

    [Theory]
    [InlineData("A01", "A", 1)]
    [InlineData("AB07", "AB", 7)]
    [InlineData("KM12", "KM", 12)]
    [InlineData("Z", "Z", 0)]
    public void A_seat_label_splits_into_its_row_and_number(string seat, string row, int number) => Assert.Equal((row, number), SeatingPlan.Split(seat));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    public void Rows_are_lettered_like_a_hall(int index, string label) => Assert.Equal(label, SeatingPlan.RowLabel(index));

    [Fact]
    public void A_full_row_goes_on_to_the_next()
    {
        var seats = SeatingPlan.Assign([.. Enumerable.Repeat(GuestKind.Individual, 5), GuestKind.UnitLeader], 4);
        Assert.Equal(["A01", "A02", "A03", "A04", "B01", "C01"], seats);
    }

    [Fact]
    public void The_programme_is_kept_as_ordered_items_without_the_numbers_typed()
    {
        var ceremony = Ceremony.Plan(1, 2, Plan, "tgdv@demo.vn", T0).Value;
        Assert.Equal(["Chào cờ", "Tuyên bố lý do, giới thiệu đại biểu", "Công bố Quyết định khen thưởng"], ceremony.ProgrammeItems);
    }

    [Fact]
    public void A_ceremony_needs_a_title_a_place_a_programme_and_a_sensible_row()
    {
        var bad = Ceremony.Plan(1, 2, Plan with { Title = " ", Place = null, Programme = "\n", SeatsPerRow = 2 }, "x", T0);
        Assert.False(bad.IsSuccess);
        Assert.Equal(["Title", "Place", "Programme", "SeatsPerRow"], bad.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Syncing_again_keeps_guests_added_by_hand_and_the_roll_of_those_still_invited()
    {
        var ceremony = Planned();
        Assert.True(ceremony.AddGuest(GuestKind.Guest, "Nguyễn Khách", null, null, T0).IsSuccess);
        var binh = ceremony.Guests.Single(g => g.AwardId == 12);
        Assert.True(ceremony.MarkAttendance(new Dictionary<int, bool?> { [binh.Id] = true }, T0).IsSuccess);

        // Award 13 left the decision: its representative goes, and so do the leaders of unit 2? No: unit 2 still has award 12.
        Assert.True(ceremony.SyncGuests(InvitationList.Build([.. Awardees.Where(a => a.AwardId != 13)], Leaders), T0).IsSuccess);
        Assert.DoesNotContain(ceremony.Guests, g => g.AwardId == 13);
        Assert.Same(binh, ceremony.Guests.Single(g => g.AwardId == 12));
        Assert.True(binh.Attended);
        Assert.Contains(ceremony.Guests, g => g.Name == "Nguyễn Khách");
        Assert.Equal(2, ceremony.Guests.Count(g => g.Kind == GuestKind.UnitLeader));
        Assert.Equal(Enumerable.Range(1, ceremony.Guests.Count), ceremony.Guests.Select(g => g.Order).Order());
    }

    [Fact]
    public void The_commended_cannot_be_taken_off_the_list_but_leaders_and_guests_can()
    {
        var ceremony = Planned();
        var awardee = ceremony.Guests.First(g => g.Kind == GuestKind.Individual);
        var refused = ceremony.RemoveGuest(awardee.Id, T0);
        Assert.Equal("awardee_kept", refused.Errors[0].Code);
        var leader = ceremony.Guests.First(g => g.Kind == GuestKind.UnitLeader);
        Assert.True(ceremony.RemoveGuest(leader.Id, T0).IsSuccess);
        Assert.DoesNotContain(leader, ceremony.Guests);
        Assert.Equal(ErrorKind.NotFound, ceremony.RemoveGuest(999, T0).Errors[0].Kind);
    }

    [Fact]
    public void Guests_from_the_decision_are_not_added_by_hand()
    {
        var ceremony = Planned();
        Assert.False(ceremony.AddGuest(GuestKind.Individual, "Ai đó", null, null, T0).IsSuccess);
        Assert.False(ceremony.AddGuest(GuestKind.Guest, " ", null, null, T0).IsSuccess);
    }

    [Fact]
    public void Once_held_the_list_is_history_the_roll_and_the_story_are_not()
    {
        var ceremony = Planned();
        var today = new DateOnly(2025, 5, 19);
        Assert.Equal("validation", ceremony.MarkHeld(today.AddDays(1), today, T0).Errors[0].Code);
        Assert.Equal("not_held", ceremony.WriteStory("Tin", "<p>Bài</p>", true, T0).Errors[0].Code);
        Assert.True(ceremony.MarkHeld(today, today, T0).IsSuccess);
        Assert.Equal(CeremonyState.Held, ceremony.State);
        Assert.Equal("ceremony_held", ceremony.AddGuest(GuestKind.Guest, "Muộn", null, null, T0).Errors[0].Code);
        Assert.Equal("ceremony_held", ceremony.SyncGuests([], T0).Errors[0].Code);
        Assert.Equal("ceremony_held", ceremony.Edit(Plan, T0).Errors[0].Code);
        Assert.Equal("ceremony_held", ceremony.MarkHeld(today, today, T0).Errors[0].Code);
        Assert.True(ceremony.MarkAttendance(new Dictionary<int, bool?> { [ceremony.Guests[0].Id] = false }, T0).IsSuccess);
        Assert.True(ceremony.WriteStory(" Tin buổi lễ ", "<p>Bài</p>", true, T0).IsSuccess);
        Assert.True(ceremony.StoryPublished);
        Assert.Equal(T0, ceremony.StoryPublishedAtUtc);
        Assert.Equal("Tin buổi lễ", ceremony.StoryTitle);
    }

    [Fact]
    public void Every_write_changes_the_version_and_an_unknown_guest_in_the_roll_is_refused()
    {
        var ceremony = Planned();
        var before = ceremony.Version;
        Assert.True(ceremony.AddGuest(GuestKind.Guest, "Khách", null, null, T0).IsSuccess);
        Assert.NotEqual(before, ceremony.Version);
        before = ceremony.Version;
        Assert.Equal("unknown_guest", ceremony.MarkAttendance(new Dictionary<int, bool?> { [12345] = true }, T0).Errors[0].Code);
        Assert.Equal(before, ceremony.Version);
    }
}
