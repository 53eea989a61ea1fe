using Exemplars.Domain.Common;

namespace Exemplars.Domain.Ceremonies;

/// <summary>
/// The ceremony (lễ tuyên dương) where a round's commended collectives and individuals receive their awards: when and
/// where, its programme, the invitation list built from the decision it honours with a seat for everyone, who came,
/// and afterwards its photos and story for the showcase. Planned until recorded as held; the guest list is frozen then,
/// the roll and the story are not. Every write changes <see cref="Version"/> (ADR 012).
/// </summary>
public sealed class Ceremony
{
    public const int MaxTitle = 500;

    public const int MaxPlace = 300;

    public const int MaxProgrammeLines = 30;

    public const int MaxProgrammeLine = 300;

    public const int MaxStory = 50_000;

    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>The Quyết định whose awards are presented.</summary>
    public int DecisionId { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>"Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)", from the round by default.</summary>
    public string? Occasion { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Start time, Viet Nam time.</summary>
    public TimeOnly StartsAt { get; set; }

    public string Place { get; set; } = string.Empty;

    /// <summary>The programme's items, one a line, in order.</summary>
    public string Programme { get; set; } = string.Empty;

    public int SeatsPerRow { get; set; } = SeatingPlan.DefaultSeatsPerRow;

    public CeremonyState State { get; set; } = CeremonyState.Planned;

    public DateOnly? HeldOn { get; set; }

    public string? StoryTitle { get; set; }

    /// <summary>Sanitised formatting only (the web layer cleans it before it gets here).</summary>
    public string? StoryHtml { get; set; }

    /// <summary>Shown on the public showcase only while true.</summary>
    public bool StoryPublished { get; set; }

    public DateTime? StoryPublishedAtUtc { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CeremonyGuest> Guests { get; set; } = [];

    public List<CeremonyPhoto> Photos { get; set; } = [];

    public IReadOnlyList<string> ProgrammeItems => Lines(Programme);

    /// <summary>What the secretariat fills in to plan (or re-plan) a ceremony.</summary>
    public sealed record Details(string? Title, string? Occasion, DateOnly Date, TimeOnly StartsAt, string? Place, string? Programme, int SeatsPerRow);

    public static Result<Ceremony> Plan(int roundId, int decisionId, Details details, string createdBy, DateTime nowUtc)
    {
        var ceremony = new Ceremony { RoundId = roundId, DecisionId = decisionId, CreatedBy = createdBy, CreatedAtUtc = nowUtc };
        var set = ceremony.Set(details, nowUtc);
        return set.Count == 0 ? ceremony : Result<Ceremony>.Failure(set);
    }

    public Result<bool> Edit(Details details, DateTime nowUtc)
    {
        if (State != CeremonyState.Planned)
        {
            return AlreadyHeld();
        }

        var errors = Set(details, nowUtc);
        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        Seat();
        return true;
    }

    /// <summary>
    /// Puts the decision's guests (awardees and their units' leaders, as <see cref="InvitationList.Build"/> made them) in
    /// place of the ones it brought before; guests added by hand stay. A guest already on the list keeps their record
    /// (and their attendance mark); everyone is numbered and seated again.
    /// </summary>
    public Result<bool> SyncGuests(IReadOnlyList<InvitationList.Draft> fromDecision, DateTime nowUtc)
    {
        if (State != CeremonyState.Planned)
        {
            return AlreadyHeld();
        }

        var previous = Guests.Where(g => g.Kind.FromDecision()).ToList();
        var kept = new List<CeremonyGuest>();
        foreach (var draft in fromDecision)
        {
            var existing = previous.FirstOrDefault(g => draft.Matches(g));
            if (existing is not null)
            {
                previous.Remove(existing);
                existing.Name = draft.Name;
                existing.Position = draft.Position;
                existing.Unit = draft.Unit;
                existing.OrganizationId = draft.OrganizationId;
                kept.Add(existing);
            }
            else
            {
                kept.Add(draft.ToGuest());
            }
        }

        var manual = Guests.Where(g => !g.Kind.FromDecision()).ToList();
        Guests.Clear();
        Guests.AddRange(kept);
        Guests.AddRange(manual);
        Touch(nowUtc);
        Seat();
        return true;
    }

    /// <summary>A leader of the host committee or another guest, added by hand at the end of their group.</summary>
    public Result<CeremonyGuest> AddGuest(GuestKind kind, string? name, string? position, string? unit, DateTime nowUtc)
    {
        if (State != CeremonyState.Planned)
        {
            return AlreadyHeld();
        }

        var errors = new List<DomainError>();
        if (kind.FromDecision())
        {
            errors.Add(DomainError.Invalid("Kind", "Người được khen thưởng và lãnh đạo đơn vị của họ lấy từ quyết định; chỉ thêm lãnh đạo cấp ủy chủ trì hoặc khách mời."));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > CeremonyGuest.MaxName)
        {
            errors.Add(DomainError.Invalid("Name", $"Nhập họ và tên người được mời (tối đa {CeremonyGuest.MaxName} ký tự)."));
        }

        if (position?.Trim().Length > CeremonyGuest.MaxPosition || unit?.Trim().Length > CeremonyGuest.MaxName)
        {
            errors.Add(DomainError.Invalid("Position", $"Chức vụ tối đa {CeremonyGuest.MaxPosition} ký tự, đơn vị tối đa {CeremonyGuest.MaxName} ký tự."));
        }

        if (errors.Count > 0)
        {
            return Result<CeremonyGuest>.Failure(errors);
        }

        var guest = new CeremonyGuest { Kind = kind, Name = name!.Trim(), Position = Clean(position), Unit = Clean(unit) };
        Guests.Add(guest);
        Touch(nowUtc);
        Seat();
        return guest;
    }

    /// <summary>Removes a guest added by hand or a unit leader; the commended are on the list because the decision names them.</summary>
    public Result<bool> RemoveGuest(int guestId, DateTime nowUtc)
    {
        if (State != CeremonyState.Planned)
        {
            return AlreadyHeld();
        }

        var guest = Guests.FirstOrDefault(g => g.Id == guestId);
        if (guest is null)
        {
            return DomainError.NotFound("Không tìm thấy người được mời trong danh sách.");
        }

        if (guest.Kind.IsAwardee())
        {
            return DomainError.Rule("awardee_kept", "Tập thể, cá nhân được khen thưởng có trong quyết định nên không bỏ khỏi danh sách mời; nếu vắng mặt, hãy điểm danh là vắng.");
        }

        Guests.Remove(guest);
        Touch(nowUtc);
        Seat();
        return true;
    }

    /// <summary>The roll: who came (true), who did not (false), not yet known (null). Taken on the day or recorded afterwards.</summary>
    public Result<bool> MarkAttendance(IReadOnlyDictionary<int, bool?> marks, DateTime nowUtc)
    {
        foreach (var id in marks.Keys)
        {
            if (Guests.All(g => g.Id != id))
            {
                return DomainError.Rule("unknown_guest", "Danh sách điểm danh có người không có trong danh sách mời; hãy tải lại trang.", "Guests");
            }
        }

        foreach (var guest in Guests)
        {
            if (marks.TryGetValue(guest.Id, out var mark))
            {
                guest.Attended = mark;
            }
        }

        Touch(nowUtc);
        return true;
    }

    /// <summary>Records that the ceremony took place (on a day not after today); its guest list is history from then on.</summary>
    public Result<bool> MarkHeld(DateOnly heldOn, DateOnly today, DateTime nowUtc)
    {
        if (State != CeremonyState.Planned)
        {
            return AlreadyHeld();
        }

        if (heldOn > today)
        {
            return DomainError.Invalid("HeldOn", "Ngày tổ chức không được sau hôm nay.");
        }

        if (Guests.Count == 0)
        {
            return DomainError.Rule("no_guests", "Lễ tuyên dương chưa có danh sách mời.");
        }

        State = CeremonyState.Held;
        HeldOn = heldOn;
        Touch(nowUtc);
        return true;
    }

    /// <summary>The story of the held ceremony for the showcase; published (or taken off) with it.</summary>
    public Result<bool> WriteStory(string? title, string? html, bool publish, DateTime nowUtc)
    {
        if (State != CeremonyState.Held)
        {
            return DomainError.Rule("not_held", "Chỉ viết bài về buổi lễ sau khi ghi nhận đã tổ chức.");
        }

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle)
        {
            errors.Add(DomainError.Invalid("StoryTitle", $"Nhập tiêu đề bài viết (tối đa {MaxTitle} ký tự)."));
        }

        if (string.IsNullOrWhiteSpace(html) || html.Length > MaxStory)
        {
            errors.Add(DomainError.Invalid("StoryHtml", "Nhập nội dung bài viết (tối đa 50.000 ký tự)."));
        }

        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        StoryTitle = title!.Trim();
        StoryHtml = html;
        if (publish && !StoryPublished)
        {
            StoryPublishedAtUtc = nowUtc;
        }

        StoryPublished = publish;
        Touch(nowUtc);
        return true;
    }

    public Result<bool> AddPhoto(CeremonyPhoto photo, DateTime nowUtc)
    {
        if (State != CeremonyState.Held)
        {
            return DomainError.Rule("not_held", "Chỉ thêm ảnh sau khi ghi nhận buổi lễ đã tổ chức.");
        }

        if (photo.Caption?.Length > CeremonyPhoto.MaxCaption)
        {
            return DomainError.Invalid("Caption", $"Chú thích ảnh tối đa {CeremonyPhoto.MaxCaption} ký tự.");
        }

        Photos.Add(photo);
        Touch(nowUtc);
        return true;
    }

    /// <summary>Everyone numbered in list order and seated by <see cref="SeatingPlan"/>.</summary>
    private void Seat()
    {
        var ordered = SeatingPlan.Order(Guests);
        var seats = SeatingPlan.Assign(ordered.Select(g => g.Kind).ToList(), SeatsPerRow);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
            ordered[i].Seat = seats[i];
        }
    }

    private List<DomainError> Set(Details d, DateTime nowUtc)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Trim().Length > MaxTitle)
        {
            errors.Add(DomainError.Invalid("Title", $"Nhập tên buổi lễ (tối đa {MaxTitle} ký tự)."));
        }

