using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Plans;

/// <summary>The target form names a value beyond its unit's range and a date at the ends of the calendar on their fields.</summary>
public sealed class TargetFormRangeTests(AppHosts hosts)
{
    public static TheoryData<string, string, string, string> OutOfRange => new()
    {
        // value,                              deadline,       field,             expected words of the message
        { "150",                               "2026-12-31",   "Input.Value",     "từ 0 đến 100%" },
        { "79228162514264337593543950335",     "2026-12-31",   "Input.Value",     "từ 0 đến 100%" },
        { "10",                                "9999-12-31",   "Input.Deadline",  "từ 01/01/1900 đến 31/12/2199" },
        { "10",                                "0001-01-01",   "Input.Deadline",  "từ 01/01/1900 đến 31/12/2199" },
    };

    [Theory, DatabaseData(nameof(OutOfRange))]
    public async Task Post_ValueOrDateOutOfRange_Returns400WithTheMessageOnItsField(DatabaseProvider provider, string value, string deadline, string field, string message)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        // The province's own plan: a Home Affairs account of the province may add its targets.
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var url = $"/documents/{document.Id}/targets/new";
        var (_, form) = await session.GetAsync(url);

        using var response = await session.PostFormAsync(url, form.QuerySelector("main form[method=post]")!, new()
        {
            ["Input.Text"] = "Tỷ lệ đơn vị tự chủ", ["Input.Direction"] = "at-least", ["Input.ValueUnit"] = "percent",
            ["Input.Value"] = value, ["Input.Deadline"] = deadline,
        });
        var page = await PageSession.ParseAsync(response);
        var after = await admin.GetDocumentAsync(document.Id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"[data-testid='error-{field}']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Empty(after.Targets);
    }
}
