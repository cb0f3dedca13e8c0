using System.Collections;
using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per database provider, the provider as its first argument. With a member name, runs each row of
/// that static member (TheoryData or object[] rows) on each provider, the row's values after the provider.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public DatabaseDataAttribute()
    {
    }

    public DatabaseDataAttribute(string rowsMember) => RowsMember = rowsMember;

    public string? RowsMember { get; }

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var rows = RowsMember is null ? [[]] : ReadRows(testMethod.DeclaringType!, RowsMember);
        var data = Enum.GetValues<DatabaseProvider>()
            .SelectMany(provider => rows.Select(row => (ITheoryDataRow)new TheoryDataRow([provider, .. row])))
            .ToList();
        return new(data);
    }

    public override bool SupportsDiscoveryEnumeration() => true;

    private static List<object?[]> ReadRows(Type type, string member)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        var value = type.GetProperty(member, flags)?.GetValue(null)
            ?? type.GetField(member, flags)?.GetValue(null)
            ?? throw new InvalidOperationException($"{type.Name}.{member} is not a static property or field with rows.");
        return ((IEnumerable)value).Cast<object>().Select(row => row switch
        {
            ITheoryDataRow theoryRow => theoryRow.GetData(),
            object?[] values => values,
            _ => throw new InvalidOperationException($"A row of {type.Name}.{member} is neither a theory data row nor object[]."),
        }).ToList();
    }
}