        if (d.Occasion?.Trim().Length > MaxTitle)
        {
            errors.Add(DomainError.Invalid("Occasion", $"Dịp tổ chức tối đa {MaxTitle} ký tự."));
        }

        if (string.IsNullOrWhiteSpace(d.Place) || d.Place.Trim().Length > MaxPlace)
        {
            errors.Add(DomainError.Invalid("Place", $"Nhập địa điểm tổ chức (tối đa {MaxPlace} ký tự)."));
        }

        if (d.Date.Year is < 2000 or > 2200)
        {
            errors.Add(DomainError.Invalid("Date", "Ngày tổ chức không hợp lệ."));
        }

        var items = Lines(d.Programme);
        if (items.Count == 0 || items.Count > MaxProgrammeLines || items.Any(i => i.Length > MaxProgrammeLine))
        {
            errors.Add(DomainError.Invalid("Programme", $"Chương trình có từ 1 đến {MaxProgrammeLines} mục, mỗi mục một dòng, tối đa {MaxProgrammeLine} ký tự."));
        }

        if (d.SeatsPerRow is < SeatingPlan.MinSeatsPerRow or > SeatingPlan.MaxSeatsPerRow)
        {
            errors.Add(DomainError.Invalid("SeatsPerRow", $"Số ghế mỗi hàng từ {SeatingPlan.MinSeatsPerRow} đến {SeatingPlan.MaxSeatsPerRow}."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Title = d.Title!.Trim();
        Occasion = Clean(d.Occasion);
        Date = d.Date;
        StartsAt = d.StartsAt;
        Place = d.Place!.Trim();
        Programme = string.Join('\n', items);
        SeatsPerRow = d.SeatsPerRow;
        Touch(nowUtc);
        return errors;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    private static DomainError AlreadyHeld() =>
        DomainError.Conflict("ceremony_held", "Buổi lễ đã được ghi nhận là đã tổ chức: danh sách mời và chương trình không sửa được nữa.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Non-empty lines, trimmed, with any "1." or "-" the writer typed before them removed (the list numbers them).</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim().TrimStart('-', '+', '*', '•').Trim()).Select(StripNumber).Where(l => l.Length > 0).ToList();

    private static string StripNumber(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] is '.' or ')' ? line[(i + 1)..].Trim() : line;
    }
}
