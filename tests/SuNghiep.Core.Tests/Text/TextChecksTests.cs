using SuNghiep.Core.Text;

namespace SuNghiep.Core.Tests.Text;

public sealed class TextChecksTests
{
    [Theory]
    //          value                                   multiline  problem (null: accepted)
    [InlineData("Trường Mầm non Hoa Sen",               false,     null)]
    [InlineData("Trung tâm Y tế\tquận Ninh Kiều",       false,     "điều khiển")]
    [InlineData("Dòng một\r\nDòng hai\twith tab",       true,      null)]
    [InlineData("Dòng một\nDòng hai",                   false,     "điều khiển")]
    [InlineData("Tên\0ẩn",                              true,      "điều khiển")]
    [InlineData("\0",                                   false,     "điều khiển")]
    [InlineData("\u200B\u200B\u200B",                   false,     "vô hình")]
    [InlineData("\u200C\u200D\u2060\uFEFF",             false,     "vô hình")]
    [InlineData(" \u3164 \u00AD ",                      false,     "vô hình")]
    [InlineData("Trường\u200BHoa Sen",                  false,     null)]     // visible letters around it
    [InlineData("gpj.\u202Eexe",                        false,     "đảo chiều")]
    [InlineData("\u2067Sở Y tế\u2069",                  true,      "đảo chiều")]
    [InlineData("Trường\u200FHoa",                      false,     "đảo chiều")]
    [InlineData("Bệnh viện \U0001F3E5",                 false,     null)]     // a character beyond the BMP is fine
    [InlineData("",                                     false,     null)]     // empty is "required", said elsewhere
    public void Problem_RefusesControlsOverridesAndInvisibleOnlyText(string value, bool multiline, string? problem)
    {
        var result = TextChecks.Problem("name", "Tên đơn vị", value, multiline);

        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.NotNull(result);
            Assert.Equal("name", result.Field);
            Assert.StartsWith("Tên đơn vị ", result.Message, StringComparison.Ordinal);
            Assert.Contains(problem, result.Message, StringComparison.Ordinal);
        }
    }

    // Test data would replace a lone surrogate with U+FFFD, so these are built here.
    [Fact]
    public void Problem_LoneSurrogate_IsRefused()
    {
        Assert.Contains("mã hóa", TextChecks.Problem("name", "Tên", "Hỏng " + '\uD83C')?.Message, StringComparison.Ordinal);
        Assert.Contains("mã hóa", TextChecks.Problem("name", "Tên", '\uDC00' + " đầu")?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_Null_IsAccepted() => Assert.Null(TextChecks.Problem("notes", "Ghi chú", null));
}
