using System.Globalization;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// A body's name as a sentence prints it, from the capitals of a header, by the capitalisation rules of Decree 30/2020,
/// Appendix II: "SỞ NỘI VỤ" reads "Sở Nội vụ", "ỦY BAN NHÂN DÂN TỈNH CẦN THƠ" reads "Ủy ban nhân dân tỉnh Cần Thơ",
/// "TỈNH ỦY CẦN THƠ" reads "Tỉnh ủy Cần Thơ" (the capital goes on the first syllable of the kind of body and of each
/// field of its name, and on every syllable of a place's name).
/// </summary>
public static class BodyNames
{
    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // As printed, longest first so that "Ban Thường vụ" wins over "Ban".
    static readonly string[][] Kinds = new[]
    {
        "Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội đồng nhân dân", "Ban Thường vụ", "Ban Chấp hành", "Văn phòng",
        "Trung tâm", "Chi cục", "Sở", "Ban", "Phòng", "Cục", "Bộ", "Vụ", "Viện", "Trường", "Bệnh viện", "Đảng bộ", "Chi bộ",
    }.Select(k => k.Split(' ')).OrderByDescending(k => k.Length).ToArray();

    // Party committees named after their place ("Tỉnh ủy Cần Thơ"): the place follows in capitals.
    static readonly string[][] Committees = new[] { "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy" }.Select(k => k.Split(' ')).ToArray();

    static readonly string[][] Places = new[] { "thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường" }
        .Select(k => k.Split(' ')).OrderByDescending(k => k.Length).ToArray();

    public static string AsInSentence(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLower(Vietnamese)).ToArray();
        if (words.Length == 0) return "";
        if (words[0] == "ubnd") words[0] = "UBND";

        if (Match(words, 0, Committees) is { } committee)
        {
            words[0] = Capital(words[0]);
            CapitalizeFrom(words, committee);
            return string.Join(' ', words);
        }
        var kind = Match(words, 0, Kinds);
        if (kind is { } k) Array.Copy(Kinds.First(p => p.Length == k && Match(words, 0, [p]) is not null), words, k);
        else words[0] = Capital(words[0]);
        var i = kind ?? 1;
        // The body's own name after its kind ("Sở Nội vụ"), unless a place follows at once ("Ủy ban nhân dân tỉnh ...").
        if (i < words.Length && Match(words, i, Places) is null && Match(words, i, Committees) is null) words[i] = Capital(words[i]);
        for (; i < words.Length; i++)
        {
            if (Match(words, i, Committees) is { } length)
            {
                words[i] = Capital(words[i]);
                CapitalizeFrom(words, i + length);
                break;
            }
            if (Match(words, i, Places) is { } place)
            {
                CapitalizeFrom(words, i + place);
                break;
            }
            // Each field of a body's name takes its capital: "Sở Tài nguyên và Môi trường".
            if (words[i] == "và" && i + 1 < words.Length && Match(words, i + 1, Places) is null) words[i + 1] = Capital(words[i + 1]);
        }
        return string.Join(' ', words);
    }

    static int? Match(string[] words, int start, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (start + phrase.Length > words.Length) continue;
            var matches = true;
            for (var j = 0; j < phrase.Length && matches; j++) matches = string.Equals(words[start + j], phrase[j], StringComparison.OrdinalIgnoreCase);
            if (matches) return phrase.Length;
        }
        return null;
    }

    static void CapitalizeFrom(string[] words, int start)
    {
        for (var j = start; j < words.Length; j++) words[j] = Capital(words[j]);
    }

    static string Capital(string word) => word.Length == 0 || word == "UBND" ? word : char.ToUpper(word[0], Vietnamese) + word[1..];
}
