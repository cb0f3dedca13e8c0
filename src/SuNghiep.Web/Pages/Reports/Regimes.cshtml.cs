using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reporting;

namespace SuNghiep.Web.Pages.Reports;

/// <summary>The reporting regimes with their outlines and deadlines, and the Ministry of Home Affairs' statistical forms.</summary>
public sealed class RegimesModel(ReportService reports) : PageModel
{
    public IReadOnlyList<RegimeView> Regimes { get; private set; } = [];
    public IReadOnlyList<FormView> Forms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regimes = await reports.RegimesAsync(ct);
        Forms = await reports.FormsAsync(ct);
    }

    public static string LevelName(string level) => level switch
    {
        "central" => "Bộ, ngành trung ương",
        "province" => "Tỉnh, thành phố",
        "department" => "Sở, ban, ngành",
        "district" => "Huyện (đến 30/6/2025)",
        "commune" => "Xã, phường, đặc khu",
        _ => level,
    };
}
