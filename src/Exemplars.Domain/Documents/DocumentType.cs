namespace Exemplars.Domain.Documents;

/// <summary>Kinds of party documents the bloc registers (abbreviations of Hướng dẫn 36-HD/VPTW, kept under Quy định 399-QĐ/TW).</summary>
public enum DocumentType
{
    /// <summary>Quyết định.</summary>
    Decision,

    /// <summary>Tờ trình.</summary>
    Submission,

    /// <summary>Báo cáo (the bloc's periodic report, numbered when issued).</summary>
    Report,
}
