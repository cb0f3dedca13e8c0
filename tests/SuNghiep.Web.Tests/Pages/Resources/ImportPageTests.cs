using System.Net;
using System.Net.Http.Headers;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Pages.Resources;

public sealed class ImportPageTests(AppHosts hosts)
{
    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> UploadAsync(PageSession session, byte[] bytes, string name)
    {
        var (_, form) = await session.GetAsync("/staffing/import");
        var token = form.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", name } };
        var response = await session.Client.PostAsync("/staffing/import", content);
        return (response, await PageSession.ParseAsync(response));
    }

    public static TheoryData<int, string, string> BadFiles => new()
    {
        // size (bytes)       name            message
        { 10 * 1024 * 1024 + 1, "lon.xlsx",    "Tệp lớn hơn 10 MB; hãy chia thành nhiều tệp." },
        { 100,                  "bang.csv",    "Chỉ nhận tệp Excel .xlsx; hãy dùng tệp mẫu." },
        { 100,                  "hong.xlsx",   "Không đọc được tệp: hãy dùng tệp .xlsx theo mẫu." },
    };

    [Theory, DatabaseData(nameof(BadFiles))]
    public async Task Post_FileTooLargeWrongKindOrUnreadable_Returns400WithTheReason(DatabaseProvider provider, int size, string name, string message)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (response, page) = await UploadAsync(session, new byte[size], name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task Template_Download_IsTheXlsxWithTheImportHeaders(DatabaseProvider provider)
    {
        // A unit's own officer may import its figures, so the template is his too.
        var (app, admin, _, code, _) = await Api.Resources.ResourceRequests.UnitAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.UnitOfficer, unit: code));

        using var response = await session.Client.GetAsync("/staffing/import/template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Api.Resources.ResourceRequests.XlsxType, response.Content.Headers.ContentType?.MediaType);
        var headers = Api.Resources.ResourceRequests.ReadHeaders(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Mã đơn vị", "Năm"], headers.Take(2));
        Assert.Equal(22, headers.Count);
    }
}
