using System.Net;
using System.Text.Json.Nodes;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>Targets of a plan: an indicator of domain 11 with baseline, direction, value and deadline, or free text.</summary>
public sealed class TargetApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Post_IndicatorTarget_Returns201AndTheDocumentShowsIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var body = new JsonObject
        {
            ["indicatorCode"] = "units.count",
            ["text"] = "Giảm tối thiểu 10% đơn vị sự nghiệp công lập so với năm 2021.",
            ["areaCode"] = "92",
            ["baseline"] = new JsonObject { ["from"] = "2021-01-01", ["to"] = "2021-12-31" },
            ["direction"] = "decrease",
            ["value"] = 10,
            ["valueUnit"] = "percent",
            ["deadline"] = "2026-12-31",
        };

        var target = await admin.AddTargetAsync(document.Id, body);
        var read = Assert.Single((await admin.GetDocumentAsync(document.Id)).Targets);

        Assert.Equal(target, read);
        Assert.Equal(("units.count", "92", "decrease", 10m, "percent"), (read.IndicatorCode, read.AreaCode, read.Direction, read.Value, read.ValueUnit));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), (read.BaselineFrom!.Value, read.BaselineTo!.Value));
        Assert.Equal(new DateOnly(2026, 12, 31), read.Deadline);
    }

    [Theory, DatabaseData]
    public async Task Post_FreeTextTarget_Returns201WithoutIndicator(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        const string text = "Đến năm 2030, các đơn vị sau sắp xếp có tổ chức bộ máy phù hợp, gắn với vị trí việc làm.";

        var target = await admin.AddTargetAsync(document.Id, new JsonObject { ["text"] = text });
        var read = Assert.Single((await admin.GetDocumentAsync(document.Id)).Targets);

        Assert.Equal(target.Id, read.Id);
        Assert.Equal(text, read.Text);
        Assert.Null(read.IndicatorCode);
        Assert.Null(read.Value);
        Assert.Null(read.Deadline);
    }

    [Theory, DatabaseData]
    public async Task Post_UnknownIndicator_Returns400AndAddsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var body = new JsonObject
        {
            ["indicatorCode"] = "units.happiness", ["text"] = "Chỉ tiêu thử", ["direction"] = "at-least", ["value"] = 5,
            ["valueUnit"] = "percent", ["deadline"] = "2026-12-31",
        };

        using var response = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/targets", body);

        Assert.Equal(["indicatorCode"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Targets);
        body["indicatorCode"] = "autonomy.any.share";
        await admin.AddTargetAsync(document.Id, body);   // the same body with a known indicator is accepted
    }

    [Theory, DatabaseData]
    public async Task Post_DecreaseWithoutBaseline_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var body = new JsonObject
        {
            ["indicatorCode"] = "staff.budget", ["text"] = "Giảm 10% biên chế", ["direction"] = "decrease", ["value"] = 10,
            ["valueUnit"] = "percent", ["deadline"] = "2026-12-31",
        };
        var share = new JsonObject
        {
            ["indicatorCode"] = "autonomy.any.share", ["text"] = "20% đơn vị tự chủ tài chính", ["direction"] = "at-least", ["value"] = 20,
            ["valueUnit"] = "percent", ["deadline"] = "2026-12-31",
        };

        using var response = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/targets", body);
        var level = await admin.AddTargetAsync(document.Id, share);   // a share reached by a date needs no baseline

        Assert.Equal(["baselineFrom"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal([level.Id], (await admin.GetDocumentAsync(document.Id)).Targets.Select(t => t.Id));
    }

    [Theory, DatabaseData]
    public async Task Post_TargetOfUnknownDocument_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.PostJsonAsync("/api/v1/documents/2147480000/targets", new JsonObject { ["text"] = "Chỉ tiêu" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
