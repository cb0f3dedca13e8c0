using System.Globalization;
using System.Text.Json;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Api;

/// <summary>
/// Reads a JSON object field by field so that a wrongly typed value becomes a message on that field,
/// instead of a failure of the whole body.
/// </summary>
internal sealed class JsonFields(JsonElement root, string prefix = "", List<RuleViolation>? errors = null)
{
    public List<RuleViolation> Errors { get; } = errors ?? [];

    public bool IsObject => root.ValueKind == JsonValueKind.Object;

    public const string UnreadableText = "Chuỗi ký tự không hợp lệ: có ký tự Unicode hỏng (nửa cặp đại diện UTF-16 đứng lẻ).";

    /// <summary>
    /// A string value, or null when it holds an escaped lone surrogate ("\ud800"): valid JSON, but no valid text, and
    /// System.Text.Json refuses to read it.
    /// </summary>
    public static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

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

    /// <summary>Whether the object names the field at all, even as null: an absent field keeps what is stored.</summary>
    public bool Has(string name) =>
        root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public string? String(string name)
    {
        var v = Get(name);
        switch (v?.ValueKind)
        {
            case null:
                return null;
            case JsonValueKind.String when Text(v.Value) is { } text:
                return text;
            case JsonValueKind.String:
                Errors.Add(new(prefix + name, UnreadableText));
                return null;
            case JsonValueKind.Number:
                return v.Value.GetRawText();
            default:
                Errors.Add(new(prefix + name, "Giá trị phải là chuỗi ký tự."));
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

        if (v.Value.ValueKind == JsonValueKind.String && int.TryParse(Text(v.Value), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        Errors.Add(new(prefix + name, "Giá trị phải là số nguyên."));
        return null;
    }

    public decimal? Decimal(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out var n))
        {
            return n;
        }

        if (v.Value.ValueKind == JsonValueKind.String
            && decimal.TryParse(Text(v.Value), NumberStyles.Number, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        Errors.Add(new(prefix + name, "Giá trị phải là một số (đồng)."));
        return null;
    }

    public bool? Bool(string name)
    {
        var v = Get(name);
        switch (v?.ValueKind)
        {
            case null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Errors.Add(new(prefix + name, "Giá trị phải là true hoặc false."));
                return null;
        }
    }

    /// <summary>A nested object, read with field names prefixed ("decision.number").</summary>
    public JsonFields? Object(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (v.Value.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(new(prefix + name, "Giá trị phải là một đối tượng JSON."));
            return null;
        }

        return new JsonFields(v.Value, $"{prefix}{name}.", Errors);
    }

    /// <summary>The objects of an array, each read with its index in the field names ("newUnits[0].code").</summary>
    public IReadOnlyList<JsonFields> Objects(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return [];
        }

        if (v.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(new(prefix + name, "Giá trị phải là một mảng."));
            return [];
        }

        var items = new List<JsonFields>();
        var i = 0;
        foreach (var item in v.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new($"{prefix}{name}[{i}]", "Mỗi phần tử phải là một đối tượng JSON."));
            }
            else
            {
                items.Add(new JsonFields(item, $"{prefix}{name}[{i}].", Errors));
            }

            i++;
        }

        return items;
    }

    /// <summary>An array of integers.</summary>
    public IReadOnlyList<int> Ints(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return [];
        }

        if (v.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(new(prefix + name, "Giá trị phải là một mảng số nguyên."));
            return [];
        }

        var items = new List<int>();
        foreach (var item in v.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n))
            {
                items.Add(n);
            }
            else
            {
                Errors.Add(new(prefix + name, "Mỗi phần tử phải là số nguyên (id của đơn vị)."));
            }
        }

        return items;
    }

    /// <summary>An array of strings.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return [];
        }

        if (v.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(new(prefix + name, "Giá trị phải là một mảng chuỗi ký tự."));
            return [];
        }

        var items = new List<string>();
        foreach (var item in v.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Text(item) is { } text)
            {
                items.Add(text);
            }
            else
            {
                Errors.Add(new(prefix + name, "Mỗi phần tử phải là một chuỗi ký tự."));
            }
        }

        return items;
    }

    public DateOnly? Date(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (v.Value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(Text(v.Value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            if (InputLimits.IsPlausible(d))
            {
                return d;
            }

            Errors.Add(new(prefix + name, InputLimits.DateMessage));
            return null;
        }

        Errors.Add(new(prefix + name, "Ngày phải có dạng YYYY-MM-DD và là ngày có thật."));
        return null;
    }
}
