using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Tests.Reporting;

public sealed class BodyNamesTests
{
    // Decree 30/2020, Appendix II: capitals on the kind of body, the first syllable of each field of its name, every syllable of a place.
    [Theory]
    [InlineData("SỞ NỘI VỤ",                          "Sở Nội vụ")]
    [InlineData("SỞ Y TẾ",                            "Sở Y tế")]
    [InlineData("ỦY BAN NHÂN DÂN",                    "Ủy ban nhân dân")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH CẦN THƠ",       "Ủy ban nhân dân tỉnh Cần Thơ")]
    [InlineData("ỦY BAN NHÂN DÂN XÃ TAM NÔNG",        "Ủy ban nhân dân xã Tam Nông")]
    [InlineData("SỞ NỘI VỤ THÀNH PHỐ CẦN THƠ",        "Sở Nội vụ thành phố Cần Thơ")]
    [InlineData("TỈNH ỦY CẦN THƠ",                    "Tỉnh ủy Cần Thơ")]
    [InlineData("THÀNH ỦY CẦN THƠ",                   "Thành ủy Cần Thơ")]
    [InlineData("BAN THƯỜNG VỤ TỈNH ỦY",              "Ban Thường vụ Tỉnh ủy")]
    [InlineData("BAN TỔ CHỨC THÀNH ỦY",               "Ban Tổ chức Thành ủy")]
    [InlineData("UBND HUYỆN TAM NÔNG",                "UBND huyện Tam Nông")]
    [InlineData("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",        "Sở Tài nguyên và Môi trường")]
    [InlineData("SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ CẦN THƠ", "Sở Giáo dục và Đào tạo thành phố Cần Thơ")]
    public void AsInSentence_HeaderCapitals_ReadAsInASentence(string header, string expected) =>
        Assert.Equal(expected, BodyNames.AsInSentence(header));
}
