namespace Exemplars.Domain.Showcase;

public static class StoryStateLabels
{
    public static string Label(this StoryState state) => state switch
    {
        StoryState.Draft => "Bản nháp, chưa đăng",
        StoryState.Published => "Đang đăng công khai",
        StoryState.PublishedWithDraft => "Đang đăng bản đã duyệt; có bản sửa chờ duyệt",
        StoryState.Unpublished => "Đã gỡ khỏi trang công khai",
        _ => state.ToString(),
    };

    public static string Label(this StoryRevisionKind kind) => kind switch
    {
        StoryRevisionKind.Approved => "Duyệt đăng",
        StoryRevisionKind.Unpublished => "Gỡ bài",
        _ => kind.ToString(),
    };
}
