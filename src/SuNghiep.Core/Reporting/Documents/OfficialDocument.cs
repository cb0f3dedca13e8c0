namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// What an official document says, apart from its file format. Reports fill it; <see cref="OfficialDocx"/> lays it out
/// by Decree 30/2020 (state bodies) or Guideline 36-HD/VPTW (Party bodies), and <see cref="AnnexWorkbook"/> writes its
/// annex tables as a workbook. Texts are as printed (capitals where the layout wants them are the writer's job).
/// </summary>
public sealed record OfficialDocument
{
    public DocumentStyle Style { get; init; } = DocumentStyle.State;

    /// <summary>The managing body above the issuer ("UBND THÀNH PHỐ CẦN THƠ"); for a Party body, its superior
    /// ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"). None for a body at the top.</summary>
    public string? ManagingBody { get; init; }

    /// <summary>The issuing body ("SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN").</summary>
    public required string IssuingBody { get; init; }

    /// <summary>The number, or null while unnumbered (a draft prints a blank for it).</summary>
    public int? Number { get; init; }

    /// <summary>The symbol after the number: "BC-SNV" (state, printed "Số: 05/BC-SNV") or "BC/TU" (Party, "Số 05-BC/TU").</summary>
    public required string Symbol { get; init; }

    public required string Place { get; init; }

    /// <summary>The signing date, or null while unsigned (a draft prints "ngày ... tháng ... năm" with the year of <see cref="Year"/>).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The year printed in an undated document's date line.</summary>
    public int Year { get; init; }

    /// <summary>The type ("BÁO CÁO") and the summary line below it (trích yếu).</summary>
    public required string TypeName { get; init; }
    public required string Title { get; init; }

    /// <summary>"Kính gửi" lines of a report sent to a superior; empty for none.</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    /// <summary>Legal bases (căn cứ), each its own italic line.</summary>
    public IReadOnlyList<string> LegalBases { get; init; } = [];

    /// <summary>The opening paragraph ("Thực hiện Công văn số ..., Sở Nội vụ báo cáo như sau:").</summary>
    public string? LeadIn { get; init; }

    public IReadOnlyList<DocumentSection> Sections { get; init; } = [];

    /// <summary>The closing line ("Trên đây là báo cáo ... ./.").</summary>
    public string? Closing { get; init; }

    public required DocumentSigner Signer { get; init; }

    /// <summary>"Nơi nhận" lines without the leading dash or trailing punctuation; the last is usually "Lưu: VT, ...".</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Annexes (Phụ lục I, II, ...) after the signature, each a table on its own pages.</summary>
    public IReadOnlyList<DocumentAnnex> Annexes { get; init; } = [];
}

public enum DocumentStyle
{
    /// <summary>Decree 30/2020/NĐ-CP: national name and motto, "Số: 05/BC-UBND".</summary>
    State,

    /// <summary>Guideline 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 05-BC/TU".</summary>
    Party,
}

/// <summary>A numbered heading ("I.", "1.", "a)") with its title, its content and its sub-sections.</summary>
public sealed record DocumentSection(string Number, string Title, IReadOnlyList<DocumentBlock> Blocks, IReadOnlyList<DocumentSection> Children)
{
    public DocumentSection(string number, string title, params DocumentBlock[] blocks) : this(number, title, blocks, []) { }
}

public abstract record DocumentBlock;

/// <summary>A body paragraph (justified, first-line indent).</summary>
public sealed record DocumentParagraph(string Text) : DocumentBlock;

public sealed record DocumentTableBlock(DocumentTable Table) : DocumentBlock;

public sealed record DocumentChartBlock(DocumentChart Chart) : DocumentBlock;

/// <summary>
/// A table as the forms print it: a title, the unit line ("Đơn vị tính: đơn vị") above it on the right, a header row,
/// the column-number row (A, B, 1, 2, ... with a formula where a column is computed, e.g. "3=(2-1)"), then the rows.
/// The first two columns are "STT" and "Nội dung" (numbered A and B).
/// </summary>
public sealed record DocumentTable(
    string Title,
    string? UnitLine,
    IReadOnlyList<DocumentColumn> Columns,
    IReadOnlyList<DocumentRow> Rows);

/// <summary>A column: its header, its number-row label (null: the writer numbers it), and how its cells read.</summary>
public sealed record DocumentColumn(string Header, CellKind Kind = CellKind.Text, string? NumberLabel = null);

public enum CellKind
{
    Text,
    Count,

    /// <summary>A share in per cent with two decimals ("18,77").</summary>
    Percent,
    Figure,
}

/// <summary>A row: a total row prints bold; <see cref="Level"/> indents a sub-row ("1. Chia theo ...").</summary>
public sealed record DocumentRow(IReadOnlyList<DocumentCell> Cells, bool IsTotal = false, int Level = 0);

/// <summary>A cell's printed text and, for a figure, its value (so a workbook gets a number, not a string).</summary>
public sealed record DocumentCell(string Text, decimal? Value = null)
{
    public static DocumentCell Of(string text) => new(text);
    public static DocumentCell Of(decimal? value, CellKind kind) => new(VietnameseNumbers.Format(value, kind), value);
    public static readonly DocumentCell Empty = new("");
}

/// <summary>A chart of figures over categories (usually years): one line or bar series per name.</summary>
public sealed record DocumentChart(string Title, string ValueLabel, IReadOnlyList<string> Categories, IReadOnlyList<DocumentSeries> Series);

public sealed record DocumentSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// The signing block: the authority line ("TM. ỦY BAN NHÂN DÂN", none when the head signs in their own name), the
/// capacity with its prefix ("KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH", or just "GIÁM ĐỐC") and the signer's name.
/// </summary>
public sealed record DocumentSigner(string? Authority, IReadOnlyList<string> Capacity, string Name);

/// <summary>An annex: its Roman number, its title, and its table; wide tables print on landscape pages.</summary>
public sealed record DocumentAnnex(string Number, string Title, DocumentTable Table, bool Landscape = false);
