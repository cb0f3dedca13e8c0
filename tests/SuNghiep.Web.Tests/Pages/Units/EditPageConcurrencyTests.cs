using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Pages.Units;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Units;

/// <summary>The edit page carries the unit's revision; a save over someone else's change is refused, never silent.</summary>
public sealed class EditPageConcurrencyTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Post_AfterSomeoneElseSaved_ShowsTheConflictWithTheCurrentValuesAndSavesNothing(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, opened) = await officer.GetAsync($"/units/{a.Id}/edit");
        var form = EditForm(opened);
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=Revision]"));
        using (var other = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} của người khác")))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var response = await officer.PostFormAsync($"/units/{a.Id}/edit", form, new() { ["Input.Name"] = $"{a.Name} của tôi" });
        var page = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(EditModel.ConflictMessage, page.QuerySelector("[data-testid=edit-conflict]")?.TextContent.Trim());
        Assert.StartsWith("Đơn vị này đã được người khác thay đổi kể từ khi bạn mở trang.", EditModel.ConflictMessage, StringComparison.Ordinal);
        Assert.Equal($"{a.Name} của người khác", page.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal($"{a.Name} của người khác", (await s.Client.GetUnitAsync(a.Id)).Name);

        // The form now carries the current revision: saving it again goes through.
        using var again = await officer.PostFormAsync($"/units/{a.Id}/edit", EditForm(page), new() { ["Input.Name"] = $"{a.Name} của tôi" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"{a.Name} của tôi", (await s.Client.GetUnitAsync(a.Id)).Name);
    }

    [Theory, DatabaseData]
    public async Task Post_WithoutTheRevision_IsTreatedAsAConflict(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, opened) = await officer.GetAsync($"/units/{a.Id}/edit");
        var form = EditForm(opened);
        form.QuerySelector("input[name=Revision]")!.Remove();

        using var response = await officer.PostFormAsync($"/units/{a.Id}/edit", form, new() { ["Input.Name"] = $"{a.Name} của tôi" });
        var page = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=edit-conflict]"));
        Assert.Equal(a.Name, (await s.Client.GetUnitAsync(a.Id)).Name);
    }

    [Theory, DatabaseData]
    public async Task Post_CurrentRevision_SavesAndRaisesTheRevision(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var before = await s.Client.ETagAsync(a.Id);
        var (_, opened) = await officer.GetAsync($"/units/{a.Id}/edit");

        using var response = await officer.PostFormAsync($"/units/{a.Id}/edit", EditForm(opened), new() { ["Input.Name"] = $"{a.Name} mới" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{a.Name} mới", (await s.Client.GetUnitAsync(a.Id)).Name);
        Assert.NotEqual(before, await s.Client.ETagAsync(a.Id));
        // The page opened before this save is now stale.
        using var late = await officer.PostFormAsync($"/units/{a.Id}/edit", EditForm(opened), new() { ["Input.Notes"] = "Ghi chú muộn" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Null((await s.Client.GetUnitAsync(a.Id)).Notes);
    }

    /// <summary>The administrator and a unit body in the demo province (92), where the officer of the tests works.</summary>
    private sealed record Setup(SuNghiepApp App, HttpClient Client, string Token, int AgencyId)
    {
        public System.Text.Json.Nodes.JsonObject UnitBody(string suffix) => UnitsClient.Body(Token, suffix, AgencyId);
    }

    private async Task<Setup> StartAsync(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        return new Setup(app, await app.AdminAsync(), Unique.Token(), await app.AgencyIdAsync("92.SGDDT"));
    }

    private static IElement EditForm(IDocument page) =>
        page.QuerySelector("form.unit-form") ?? throw new InvalidOperationException("The edit page has no unit form.");
}
