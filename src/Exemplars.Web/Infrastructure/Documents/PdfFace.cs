using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>
/// One shipped font face and, for each document, the face that document embeds. SkiaSharp's PDF backend writes every
/// typeface it draws with whole into the file (its native library is built without Skia's HarfBuzz subsetter), so a
/// one-page certificate carried the three Liberation Serif files (≈ 1.1 MB, ≈ 620 KB deflated). Before a document is
/// drawn, the face is cut down to the characters the document draws with HarfBuzz's subsetter (hb-subset, exported by
/// the libHarfBuzzSharp that HarfBuzzSharp already ships), and the document draws and shapes with that subset.
/// </summary>
/// <remarks>
/// Never a silently missing glyph: every character of the text (and its NFC composition, which HarfBuzz prefers when
/// the font has it) is asked for, layout closure keeps what shaping may substitute, and the subset is checked against
/// the full face — if any character the full face has is missing from the subset, or the subsetter is not there or
/// fails, the document embeds the full face as before. A character the full face lacks (Liberation Serif has no CJK)
/// draws the face's .notdef glyph in both, with the same advance; the subset keeps that glyph's outline as it is (in
/// Liberation Serif 2.1.5 it is blank — as before this change).
/// </remarks>
internal sealed class PdfFace : IDisposable
{
    private readonly HarfBuzzSharp.Blob _blob;
    private readonly HarfBuzzSharp.Face _face;

    public PdfFace(string path)
    {
        Full = SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"{path} is missing or is not a font.");
        FullShaper = new SKShaper(Full);
        _blob = HarfBuzzSharp.Blob.FromFile(path);
        _blob.MakeImmutable();
        _face = new HarfBuzzSharp.Face(_blob, 0);
        _face.MakeImmutable();
    }

    /// <summary>The whole face: for measuring, and embedded when no subset can be made.</summary>
    public SKTypeface Full { get; }

    public SKShaper FullShaper { get; }

    /// <summary>
    /// Tests only: changes the characters the subsetter is asked for, to show what a document does when its subset
    /// lacks one of its characters.
    /// </summary>
    internal Func<IReadOnlyCollection<int>, IReadOnlyCollection<int>>? SubsetRequest { get; set; }

    /// <summary>The face one document draws <paramref name="texts"/> with: a subset of this face, or this face whole.</summary>
    public DocumentFace For(IEnumerable<string> texts)
    {
        var codepoints = Codepoints(texts);
        byte[]? bytes;
        try
        {
            bytes = HarfBuzzSubset.Subset(_face.Handle, SubsetRequest is { } request ? request(codepoints) : codepoints);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            bytes = null;
        }

        if (bytes is null)
        {
            return new DocumentFace(Full, FullShaper, owned: false);
        }

        var typeface = SKTypeface.FromData(SKData.CreateCopy(bytes));
        if (typeface is null || !Covers(typeface, codepoints))
        {
            typeface?.Dispose();
            return new DocumentFace(Full, FullShaper, owned: false);
        }

        return new DocumentFace(typeface, new SKShaper(typeface), owned: true);
    }

    /// <summary>Whether <paramref name="subset"/> maps every one of <paramref name="codepoints"/> that the full face maps.</summary>
    private bool Covers(SKTypeface subset, IReadOnlyCollection<int> codepoints)
    {
        using var full = new SKFont(Full);
        using var part = new SKFont(subset);
        return codepoints.All(c => full.GetGlyph(c) == 0 || part.GetGlyph(c) != 0);
    }

    /// <summary>The distinct characters of the texts as drawn and in their composed form (NFC).</summary>
    public static IReadOnlyCollection<int> Codepoints(IEnumerable<string> texts)
    {
        var set = new SortedSet<int>();
        foreach (var text in texts)
        {
            Add(set, text);
            if (!text.IsNormalized(NormalizationForm.FormC))
            {
                Add(set, text.Normalize(NormalizationForm.FormC));
            }
        }

        return set;

        static void Add(SortedSet<int> set, string text)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                set.Add(rune.Value);
            }
        }
    }

    public void Dispose()
    {
        FullShaper.Dispose();
        Full.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }

    /// <summary>The few hb-subset calls needed; HarfBuzzSharp binds the shaper but not the subsetter.</summary>
    private static class HarfBuzzSubset
    {
        private const string Library = "libHarfBuzzSharp";

        // hb_subset_flags_t: keep the .notdef outline as the face has it (hb-subset empties it by default).
        private const uint NotdefOutline = 0x40;

        // hb_subset_sets_t: the name ids kept (by default 0–6); 13 and 14 add the licence and its address.
        private const int NameIdSet = 4;

        public static byte[]? Subset(IntPtr face, IReadOnlyCollection<int> codepoints)
        {
            var input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var unicodes = hb_subset_input_unicode_set(input);
                foreach (var codepoint in codepoints)
                {
                    hb_set_add(unicodes, (uint)codepoint);
                }

                var names = hb_subset_input_set(input, NameIdSet);
                hb_set_add(names, 13);
                hb_set_add(names, 14);
                hb_subset_input_set_flags(input, hb_subset_input_get_flags(input) | NotdefOutline);
                var subset = hb_subset_or_fail(face, input);
                if (subset == IntPtr.Zero)
                {
                    return null;
                }

                try
                {
                    var blob = hb_face_reference_blob(subset);
                    try
                    {
                        var data = hb_blob_get_data(blob, out var length);
                        if (data == IntPtr.Zero || length == 0)
                        {
                            return null;
                        }

                        var bytes = new byte[length];
                        Marshal.Copy(data, bytes, 0, checked((int)length));
                        return bytes;
                    }
                    finally
                    {
                        hb_blob_destroy(blob);
                    }
                }
                finally
                {
                    hb_face_destroy(subset);
                }
            }
            finally
            {
                hb_subset_input_destroy(input);
            }
        }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code; these signatures are blittable.
        [DllImport(Library)]
        private static extern IntPtr hb_subset_input_create_or_fail();

        [DllImport(Library)]
        private static extern void hb_subset_input_destroy(IntPtr input);

        [DllImport(Library)]
        private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

        [DllImport(Library)]
        private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

        [DllImport(Library)]
        private static extern uint hb_subset_input_get_flags(IntPtr input);

        [DllImport(Library)]
        private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

        [DllImport(Library)]
        private static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

        [DllImport(Library)]
        private static extern void hb_set_add(IntPtr set, uint codepoint);

        [DllImport(Library)]
        private static extern IntPtr hb_face_reference_blob(IntPtr face);

        [DllImport(Library)]
        private static extern void hb_face_destroy(IntPtr face);

        [DllImport(Library)]
        private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

        [DllImport(Library)]
        private static extern void hb_blob_destroy(IntPtr blob);
#pragma warning restore SYSLIB1054
    }
}

/// <summary>The face one document draws with; disposing it frees a subset, never the shared full face.</summary>
internal sealed class DocumentFace(SKTypeface typeface, SKShaper shaper, bool owned) : IDisposable
{
    public SKTypeface Typeface { get; } = typeface;

    public SKShaper Shaper { get; } = shaper;

    /// <summary>True when the document embeds a subset, false when it embeds the full face.</summary>
    public bool IsSubset => owned;

    public void Dispose()
    {
        if (owned)
        {
            Shaper.Dispose();
            Typeface.Dispose();
        }
    }
}
