using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Pages.Plans;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Exports;

namespace SuNghiep.Web.Tests.Pages.Plans;

/// <summary>Lists show a task by a short title; the task page and the link's title keep the whole text.</summary>
public sealed class TaskShortTitleTests(AppHosts hosts)
{
    private const string Sentence = "Rà soát, sắp xếp lại các đơn vị sự nghiệp công lập thuộc phạm vi quản lý của tỉnh";

    private static readonly string Long = Sentence + ". Xây dựng đề án tổng thể, trình Ủy ban nhân dân tỉnh phê duyệt trước ngày 30/6, "
        + "bảo đảm giảm tối thiểu 10% số đơn vị và 10% biên chế hưởng lương từ ngân sách nhà nước so với năm 2021.";

    private static readonly string OneLongSentence = string.Join(' ', Enumerable.Repeat("tổ chức thực hiện", 12)) + " đến hết năm 2030";

    [Theory]
    [InlineData("Báo cáo kết quả.",                          "Báo cáo kết quả.")]
    [InlineData("  Báo cáo   kết quả  ",                     "Báo cáo kết quả")]
    public void ShortTitle_ShortText_WholeText(string content, string expected) =>
        Assert.Equal(expected, PlanDisplay.ShortTitle(content));

    [Fact]
    public void ShortTitle_LongText_FirstSentence() =>
        Assert.Equal(Sentence + ".", PlanDisplay.ShortTitle(Long));

    [Fact]
    public void ShortTitle_NumberingIsNoSentence_CutOnAWord()
    {
        var text = "1. " + OneLongSentence;

        var title = PlanDisplay.ShortTitle(text);

        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.True(title.Length <= PlanDisplay.ShortTitleLength + 1, title);
        Assert.StartsWith(title[..^1] + " ", text, StringComparison.Ordinal);   // cut between two words
        Assert.True(PlanDisplay.IsShortened(text));
        Assert.False(PlanDisplay.IsShortened("Báo cáo kết quả."));
    }

    [Theory, DatabaseData]
    public async Task TasksAndDocument_LongText_ShortTitleAndWholeTextOnTheTaskPage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        var lead = await app.AgencyIdAsync("24.SNV");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var content = $"{token} {Long}";
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task(content, lead, new DateOnly(2030, 1, 1)));
        var shortTask = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Báo cáo {token}", lead, new DateOnly(2030, 1, 1)));
        using var session = await ExportSession.SignInAsync(app, email);

        var (_, list) = await session.GetAsync($"/tasks?documentId={document.Id}&agencyId=all");
        var (_, documentPage) = await session.GetAsync($"/documents/{document.Id}");
        var (_, taskPage) = await session.GetAsync($"/tasks/{task.Id}");
        var (_, shortPage) = await session.GetAsync($"/tasks/{shortTask.Id}");

        foreach (var page in new[] { list, documentPage })
        {
            var link = Link(page, task.Id);
            Assert.Equal($"{token} {Sentence}.", link.TextContent.Trim());
            Assert.Equal(content, link.GetAttribute("title"));
            var control = Link(page, shortTask.Id);
            Assert.Equal($"Báo cáo {token}", control.TextContent.Trim());
            Assert.Null(control.GetAttribute("title"));
        }

        Assert.Equal($"{token} {Sentence}.", taskPage.QuerySelector("[data-testid=task-title]")!.TextContent.Trim());
        Assert.Equal(content, taskPage.QuerySelector("[data-testid=task-content-full]")!.TextContent.Trim());
        Assert.Equal($"Báo cáo {token}", shortPage.QuerySelector("[data-testid=task-title]")!.TextContent.Trim());
        Assert.Null(shortPage.QuerySelector("[data-testid=task-content-full]"));
    }

    private static IElement Link(IDocument page, int taskId) =>
        page.QuerySelector($"tr[data-task-id='{taskId}'] [data-testid=task-content]") ?? throw new InvalidOperationException($"No task {taskId}.");
}
