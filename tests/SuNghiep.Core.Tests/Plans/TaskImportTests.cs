using System.Globalization;
using MiniExcelLibs;
using SuNghiep.Core.Plans;

namespace SuNghiep.Core.Tests.Plans;

/// <summary>How a task assignment table's "Thời hạn" cells and headers are read.</summary>
public sealed class TaskImportTests
{
    private static DateOnly? D(string? value) => value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A deadline cell written as officials write it, and the deadline it means.
    [Theory]
    //          cell                                   deadline
    [InlineData("31/12/2026",                          "2026-12-31")]
    [InlineData("1/7/2026",                            "2026-07-01")]
    [InlineData("2026-03-15",                          "2026-03-15")]
    [InlineData("Trước ngày 30/6/2026",                "2026-06-30")]
    [InlineData("Năm 2026",                            "2026-12-31")]   // the end of the year
    [InlineData("Trong năm 2026",                      "2026-12-31")]
    [InlineData("2026",                                "2026-12-31")]
    [InlineData("Quý II/2026",                         "2026-06-30")]   // the end of the quarter
    [InlineData("quý 4 năm 2025",                      "2025-12-31")]
    [InlineData("Tháng 2/2028",                        "2028-02-29")]   // the end of the month, leap year
    [InlineData("6 tháng đầu năm 2026",                "2026-06-30")]   // a half of one year, not a recurrence
    [InlineData("",                                    null)]
    [InlineData("Thường xuyên",                        null)]           // ongoing: neither deadline nor recurrence
    public void ParseDeadline_DateWords_GiveTheDeadline(string cell, string? deadline)
    {
        var parsed = TaskImport.ParseDeadline(cell);

        Assert.Equal((D(deadline), (RecurrenceInput?)null, (string?)null), (parsed.Deadline, parsed.Recurrence, parsed.Error));
    }

    [Fact]
    public void ParseDeadline_ExcelCells_GiveTheDeadline()
    {
        Assert.Equal(new DateOnly(2026, 5, 31), TaskImport.ParseDeadline(new DateTime(2026, 5, 31)).Deadline);
        Assert.Equal(new DateOnly(2026, 5, 31), TaskImport.ParseDeadline(new DateTime(2026, 5, 31).ToOADate()).Deadline);   // a date serial
        Assert.Equal(new DateOnly(2027, 12, 31), TaskImport.ParseDeadline(2027d).Deadline);   // a year typed into a number cell
    }

    // A recurrence in words and the RecurrenceInput it maps to; the due day defaults to the end of the period.
    [Theory]
    //          cell                                           kind            day  month
    [InlineData("Hằng năm",                                    "yearly",       31,  12)]
    [InlineData("Hằng năm, trước ngày 15/12",                  "yearly",       15,  12)]
    [InlineData("hàng năm trước ngày 20 tháng 11",             "yearly",       20,  11)]
    [InlineData("Định kỳ hằng năm (trước 31/1)",               "yearly",       31,  1)]
    [InlineData("Hằng quý",                                    "quarterly",    31,  null)]
    [InlineData("Hằng quý, trước ngày 20 tháng cuối quý",      "quarterly",    20,  null)]
    [InlineData("Hằng tháng",                                  "monthly",      31,  null)]
    [InlineData("Hằng tháng, trước ngày 25",                   "monthly",      25,  null)]
    [InlineData("6 tháng",                                     "half-yearly",  31,  null)]
    [InlineData("6 tháng một lần, trước ngày 15",              "half-yearly",  15,  null)]
    [InlineData("Định kỳ 6 tháng, trước ngày 10/6",            "half-yearly",  10,  null)]
    public void ParseDeadline_RecurrenceWords_GiveTheRecurrence(string cell, string kind, int day, int? month)
    {
        var parsed = TaskImport.ParseDeadline(cell);

        Assert.Equal((null, new RecurrenceInput(kind, day, month), null), (parsed.Deadline, parsed.Recurrence, parsed.Error));
    }

    // Cells that mean nothing certain are problems, never a guess.
    [Theory]
    //          cell                                   message contains
    [InlineData("sớm",                                 "Không hiểu thời hạn")]
    [InlineData("31/02/2026",                          "Không hiểu thời hạn")]
    [InlineData("Tháng 13/2026",                       "Không hiểu thời hạn")]
    [InlineData("Hằng năm, trước ngày 15",             "cần ngày và tháng")]
    [InlineData("Hằng năm, trước ngày 32/12",          "từ 1 đến 31")]
    [InlineData("Hằng quý, trước ngày 20/5",           "tháng cuối quý")]
    [InlineData("Hằng tháng, trước ngày 25/12",        "chỉ cần ngày")]
    [InlineData("Hằng năm 2026 ngày 15/12",            "Không hiểu ngày đến hạn")]
    public void ParseDeadline_Unclear_IsAProblem(string cell, string message)
    {
        var parsed = TaskImport.ParseDeadline(cell);

        Assert.Equal((null, null), (parsed.Deadline, parsed.Recurrence));
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    // A header as a file may write it, and the template column it stands for (null: none).
    [Theory]
    //          header                          field
    [InlineData("Nội dung nhiệm vụ",            "content")]
    [InlineData("Noi dung nhiem vu",            "content")]        // typed without accents
    [InlineData("NỘI DUNG NHIỆM VỤ",            "content")]
    [InlineData("Nhiệm vụ",                     "content")]
    [InlineData("Cơ quan chủ trì",              "leadAgencyId")]
    [InlineData("Cơ quan, đơn vị chủ trì (*)",  "leadAgencyId")]   // punctuation and marks ignored
    [InlineData("Đơn vị phối hợp",              "coordinatingAgencyIds")]
    [InlineData("Thời hạn hoàn thành",          "deadline")]
    [InlineData("Thời hạn",                     "deadline")]
    [InlineData("thoi  han",                    "deadline")]
    [InlineData("Sản phẩm",                     "expectedOutput")]
    [InlineData("Mục",                          "section")]
    [InlineData("STT",                          "stt")]
    [InlineData("Nhiệm vụ cấp trên",            "parentTaskId")]
    [InlineData("Ghi chú",                      null)]
    [InlineData("Cơ quan",                      null)]
    public void MatchHeaders_FoldedHeader_FindsTheColumn(string header, string? field)
    {
        var matched = TaskImport.MatchHeaders([header]);

        Assert.Equal(field, matched.SingleOrDefault().Key);
        if (field is not null)
        {
            Assert.Equal(header, matched[field]);
        }
    }

    [Fact]
    public void Template_FirstSheet_HasTheHeadersAndAnExampleRow()
    {
        using var stream = new MemoryStream(TaskImport.Template());

        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(TaskImport.Columns.Select(c => c.Header), rows[0].Keys);
        Assert.Equal(TaskImport.ExampleMark, Assert.Single(rows)["STT"]);
        Assert.Equal(TaskImport.Columns.Select(c => c.Field), TaskImport.MatchHeaders(rows[0].Keys).Keys);
        Assert.Null(TaskImport.ParseDeadline(rows[0]["Thời hạn hoàn thành"]).Error);
    }
}
