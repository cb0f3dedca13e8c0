using Microsoft.Playwright;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>
/// A citizen on a phone finds a unit on the public register, reads its page and sends feedback (the page's script
/// finds the proof of work); an officer answers and publishes it, and it shows on the public page without the contact.
/// </summary>
public sealed class PublicFeedbackJourneyTests(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task Feedback_FromAPhoneToPublication_ShowsTheAnswerAndNeverTheContact()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var unit = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"PH-{n}", Name = $"Trạm Y tế Phường Kiểm Thử {n}", Sector = "health", RoleClass = "basic-service", Level = "commune",
            AreaCode = "31120", ManagingAgencyId = await host.AgencyIdAsync("92.SYT"), EstablishedOn = new DateOnly(2010, 1, 1),
            Address = "Số 5 đường Kiểm Thử",
        });
        var contact = $"nguoidan.{n}@example.vn";
        var phone = await host.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);

        await phone.GotoAsync("/cong-khai");
        await phone.Locator("#q").FillAsync($"tram y te phuong kiem thu {n}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await phone.GetByTestId("public-unit-link").Filter(new() { HasText = n }).ClickAsync();
        await Expect(phone.GetByTestId("public-unit-name")).ToHaveTextAsync(unit.Name);
        await Expect(phone.Locator("main")).ToContainTextAsync("Số 5 đường Kiểm Thử");
        await phone.Locator("#Input_Topic").FillAsync("Thái độ phục vụ");
        await phone.Locator("#Input_Text").FillAsync($"Xin hỏi giờ tiêm chủng buổi chiều {n}");
        await phone.Locator("#Input_Contact").FillAsync(contact);
        await phone.Locator("#Input_Consent").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).ClickAsync();
        await Expect(phone.GetByTestId("feedback-sent")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("withdraw-link")).ToBeVisibleAsync();
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
        await phone.ScreenshotAsync("public-feedback-sent");

        var officer = await host.NewPageAsync();
        await officer.SignInAsync(HostFixture.HealthOfficerEmail, HostFixture.Password);
        await officer.GotoAsync($"/feedback?status=new&q={n}");
        await officer.GetByTestId("feedback-link").First.ClickAsync();
        await Expect(officer.GetByTestId("feedback-contact")).ToHaveTextAsync(contact);
        await officer.Locator("#Input_Reply").FillAsync($"Trạm tiêm chủng từ 13 giờ 30 các ngày thứ Ba {n}");
        await officer.GetByTestId("reply-submit").ClickAsync();
        await Expect(officer.GetByTestId("success")).ToBeVisibleAsync();
        await officer.Locator("#Input_PublicText").FillAsync($"Giờ tiêm chủng buổi chiều là khi nào? {n}");
        await officer.GetByTestId("publish-submit").ClickAsync();
        await Expect(officer.GetByTestId("feedback-status")).ToHaveTextAsync("Đã công khai");

        await phone.GotoAsync($"/cong-khai/{unit.Code}");
        var published = phone.GetByTestId("public-feedback");
        await Expect(published).ToContainTextAsync($"Giờ tiêm chủng buổi chiều là khi nào? {n}");
        await Expect(published).ToContainTextAsync($"Trạm tiêm chủng từ 13 giờ 30 các ngày thứ Ba {n}");
        Assert.DoesNotContain(contact, await phone.ContentAsync(), StringComparison.Ordinal);
        output.WriteLine($"public page of {unit.Code} on a phone: {await phone.EvaluateAsync<int>("() => document.body.scrollHeight")} px");
    }
}
