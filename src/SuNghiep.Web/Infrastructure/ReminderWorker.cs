using Microsoft.Extensions.Options;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;

namespace SuNghiep.Web.Infrastructure;

public static class Reminders
{
    /// <summary>The reminder service, its settings (Reminders, Smtp, App:BaseUrl) and the worker that runs it.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RemindersOptions>(o =>
        {
            config.GetSection(RemindersOptions.Section).Bind(o);
            o.BaseUrl ??= config["App:BaseUrl"];
        });
        services.Configure<SmtpOptions>(config.GetSection(SmtpOptions.Section));
        services.AddScoped<ReminderService>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}

/// <summary>Sweeps at start-up and then every Reminders:IntervalMinutes; Reminders:Enabled=false turns it off.</summary>
internal sealed class ReminderWorker(IServiceScopeFactory scopes, IOptions<RemindersOptions> options, TimeProvider time, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // A failed sweep is logged and tried again at the next tick; it must not stop the web app.
    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            var result = await scope.ServiceProvider.GetRequiredService<ReminderService>().SweepAsync(VietnamTime.Today(time), ct);
            logger.LogInformation(
                "Reminders: {Added} new notifications ({DueSoon} due soon, {Late} late, {AssignedLate} to assigning levels); {Emailed} e-mails sent, {Failed} failed.",
                result.Added, result.DueSoon, result.Late, result.AssignedLate, result.Emailed, result.EmailFailed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The reminder sweep failed; it runs again in {Minutes} minutes.", options.Value.IntervalMinutes);
        }
    }
}
