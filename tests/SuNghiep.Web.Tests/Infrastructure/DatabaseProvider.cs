namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>The databases the app supports; every data test runs once on each.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
