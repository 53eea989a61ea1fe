namespace Exemplars.Web.Infrastructure.Jobs;

public enum BackgroundJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// Long work a person started and waits on (a registry import, a certificate batch), kept in the database so that any
/// request can report its progress and a restart neither loses it nor does it twice (issue 15, item 8; ADR 024).
/// The uploaded input and the produced file live in the content-addressed file store; this row names them.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; init; }

    /// <summary>Which work (<see cref="IBackgroundWorkKind.Kind"/>): "people", "ratings", "certificates".</summary>
    public required string Kind { get; init; }

    /// <summary>Who started it: the work runs as this account, as it is when the work runs, and only they see it.</summary>
    public required string OwnerUserId { get; init; }

    /// <summary>The kind's own argument (the uploaded file's name; a decision and its format).</summary>
    public string? Argument { get; init; }

    public string? InputAddress { get; init; }

    public BackgroundJobState State { get; set; }

    public string Stage { get; set; } = "Đang chờ";

    public int ProgressDone { get; set; }

    public int ProgressTotal { get; set; }

    /// <summary>The kind's report as JSON (an import's counts and row errors).</summary>
    public string? ResultJson { get; set; }

    /// <summary>The refusal or failure, as JSON (codes and Vietnamese messages).</summary>
    public string? ErrorsJson { get; set; }

    public string? OutputAddress { get; set; }

    public string? OutputName { get; set; }

    public string? OutputContentType { get; set; }

    /// <summary>Times it was started; a run cut short by a restart is started again, at most <see cref="BackgroundWork.MaxAttempts"/> times.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? HeartbeatAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}
