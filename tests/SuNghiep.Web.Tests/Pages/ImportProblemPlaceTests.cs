using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Tests.Pages;

/// <summary>Every import page names a problem's place the same way.</summary>
public sealed class ImportProblemPlaceTests
{
    [Theory]
    [InlineData(3, "E", "Đơn giá", "Dòng 3, cột E (Đơn giá): ")]
    [InlineData(1, "A", "", "Dòng 1, cột A: ")]
    [InlineData(0, "", "", "")]
    public void ProblemPlace_RowColumnAndHeaderWhenKnown(int row, string column, string header, string expected) =>
        Assert.Equal(expected, Display.ProblemPlace(new ImportProblem(row, column, header, "Lỗi")));
}
