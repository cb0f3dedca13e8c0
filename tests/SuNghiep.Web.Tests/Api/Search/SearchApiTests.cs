using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Search;

/// <summary>
/// GET /api/v1/search: units, agencies, documents and tasks, found without accents (đ as d), within the caller's scope,
/// exact code first, and refused with a Vietnamese problem when the query is missing, too short or too long.
/// </summary>
public sealed class SearchApiTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    // Outside the demo province, so that the demo's counts stay as seeded; the scope tests go by managing agency.
    private const string OutsideArea = "00004";

    [Theory, DatabaseData]
    public async Task Search_EachKind_FoundWithoutAccents(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", await app.AgencyIdAsync(Education))
            .With("name", $"Trường Mầm non Đồng Tháp {Unique.Name(token)}").With("areaCode", OutsideArea));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token)
            .With("title", $"Kế hoạch sắp xếp đơn vị sự nghiệp {Unique.Name(token)}"));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Đẩy mạnh tự chủ tài chính {token}", await app.AgencyIdAsync(Health)));

        var units = await admin.SearchAsync($"truong mam non dong thap {token}");
        var documents = await admin.SearchAsync($"ke hoach sap xep don vi {token}");
        var tasks = await admin.SearchAsync($"day manh tu chu {token}");
        var agencies = await admin.SearchAsync("so giao duc va dao tao thanh pho can tho");
        var control = await admin.SearchAsync($"truong mam non {token}", "&kind=task");

        Assert.Equal([("unit", unit.Id)], units.Keys());
        Assert.Equal($"/units/{unit.Id}", units.Items[0].Url);
        Assert.Equal(unit.Name, units.Items[0].Title);
        Assert.Equal([("document", document.Id)], documents.Keys());
        Assert.Equal($"/documents/{document.Id}", documents.Items[0].Url);
        Assert.Equal([("task", task.Id)], tasks.Keys());
        Assert.Equal($"/tasks/{task.Id}", tasks.Items[0].Url);
        var education = await app.AgencyIdAsync(Education);
        Assert.Contains(("agency", education), agencies.Keys());
        Assert.Contains(agencies.Items, i => i.Id == education && i.Url == $"/units?ManagingAgencyId={education}");
        Assert.Empty(control.Items);
        Assert.Equal(0, control.Total);
    }

    [Theory, DatabaseData]
    public async Task Search_ExactCodeFirst_ThenPrefix_ThenContains(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync(Education);
        // Names in reverse alphabetical order of what the ranking must give, so that a plain name sort would fail.
        var contains = await admin.CreateUnitAsync(UnitsClient.Body(token, "X", agency)
            .With("code", $"Z{token}").With("name", $"Ánh sáng {token}a1").With("areaCode", OutsideArea));
        var prefix = await admin.CreateUnitAsync(UnitsClient.Body(token, "AB", agency).With("name", "Bình minh").With("areaCode", OutsideArea));
        var exact = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency).With("name", "Cầu vồng").With("areaCode", OutsideArea));

        var found = await admin.SearchAsync($"{token}-a".ToUpperInvariant());
        var broad = await admin.SearchAsync(token);

        Assert.Equal([exact.Id, prefix.Id], found.Items.Select(i => i.Id));
        Assert.Equal([prefix.Id, exact.Id, contains.Id], broad.Items.Where(i => i.Kind == "unit").Select(i => i.Id));
        Assert.Equal(3, broad.Total);
    }

    [Theory, DatabaseData]
    public async Task Search_AgencyOfficer_FindsNothingOutsideItsSubtree(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (health, education) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education));
        var ownUnit = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", health).With("sector", "health").With("areaCode", OutsideArea));
        var otherUnit = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", education).With("areaCode", OutsideArea));
        var ownDocument = await admin.CreateDocumentAsync(PlansClient.Document(token).With("number", $"{token}/KH-SYT").With("issuerAgencyId", health));
        var otherDocument = await admin.CreateDocumentAsync(PlansClient.Document(token).With("number", $"{token}/KH-SGDDT").With("issuerAgencyId", education));
        var ownTask = await admin.AddTaskAsync(ownDocument.Id, PlansClient.Task($"Nhiệm vụ {token} của Sở Y tế", health));
        var otherTask = await admin.AddTaskAsync(otherDocument.Id, PlansClient.Task($"Nhiệm vụ {token} của Sở Giáo dục", education));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        var seen = await officer.SearchAsync(token);
        var everything = await admin.SearchAsync(token);
        var agencies = await officer.SearchAsync("so giao duc va dao tao", "&kind=agency");

        Assert.Equal(
            new[] { ("unit", ownUnit.Id), ("document", ownDocument.Id), ("task", ownTask.Id) }.Order(),
            seen.Keys().Order());
        Assert.Equal(3, seen.Total);
        Assert.Equal(
            new[] { ("unit", ownUnit.Id), ("unit", otherUnit.Id), ("document", ownDocument.Id), ("document", otherDocument.Id), ("task", ownTask.Id), ("task", otherTask.Id) }.Order(),
            everything.Keys().Order());
        Assert.Empty(agencies.Items);
        Assert.Contains(("agency", health), (await officer.SearchAsync("so y te thanh pho can tho", "&kind=agency")).Keys());
    }

    [Theory, DatabaseData]
    public async Task Search_Paging_GivesEachResultOnce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync(Education);
        var ids = new List<int>();
        foreach (var suffix in new[] { "A", "B", "C", "D", "E" })
        {
            ids.Add((await admin.CreateUnitAsync(UnitsClient.Body(token, suffix, agency).With("areaCode", OutsideArea))).Id);
        }

        var first = await admin.SearchAsync(token, "&pageSize=2");
        var second = await admin.SearchAsync(token, "&pageSize=2&page=2");
        var third = await admin.SearchAsync(token, "&pageSize=2&page=3");

        Assert.Equal(5, first.Total);
        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id));
    }

    [Theory, DatabaseData]
    public async Task Search_BadQuery_Returns400InVietnamese(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var missing = await admin.GetAsync("/api/v1/search");
        using var blank = await admin.GetAsync("/api/v1/search?q=%20%20");
        using var shortOne = await admin.GetAsync("/api/v1/search?q=%C4%91");
        using var longOne = await admin.GetAsync($"/api/v1/search?q={new string('a', 101)}");
        using var kind = await admin.GetAsync("/api/v1/search?q=truong&kind=unicorn");
        using var size = await admin.GetAsync("/api/v1/search?q=truong&pageSize=0");
        using var page = await admin.GetAsync("/api/v1/search?q=truong&page=mot");
        using var far = await admin.GetAsync("/api/v1/search?q=truong&page=1000&pageSize=50");
        using var anonymous = await app.Client().GetAsync("/api/v1/search?q=truong");

        Assert.Equal(["q"], (await missing.ValidationErrorsAsync()).Keys);
        Assert.Equal("Nhập từ khóa tìm kiếm.", Assert.Single((await blank.ValidationErrorsAsync())["q"]));
        Assert.Equal("Từ khóa phải có ít nhất 2 ký tự.", Assert.Single((await shortOne.ValidationErrorsAsync())["q"]));
        Assert.Equal("Từ khóa dài quá 100 ký tự.", Assert.Single((await longOne.ValidationErrorsAsync())["q"]));
        Assert.Equal(["kind"], (await kind.ValidationErrorsAsync()).Keys);
        Assert.Equal(["pageSize"], (await size.ValidationErrorsAsync()).Keys);
        Assert.Equal(["page"], (await page.ValidationErrorsAsync()).Keys);
        Assert.Equal(["page"], (await far.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
