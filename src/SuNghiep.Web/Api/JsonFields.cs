using System.Globalization;
using System.Text.Json;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Api;

/// <summary>
/// Reads a JSON object field by field so that a wrongly typed value becomes a message on that field,
/// instead of a failure of the whole body.
/// </summary>
internal sealed class JsonFields(JsonElement root)
{
    public List<RuleViolation> Errors { get; } = [];

    public bool IsObject => root.ValueKind == JsonValueKind.Object;

    private JsonElement? Get(string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in root.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.ValueKind == JsonValueKind.Null ? null : p.Value;
            }
        }

        return null;
    }

    public string? String(string name)
    {
        var v = Get(name);
        switch (v?.ValueKind)
        {
            case null:
                return null;
            case JsonValueKind.String:
                return v.Value.GetString();
            case JsonValueKind.Number:
                return v.Value.GetRawText();
            default:
                Errors.Add(new(name, "Giá trị phải là chuỗi ký tự."));
                return null;
        }
    }

    public int? Int(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt32(out var n))
        {
            return n;
        }

        if (v.Value.ValueKind == JsonValueKind.String && int.TryParse(v.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        Errors.Add(new(name, "Giá trị phải là số nguyên."));
        return null;
    }

    public DateOnly? Date(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (v.Value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Errors.Add(new(name, "Ngày phải có dạng YYYY-MM-DD và là ngày có thật."));
        return null;
    }
}
