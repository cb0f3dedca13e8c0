using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SuNghiep.Web.Tests.Pages.Resources;

/// <summary>A browser-like client of the pages: signed in with the login form, reading and posting forms as HTML.</summary>
internal sealed class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public static async Task<PageSession> SignInAsync(SuNghiepApp app, string email, string password = SuNghiepApp.Password)
    {
        var session = new PageSession(app.Client(cookies: true));
        var (_, login) = await session.GetAsync("/login");
        using var response = await session.PostFormAsync("/login", login.QuerySelector("main form")!, new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Posts a form with its own fields (hidden token, selected values) and the given ones over them.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IElement form, Dictionary<string, string> values)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            var value = input switch
            {
                IHtmlInputElement { Type: "checkbox" } box => box.IsChecked ? box.Value : null,
                IHtmlInputElement i => i.Value,
                IHtmlSelectElement s => s.Value,
                IHtmlTextAreaElement t => t.Value,
                _ => null,
            };
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }

    public void Dispose() => client.Dispose();
}
