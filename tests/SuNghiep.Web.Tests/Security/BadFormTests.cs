using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Security;

/// <summary>
/// Every page form that posts, as its administrator sees it on the scope-attack world's objects, sent back by an
/// administrator of its own with every field (hidden ones too) set to a value it cannot take. Each form with a typed
/// field (a date, a number, a choice) must refuse it: never a 5xx, and not a line in the audit trail.
/// </summary>
public sealed class BadFormTests(AppHosts hosts)
{
    public static TheoryData<string> Values => new("abc", "2020-02-30", "-99999999999999999999");

    [Theory, DatabaseData(nameof(Values))]
    public async Task EveryPageForm_EveryFieldUnparsable_TypedFormsRefuseWithoutA5xxOrAnAuditLine(DatabaseProvider provider, string value)
    {
        var app = await hosts.GetAsync(provider);
        var world = await ScopeAttackTests.WorldAsync(app, provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var session = await PageSession.SignInAsync(app, email);
        var userId = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        // Signing out ends the session the later posts use: it goes last.
        var routes = (await ScopeAttackTests.RoutesAsync(app)).Where(r => r.IsPage && r.Writes).OrderBy(r => r.Key == "POST /logout").ToList();
        var failures = new List<string>();
        var posted = 0;

        foreach (var route in routes)
        {
            var path = ScopeAttackTests.Fill(route.Pattern, world, isPage: true);
            var (get, page) = await session.GetAsync(path);
            get.Dispose();
            var form = page.QuerySelectorAll("form").FirstOrDefault(f =>
                string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) && ScopeAttackTests.FormMatches(f, path, route.Handler));
            if (form is null)
            {
                continue;
            }

            var fields = Fields(form, value, out var hasTyped);
            if (!hasTyped)
            {
                // A form of text alone (a reason, a reply) may rightly take the value, and would change the world's
                // objects under the tests that share them.
                continue;
            }

            var url = route.Handler is null ? path : $"{path}?handler={route.Handler}";
            var audited = await AuditedAsync(app, userId);
            using var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(fields));
            var code = (int)response.StatusCode;
            posted++;
            if (code >= 500)
            {
                failures.Add($"{route.Key}: {code}");
            }
            else if (await AuditedAsync(app, userId) != audited)
            {
                failures.Add($"{route.Key}: {code}{(response.Headers.Location is { } l ? $" to {l}" : "")}, and the audit trail gained a line");
            }

        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}, \"{value}\": {posted} forms with typed fields posted, {failures.Count} failed");
        Assert.True(posted > 25, $"only {posted} forms with a typed field found: the form reading is broken");
        Assert.True(failures.Count == 0, $"{failures.Count} of {posted} forms with every field \"{value}\":\n" + string.Join("\n", failures));
    }

    private static Task<int> AuditedAsync(SuNghiepApp app, string userId) =>
        app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.ActorId == userId));

    /// <summary>The form's fields, each set to the value but the anti-forgery token and the handler.</summary>
    private static List<KeyValuePair<string, string>> Fields(IElement form, string value, out bool hasTyped)
    {
        var fields = new List<KeyValuePair<string, string>>();
        hasTyped = false;
        foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name is "__RequestVerificationToken" or "handler" || input is IHtmlInputElement { Type: "file" or "submit" })
            {
                if (name == "__RequestVerificationToken")
                {
                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                }

                continue;
            }

            hasTyped |= input is IHtmlSelectElement
                || input is IHtmlInputElement { Type: "date" or "number" or "month" or "datetime-local" }
                || input.GetAttribute("inputmode") is "numeric" or "decimal";
            fields.Add(new(name, value));
        }

        return fields;
    }
}
