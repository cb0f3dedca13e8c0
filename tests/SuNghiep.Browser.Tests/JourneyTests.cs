using Microsoft.Playwright;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class JourneyTests(HostFixture host)
{
    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task SignIn_BadThenGoodPassword_ShowsErrorThenLandsOnUnits()
    {
        var page = await host.NewPageAsync();

        await page.SignInAsync(HostFixture.HomeAffairsEmail, "mat-khau-sai-123");
        await Expect(page.Locator("main .alert-danger")).ToContainTextAsync("Email hoặc mật khẩu không đúng.");
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.ScreenshotAsync("login-error");

        await page.Locator("#Input_Password").FillAsync(HostFixture.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/units");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sổ đăng ký đơn vị sự nghiệp công lập");
        await Expect(page.Locator("[data-testid=current-user]")).ToHaveTextAsync(HostFixture.HomeAffairsEmail);
        await page.ScreenshotAsync("units-list");

        // A filter value the register does not know is explained, not a server error.
        var bad = await page.GotoAsync("/units?sector=khong-co&page=x");
        Assert.Equal(200, bad!.Status);
        await Expect(page.GetByTestId("filter-errors")).ToContainTextAsync("Lĩnh vực \"khong-co\" không tồn tại.");
        await Expect(page.GetByTestId("filter-errors")).ToContainTextAsync("Số trang phải là số.");
    }

    [Theory]
    [InlineData("truong mam non", true)]
    [InlineData("Trường Mầm non", false)]
    public async Task Search_WithOrWithoutDiacritics_ListsKindergarten(string text, bool javaScript)
    {
        var page = await host.NewPageAsync(javaScript);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/units");

        await page.SearchUnitsAsync(text, javaScript);

        var names = await page.UnitNames().AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.StartsWith("Trường Mầm non", names[0], StringComparison.Ordinal);
        Assert.All(names, n => Assert.Contains("Mầm non", n, StringComparison.Ordinal));
        await page.ScreenshotAsync(javaScript ? "units-search-htmx" : "units-search-nojs");

        // Printed, the list keeps its table and drops the navigation and the filters.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await Expect(page.UnitNames().First).ToBeVisibleAsync();
        await page.ScreenshotAsync(javaScript ? "units-print" : "units-print-nojs");
    }

    [Fact]
    public async Task UnitForm_InvalidThenFixed_SavedFoundEditedAndAudited()
    {
        var n = Unique();
        var name = $"Trung tâm Thử nghiệm Đường thủy {n}";
        var folded = $"trung tam thu nghiem duong thuy {n}";
        var renamed = $"Trung tâm Kiểm định Đường thủy {n}";
        var code = $"BT-{n}";
        var agencyId = await host.AgencyIdAsync("92.SXD");
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/units");

        // An invalid form: no code, an end date before the start date.
        await page.GetByTestId("create-unit").ClickAsync();
        await page.WaitForURLAsync("**/units/create");
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_Sector").SelectOptionAsync("economic");
        await page.Locator("#Input_RoleClass").SelectOptionAsync("other");
        await page.Locator("#Input_Level").SelectOptionAsync("province");
        await page.Locator("#Input_ManagingAgencyId").FillAsync(agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_AreaCode").FillAsync("92");
        await page.Locator("#Input_AutonomyGroup").SelectOptionAsync("2");
        await page.Locator("#Input_EstablishedOn").FillAsync("2020-05-10");
        await page.Locator("#Input_EndedOn").FillAsync("2019-01-01");
        await page.Locator("#Input_Address").FillAsync("Số 1 đường Trần Hưng Đạo, phường Ninh Kiều");
        var invalid = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("save-unit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, invalid.Status);
        await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Expect(page.FieldError("Input.Code")).ToHaveTextAsync("Vui lòng nhập mã đơn vị.");
        await Expect(page.FieldError("Input.EndedOn")).ToHaveTextAsync("Ngày chấm dứt hoạt động phải sau ngày thành lập.");
        await Expect(page.Locator("#Input_Code")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-invalid"));
        await Expect(page.Locator("#Input_Name")).ToHaveValueAsync(name);
        await page.ScreenshotAsync("unit-create-errors");

        // Fixed: the unit is saved and its page shown.
        await page.Locator("#Input_Code").FillAsync(code);
        await page.Locator("#Input_EndedOn").FillAsync("");
        await page.GetByTestId("save-unit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/units/\d+$"));
        var id = new Uri(page.Url).Segments[^1];
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã lưu đơn vị");
        await Expect(page.GetByTestId("unit-title")).ToHaveTextAsync(name);
        await Expect(page.Locator("[data-field=code]")).ToHaveTextAsync(code);
        await Expect(page.Locator("[data-field=establishedOn]")).ToHaveTextAsync("10/05/2020");
        await Expect(page.Locator("[data-field=autonomyGroup]")).ToContainTextAsync("Tự bảo đảm chi thường xuyên");
        await page.ScreenshotAsync("unit-details");

        // Found by its name typed without diacritics.
        await page.GotoAsync("/units");
        await page.SearchUnitsAsync(folded);
        await Expect(page.UnitNames()).ToHaveTextAsync([name]);
        await page.UnitNames().First.ClickAsync();
        await page.WaitForURLAsync($"**/units/{id}");

        // Renamed through the edit form.
        await page.GetByTestId("edit-unit").ClickAsync();
        await page.WaitForURLAsync($"**/units/{id}/edit");
        await Expect(page.Locator("#Input_Code")).ToHaveValueAsync(code);
        await page.ScreenshotAsync("unit-edit");
        await page.Locator("#Input_Name").FillAsync(renamed);
        await page.GetByTestId("save-unit").ClickAsync();
        await page.WaitForURLAsync($"**/units/{id}");
        await Expect(page.GetByTestId("unit-title")).ToHaveTextAsync(renamed);
        await Expect(page.GetByTestId("success")).ToContainTextAsync(renamed);

        // The administrator sees who renamed it, and the name before and after.
        var admin = await host.NewPageAsync();
        await admin.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await admin.WaitForURLAsync("**/dashboard");
        await admin.GotoAsync($"/units/{id}");
        await Expect(admin.GetByTestId("unit-audit").Locator("tbody tr")).ToHaveCountAsync(2);
        await admin.GetByTestId("unit-audit").GetByRole(AriaRole.Link, new() { Name = "Xem chi tiết trong nhật ký" }).ClickAsync();
        await admin.WaitForURLAsync($"**/admin/audit?entityType=Unit&entityId={id}");
        var edit = admin.Locator("[data-testid=audit] > tbody > tr").Filter(new() { HasText = "Sửa" });
        await Expect(edit).ToHaveCountAsync(1);
        // The person by name, with the e-mail on hover.
        await Expect(edit.GetByTestId("actor")).ToHaveTextAsync("Trần Thị Nội Vụ");
        await Expect(edit.GetByTestId("actor")).ToHaveAttributeAsync("title", HostFixture.HomeAffairsEmail);
        var nameChange = edit.Locator("tr[data-field=Name]");
        await Expect(nameChange.Locator(".diff-before")).ToHaveTextAsync(name);
        await Expect(nameChange.Locator(".diff-after")).ToHaveTextAsync(renamed);
        // Only what changed is listed.
        await Expect(edit.Locator("tr[data-field]")).ToHaveCountAsync(1);
        await admin.ScreenshotAsync("admin-audit");
    }

    [Fact]
    public async Task AgencyOfficer_UnitOfAnotherAgency_NotListedAndDetailIs404()
    {
        var n = Unique();
        var other = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"PV-{n}", Name = $"Trường Kiểm thử Phạm vi {n}", Sector = "education", RoleClass = "basic-service",
            Level = "province", AreaCode = "92", ManagingAgencyId = await host.AgencyIdAsync("92.SGDDT"),
            EstablishedOn = new DateOnly(2015, 9, 5),
        });
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HealthOfficerEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/units");

        // Control: the officer does see the hospitals of Sở Y tế.
        await page.SearchUnitsAsync("benh vien");
        Assert.NotEmpty(await page.UnitNames().AllInnerTextsAsync());

        await page.GotoAsync($"/units?status=all&search={Uri.EscapeDataString(other.Name)}");
        await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("Tìm thấy 0 đơn vị");
        await page.ScreenshotAsync("units-empty-scope");

        var detail = await page.GotoAsync($"/units/{other.Id}");
        Assert.Equal(404, detail!.Status);
        await Expect(page.GetByTestId("status-page")).ToContainTextAsync("Không tìm thấy trang");
        await page.ScreenshotAsync("not-found");
        var edit = await page.GotoAsync($"/units/{other.Id}/edit");
        Assert.Equal(404, edit!.Status);

        // The unit exists: the administrator opens the same address.
        var admin = await host.NewPageAsync();
        await admin.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await admin.WaitForURLAsync("**/dashboard");
        var seen = await admin.GotoAsync($"/units/{other.Id}");
        Assert.Equal(200, seen!.Status);
        await Expect(admin.GetByTestId("unit-title")).ToHaveTextAsync(other.Name);
    }

    [Fact]
    public async Task MissingAddress_PageAndApi_VietnamesePageAndProblemJson()
    {
        var page = await host.NewPageAsync();

        var missing = await page.GotoAsync("/khong-co-trang-nay");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByTestId("status-page")).ToContainTextAsync("Không tìm thấy trang");

        var api = await page.APIRequest.GetAsync("/api/v1/khong-co");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_OpenEach_ShowVietnameseScreens()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync($"/admin/users?search={Uri.EscapeDataString("browser.test")}");
        var rows = page.Locator("[data-testid=users] tbody tr");
        await Expect(rows.Filter(new() { HasText = HostFixture.HealthOfficerEmail })).ToContainTextAsync("Cán bộ cơ quan chủ quản");
        await Expect(rows.Filter(new() { HasText = HostFixture.HealthOfficerEmail })).ToContainTextAsync("Sở Y tế");
        await page.ScreenshotAsync("admin-users");

        // A new account with a bad scope gets the message on its field, then is created with a good one.
        var email = $"xa{Unique()}@browser.test";
        await page.GotoAsync("/admin/users/create");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_FullName").FillAsync("Phạm Thị Xã");
        await page.Locator("#Input_Password").FillAsync(HostFixture.Password);
        await page.Locator("#Input_Role").SelectOptionAsync("AgencyOfficer");
        await page.Locator("#Input_AreaCode").FillAsync("99999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Expect(page.FieldError("Input.AreaCode")).ToHaveTextAsync("Không có địa bàn mã \"99999\".");
        await page.ScreenshotAsync("admin-user-create-errors");
        await page.Locator("#Input_Password").FillAsync(HostFixture.Password);
        await page.Locator("#Input_AreaCode").FillAsync("92");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync(email);
        var row = page.Locator("[data-testid=users] tbody tr").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Thành phố Cần Thơ");

        // Locked through the edit form.
        await row.GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/users/*/edit");
        await Expect(page.Locator("#Input_AreaCode")).ToHaveValueAsync("92");
        await page.Locator("#Input_Locked").CheckAsync();
        await page.ScreenshotAsync("admin-user-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(page.Locator("[data-testid=users] tbody tr").Filter(new() { HasText = email })).ToContainTextAsync("Đã khóa");
    }
}
