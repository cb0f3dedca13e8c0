using SuNghiep.Core.Text;

namespace SuNghiep.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    //          text                              expected
    [InlineData("Trường Mầm non Đông",            "truong mam non dong")]
    [InlineData("Trường Mầm non  Đông",           "truong mam non dong")]      // spaces collapsed
    [InlineData("  Ủy ban nhân dân\t xã  ",       "uy ban nhan dan xa")]       // trimmed, tabs are spaces
    [InlineData("ĐẮK LẮK",                        "dak lak")]                  // đ is folded to d, upper case lowered
    [InlineData("Bệnh viện Y học cổ truyền",      "benh vien y hoc co truyen")]
    [InlineData("Tru\u031Bo\u031B\u0300ng",       "truong")]                   // decomposed input (NFD)
    [InlineData("BV-01/2025",                     "bv-01/2025")]               // codes keep their punctuation
    [InlineData("",                               "")]
    [InlineData("   ",                            "")]
    [InlineData(null,                             "")]
    public void Fold_Text_RemovesMarksAndNormalisesSpaces(string? text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
    }

    // Vietnamese dictionary order: a < ă < â < b < c < d < đ < e < ê ... o < ô < ơ ... u < ư;
    // letters decide first, the tone (none, grave, hook, tilde, acute, dot below) only breaks ties.
    [Theory]
    //          left            right           expected sign
    [InlineData("a",            "ă",            -1)]
    [InlineData("ă",            "â",            -1)]
    [InlineData("â",            "b",            -1)]
    [InlineData("d",            "đ",            -1)]
    [InlineData("đ",            "e",            -1)]
    [InlineData("e",            "ê",            -1)]
    [InlineData("o",            "ô",            -1)]
    [InlineData("ô",            "ơ",            -1)]
    [InlineData("ơ",            "p",            -1)]
    [InlineData("u",            "ư",            -1)]
    [InlineData("ư",            "v",            -1)]
    [InlineData("An",           "Ân",           -1)]
    [InlineData("Anh",          "Ân",           -1)]      // the first letter decides
    [InlineData("Bình",         "Châu",         -1)]
    [InlineData("Dương",        "Đông",         -1)]
    [InlineData("Đông",         "Em",           -1)]
    [InlineData("ma",           "mà",           -1)]      // tones: none < grave
    [InlineData("mà",           "mả",           -1)]      // grave < hook
    [InlineData("mả",           "mã",           -1)]      // hook < tilde
    [InlineData("mã",           "má",           -1)]      // tilde < acute
    [InlineData("má",           "mạ",           -1)]      // acute < dot below
    [InlineData("Má",           "Mai",          -1)]      // tones only break ties between the same letters
    [InlineData("Lan",          "Lan Anh",      -1)]      // a shorter name before its extensions
    [InlineData("Hà",           "Hà Nội",       -1)]
    [InlineData("Hà Nội",       "Hải",          -1)]      // a space sorts before any letter
    [InlineData("Tổ 9",         "Tổ A",         -1)]      // digits before letters
    [InlineData("Châu",         "CHÂU",         0)]       // case does not matter
    [InlineData(" Châu ",       "Châu",         0)]       // nor surrounding spaces
    [InlineData("Cha\u0302u",   "Châu",         0)]       // nor the Unicode normal form
    [InlineData("Đông",         "Dương",        1)]
    public void SortKey_Pair_OrdinalOrderIsDictionaryOrder(string left, string right, int expected)
    {
        var actual = Math.Sign(string.CompareOrdinal(VietnameseText.SortKey(left), VietnameseText.SortKey(right)));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SortKey_SortingAList_GivesDictionaryOrder()
    {
        string[] dictionary =
        [
            "An", "Anh", "Ân", "Bắc", "Bình", "Cà Mau", "Cần Thơ", "Châu", "Dương", "Đà Nẵng", "Đông", "Ê Đê", "Giang",
            "Hà", "Hà Nội", "Hải", "Ô Môn", "Ơn", "Phú", "Út", "Ưng", "Vân",
        ];
        var shuffled = dictionary.OrderBy(_ => Random.Shared.Next()).ToList();

        var sorted = shuffled.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToList();

        Assert.Equal(dictionary, sorted);
    }

    [Theory]
    [InlineData("Trường Mầm non Đông")]
    [InlineData("Ủy ban nhân dân phường Ninh Kiều 2")]
    public void SortKey_AnyName_IsLowerCaseAsciiLettersAndDigits(string name)
    {
        var key = VietnameseText.SortKey(name);

        Assert.NotEmpty(key);
        Assert.All(key, c => Assert.True(c is >= '0' and <= '9' or >= 'a' and <= 'z', $"'{c}' in {key}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void SortKey_Blank_IsEmpty(string? text)
    {
        Assert.Equal("", VietnameseText.SortKey(text));
    }
}
