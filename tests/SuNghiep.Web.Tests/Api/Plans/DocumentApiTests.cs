using System.Net;
using System.Text.Json.Nodes;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>Documents of the cascade: a plan implements the documents above it (parentIds) and lists those below (childIds).</summary>
public sealed class DocumentApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Post_DocumentWithParent_Returns201AndBothSidesOfTheLink(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var parent = await admin.CreateDocumentAsync(PlansClient.Document(token + "a", "2023-10-02"));

        using var response = await admin.PostJsonAsync("/api/v1/documents", PlansClient.Document(token, "2024-01-10", parent.Id));
        var child = await admin.GetDocumentAsync(int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(child.Id > 0);
        Assert.Equal(("plan", "Kế hoạch"), (child.Type, child.TypeName));
        Assert.Equal($"{token}/KH-UBND", child.Number);
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", child.Issuer);
        Assert.Equal(new DateOnly(2024, 1, 10), child.IssuedOn);
        Assert.Equal($"Kế hoạch {Unique.Name(token)} thực hiện Kết luận số 62-KL/TW", child.Title);
        Assert.Equal([parent.Id], child.ParentIds);
        Assert.Empty(child.ChildIds);
        Assert.Equal([child.Id], (await admin.GetDocumentAsync(parent.Id)).ChildIds);
        Assert.Empty((await admin.GetDocumentAsync(parent.Id)).ParentIds);
    }

    [Theory, DatabaseData]
    public async Task Get_Document_ReturnsItsTargetsAndTasks(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var other = await admin.CreateDocumentAsync(PlansClient.Document(token + "b"));
        var lead = await app.AgencyIdAsync("92.SNV");
        var target = await admin.AddTargetAsync(document.Id, new JsonObject { ["text"] = $"Mục tiêu {token}" });
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ {token}", lead));
        await admin.AddTaskAsync(other.Id, PlansClient.Task($"Nhiệm vụ khác {token}", lead));

        var read = await admin.GetDocumentAsync(document.Id);

        Assert.Equal([target.Id], read.Targets.Select(t => t.Id));
        Assert.Equal([task.Id], read.Tasks.Select(t => t.Id));
        Assert.Equal($"Nhiệm vụ {token}", read.Tasks[0].Content);
        Assert.Equal(document.Number, read.Tasks[0].DocumentNumber);
        Assert.Equal([other.Id], (await admin.ListDocumentsAsync($"search={token}b")).Select(d => d.Id));
    }

    // One fault in an otherwise valid document, and the field the answer names.
    public static TheoryData<string, string> Faults => new()
    {
        // fault                        field named
        { "unknown type",               "type"      },
        { "missing number",             "number"    },
        { "unknown parent",             "parentIds" },
        { "issued before its parent",   "parentIds" },
        { "same number and date",       "number"    },
    };

    [Theory, DatabaseData(nameof(Faults))]
    public async Task Post_InvalidDocument_Returns400NamingTheField(DatabaseProvider provider, string fault, string field)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var parent = await admin.CreateDocumentAsync(PlansClient.Document(token + "p", "2024-01-10"));
        var body = PlansClient.Document(token, "2024-02-01");
        switch (fault)
        {
            case "unknown type":
                body["type"] = "memo";
                break;
            case "missing number":
                body.Remove("number");
                break;
            case "unknown parent":
                body["parentIds"] = new JsonArray(2_147_480_000);
                break;
            case "issued before its parent":
                body["parentIds"] = new JsonArray(parent.Id);
                body["issuedOn"] = "2023-12-31";
                break;
            case "same number and date":
                await admin.CreateDocumentAsync(PlansClient.Document(token, "2024-02-01"));
                break;
        }

        using var response = await admin.PostJsonAsync("/api/v1/documents", body);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal([field], errors.Keys);
        var saved = (await admin.ListDocumentsAsync($"search={token}")).Count(d => d.Number == $"{token}/KH-UBND");
        Assert.Equal(fault == "same number and date" ? 1 : 0, saved);
    }

    [Theory, DatabaseData]
    public async Task Post_SameNumberAnotherDate_Returns201(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var first = await admin.CreateDocumentAsync(PlansClient.Document(token, "2024-02-01"));

        var second = await admin.CreateDocumentAsync(PlansClient.Document(token, "2024-02-02"));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, (await admin.ListDocumentsAsync($"search={token}")).Count);
    }

    [Theory, DatabaseData]
    public async Task Get_UnknownDocument_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync("/api/v1/documents/2147480000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
