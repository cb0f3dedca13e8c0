using SuNghiep.Core.Plans;

namespace SuNghiep.Core.Tests.Plans;

public sealed class AttachmentChecksTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    // The content must be the format its extension names: an .exe renamed .pdf is refused.
    [Theory]
    //          extension  first bytes (hex)                      matches
    [InlineData("pdf",     "25 50 44 46 2D 31 2E 37",             true)]    // %PDF-1.7
    [InlineData("pdf",     "4D 5A 90 00 03 00 00 00",             false)]   // MZ: a Windows executable
    [InlineData("pdf",     "20 25 50 44 46",                      false)]   // not at the start
    [InlineData("docx",    "50 4B 03 04 14 00 06 00",             true)]    // PK\x03\x04
    [InlineData("xlsx",    "50 4B 03 04 14 00 06 00",             true)]
    [InlineData("odt",     "50 4B 03 04 14 00 00 08",             true)]
    [InlineData("ods",     "50 4B 03 04 14 00 00 08",             true)]
    [InlineData("zip",     "50 4B 03 04 0A 00 00 00",             true)]
    [InlineData("zip",     "50 4B 05 06 00 00 00 00",             false)]   // an empty archive holds nothing to attach
    [InlineData("docx",    "D0 CF 11 E0 A1 B1 1A E1",             false)]   // an old .doc renamed .docx
    [InlineData("doc",     "D0 CF 11 E0 A1 B1 1A E1",             true)]
    [InlineData("xls",     "D0 CF 11 E0 A1 B1 1A E1",             true)]
    [InlineData("xls",     "50 4B 03 04 14 00 06 00",             false)]   // an .xlsx renamed .xls
    [InlineData("png",     "89 50 4E 47 0D 0A 1A 0A 00",          true)]
    [InlineData("png",     "89 50 4E 47",                         false)]   // truncated signature
    [InlineData("jpg",     "FF D8 FF E0 00 10 4A 46",             true)]
    [InlineData("jpeg",    "FF D8 FF E1 00 10 45 78",             true)]
    [InlineData("jpg",     "89 50 4E 47 0D 0A 1A 0A",             false)]   // a PNG under a .jpg name
    [InlineData("txt",     "54 68 C3 B4 6E 67 20 62 C3 A1 6F",    true)]    // "Thông báo" in UTF-8
    [InlineData("txt",     "FF FE 54 00 68 00",                   true)]    // UTF-16 with its byte order mark
    [InlineData("txt",     "4D 5A 90 00 03 00",                   false)]   // binary: NUL bytes
    [InlineData("exe",     "4D 5A 90 00 03 00",                   false)]   // not an allowed type at all
    public void MatchesSignature_Extension_ChecksTheFirstBytes(string extension, string hex, bool matches) =>
        Assert.Equal(matches, AttachmentChecks.MatchesSignature(extension, Hex(hex)));

    [Theory]
    //          name                        extension   allowed
    [InlineData("Quyết định 12.PDF",        "pdf",      true)]
    [InlineData("bao-cao.docx",             "docx",     true)]
    [InlineData("anh.JPEG",                 "jpeg",     true)]
    [InlineData("so-lieu.ods",              "ods",      true)]
    [InlineData("cai-dat.exe",              "exe",      false)]
    [InlineData("trang.html",               "html",     false)]
    [InlineData("tep.pdf.exe",              "exe",      false)]   // only the last extension counts
    [InlineData("khong-duoi",               "",         false)]
    public void Extension_Name_IsTheLastOneInLowerCase(string name, string extension, bool allowed)
    {
        Assert.Equal(extension, AttachmentChecks.Extension(name));
        Assert.Equal(allowed, AttachmentChecks.IsAllowed(extension));
    }

    [Theory]
    //          as sent                                      kept
    [InlineData("Báo cáo.pdf",                               "Báo cáo.pdf")]
    [InlineData("C:\\Users\\an\\Desktop\\Báo cáo.pdf",       "Báo cáo.pdf")]         // Windows path from old browsers
    [InlineData("../../etc/passwd.txt",                      "passwd.txt")]          // path traversal
    [InlineData("a\u0000b\u0007c.pdf",                       "abc.pdf")]             // control characters
    [InlineData("hinh\u202Egpj.exe",                         "hinhgpj.exe")]         // right-to-left override hides .exe
    [InlineData("  tep .pdf.  ",                             "tep .pdf")]            // trailing dots and spaces
    [InlineData("Ba\u0301o ca\u0301o.pdf",                   "Báo cáo.pdf")]         // decomposed (macOS) becomes composed
    [InlineData("tab\there.txt",                             "tabhere.txt")]
    [InlineData("..",                                        null)]
    [InlineData("dir/",                                      null)]
    [InlineData("\u0001\u0002",                              null)]
    [InlineData("",                                          null)]
    public void SanitizeName_AsSent_KeepsOnlyTheName(string sent, string? kept) =>
        Assert.Equal(kept, AttachmentChecks.SanitizeName(sent));

    [Fact]
    public void SanitizeName_TooLong_CutTo255KeepingTheExtension()
    {
        var name = AttachmentChecks.SanitizeName(new string('ư', 300) + ".docx")!;

        Assert.Equal(255, name.Length);
        Assert.EndsWith("ư.docx", name, StringComparison.Ordinal);
    }

    [Theory]
    //          bytes          shown
    [InlineData(0,             "0 byte")]
    [InlineData(1000,          "1.000 byte")]
    [InlineData(1536,          "1,5 KB")]
    [InlineData(1258291,       "1,2 MB")]
    [InlineData(20971520,      "20 MB")]
    public void Size_Bytes_AsVietnameseWriteThem(long bytes, string shown) =>
        Assert.Equal(shown, AttachmentChecks.Size(bytes));
}
