using System.Globalization;
using System.Text.RegularExpressions;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>One row of an approved list of job positions as typed, before it is stored.</summary>
public sealed record JobPositionFacts(string? Name, JobPositionGroup? Group, string? TitleName, string? TitleCode, int? People);

/// <summary>
/// The checks of Decree 106/2020/NĐ-CP (vị trí việc làm và số lượng người làm việc trong đơn vị sự nghiệp công lập, in
/// force 15/11/2020) on a unit's approved list of job positions.
/// </summary>
public static partial class JobPositionRules
{
    public const int MaxRows = 500;
    public const int MaxTitleCodeLength = 32;

    /// <summary>
    /// Art. 3(5): "bảo đảm cơ cấu hợp lý, trong đó số lượng người làm việc tại vị trí việc làm chức danh nghề nghiệp
    /// chuyên ngành và chức danh nghề nghiệp chuyên môn dùng chung chiếm tỷ lệ tối thiểu 65% tổng số lượng người làm việc
    /// trong đơn vị sự nghiệp công lập". The share is counted in people (số lượng người làm việc), not in positions: a
    /// list of 3 professional positions for 40 teachers and 5 support positions for 5 people is 40 of 45, not 3 of 8.
    /// The decree sets the one threshold for every unit whatever its autonomy group; the group decides only who approves.
    /// </summary>
    public const decimal MinProfessionalShare = 65m;

    /// <summary>The day Decree 106/2020 took effect: a list approved before it was under Decree 41/2012, which set no share.</summary>
    public static readonly DateOnly ShareRuleFrom = new(2020, 11, 15);

    // A title's code as the circulars write it: V.07.03.29 for a teacher, 06.031 for an accountant, 01.003 for a specialist.
    [GeneratedRegex("^[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){1,5}$")]
    private static partial Regex TitleCodePattern();

    public static bool IsProfessional(JobPositionGroup group) => group is JobPositionGroup.Professional or JobPositionGroup.SharedProfessional;

    /// <summary>The people in the two professional groups and in all groups, in 64 bits so that no sum of stored counts wraps.</summary>
    public static (long Professional, long Total) People(IEnumerable<(JobPositionGroup Group, int People)> rows)
    {
        long professional = 0, total = 0;
        foreach (var (group, people) in rows)
        {
            total += people;
            if (IsProfessional(group))
            {
                professional += people;
            }
        }

        return (professional, total);
    }

    /// <summary>The professional groups' share of the people, in %, exact; null when the list has nobody.</summary>
    public static decimal? ProfessionalShare(IEnumerable<(JobPositionGroup Group, int People)> rows)
    {
        var (professional, total) = People(rows);
        return total <= 0 ? null : professional * 100m / total;
    }

    /// <summary>
    /// A warning when the people of the two professional groups are below 65% of the list's people (Art. 3(5)), for a
    /// list approved on or after 15/11/2020. Exactly 65% meets it; the comparison is on whole numbers, never on a rounded share.
    /// </summary>
    public static RuleViolation? ShareWarning(IEnumerable<(JobPositionGroup Group, int People)> rows, DateOnly approvedOn)
    {
        if (approvedOn < ShareRuleFrom)
        {
            return null;
        }

        var (professional, total) = People(rows);
        if (total <= 0 || professional * 100 >= total * (long)MinProfessionalShare)
        {
            return null;
        }

        var share = Math.Truncate(professional * 10_000m / total) / 100m;
        return new("positions", string.Create(Vi, $"Số người làm việc ở vị trí chức danh nghề nghiệp chuyên ngành và chuyên môn dùng chung là {professional:N0}/{total:N0} người ({share:0.##}%), dưới mức tối thiểu 65% tổng số lượng người làm việc (Nghị định 106/2020/NĐ-CP, Điều 3 khoản 5)."));
    }

    /// <summary>Each row's problems on its own fields ("positions[2].titleCode"), and the list's as a whole.</summary>
    public static IReadOnlyList<RuleViolation> Validate(IReadOnlyList<JobPositionFacts> rows)
    {
        var errors = new List<RuleViolation>();
        if (rows.Count == 0)
        {
            errors.Add(new("positions", "Danh mục phải có ít nhất một vị trí việc làm."));
            return errors;
        }

        if (rows.Count > MaxRows)
        {
            errors.Add(new("positions", $"Danh mục có tối đa {MaxRows} vị trí việc làm."));
            return errors;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"positions[{i}].";
            var n = $"Dòng {i + 1}: ";
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                errors.Add(new(at + "name", n + "vui lòng nhập tên vị trí việc làm."));
            }
            else if (row.Name.Trim().Length > UnitRules.MaxNameLength)
            {
                errors.Add(new(at + "name", n + $"tên vị trí việc làm dài tối đa {UnitRules.MaxNameLength} ký tự."));
            }

            if (row.Group is not { } group || !Enum.IsDefined(group))
            {
                errors.Add(new(at + "group", n + "vui lòng chọn nhóm vị trí việc làm: lãnh đạo, quản lý; chức danh nghề nghiệp chuyên ngành; chức danh nghề nghiệp chuyên môn dùng chung; hỗ trợ, phục vụ."));
            }
            else if (IsProfessional(group))
            {
                // A professional position is defined by its title (Art. 4): without it the position cannot be counted in the 65%.
                if (string.IsNullOrWhiteSpace(row.TitleName))
                {
                    errors.Add(new(at + "titleName", n + "vị trí chuyên môn, nghiệp vụ phải có chức danh nghề nghiệp tương ứng."));
                }

                if (string.IsNullOrWhiteSpace(row.TitleCode))
                {
                    errors.Add(new(at + "titleCode", n + "vui lòng nhập mã chức danh nghề nghiệp, ví dụ V.07.03.29."));
                }
            }

            if (row.TitleName?.Trim().Length > UnitRules.MaxNameLength)
            {
                errors.Add(new(at + "titleName", n + $"tên chức danh nghề nghiệp dài tối đa {UnitRules.MaxNameLength} ký tự."));
            }

            if (!string.IsNullOrWhiteSpace(row.TitleCode)
                && (row.TitleCode.Trim().Length > MaxTitleCodeLength || !TitleCodePattern().IsMatch(row.TitleCode.Trim())))
            {
                errors.Add(new(at + "titleCode", n + $"mã chức danh nghề nghiệp \"{row.TitleCode.Trim()}\" không đúng dạng: các nhóm chữ, số cách nhau bằng dấu chấm, ví dụ V.07.03.29 hoặc 06.031."));
            }

            if (row.People is not { } people)
            {
                errors.Add(new(at + "people", n + "vui lòng nhập số lượng người làm việc (nhập 0 nếu vị trí do người khác kiêm nhiệm)."));
            }
            else if (people is < 0 or > InputLimits.MaxStaffCount)
            {
                errors.Add(new(at + "people", n + string.Create(Vi, $"số lượng người làm việc phải từ 0 đến {InputLimits.MaxStaffCount:N0}.")));
            }
        }

        if (errors.Count == 0 && People(rows.Select(r => (r.Group!.Value, r.People!.Value))).Total == 0)
        {
            errors.Add(new("positions", "Danh mục phải có ít nhất một người làm việc."));
        }

        return errors;
    }

    /// <summary>The group as the API and the forms name it.</summary>
    public static string Code(JobPositionGroup group) => group switch
    {
        JobPositionGroup.Leadership => "leadership",
        JobPositionGroup.Professional => "professional",
        JobPositionGroup.SharedProfessional => "sharedProfessional",
        _ => "support",
    };

    public static JobPositionGroup? Parse(string? code) => code?.Trim() switch
    {
        "leadership" => JobPositionGroup.Leadership,
        "professional" => JobPositionGroup.Professional,
        "sharedProfessional" => JobPositionGroup.SharedProfessional,
        "support" => JobPositionGroup.Support,
        _ => null,
    };

    public static string Label(JobPositionGroup group) => group switch
    {
        JobPositionGroup.Leadership => "Lãnh đạo, quản lý",
        JobPositionGroup.Professional => "Chức danh nghề nghiệp chuyên ngành",
        JobPositionGroup.SharedProfessional => "Chức danh nghề nghiệp chuyên môn dùng chung",
        _ => "Hỗ trợ, phục vụ",
    };

    public static IReadOnlyList<JobPositionGroup> Groups { get; } =
        [JobPositionGroup.Leadership, JobPositionGroup.Professional, JobPositionGroup.SharedProfessional, JobPositionGroup.Support];

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}
