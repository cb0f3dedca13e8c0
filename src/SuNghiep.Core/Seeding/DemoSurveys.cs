using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Two satisfaction survey rounds of the demo province, at its first two health units in operation: one with the Ministry
/// of Health's inpatient form (Decision 3869/QĐ-BYT), one with the Ho Chi Minh City form whose scale runs 1 = best, each
/// with a few dozen responses drawn by a seeded generator (the same run gives the same answers).
/// </summary>
public static class DemoSurveys
{
    public static async Task SeedAsync(SuNghiepDbContext db, int lastYear, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        await SurveyInstrumentSeeder.SeedAsync(db, now, ct);
        var forms = await db.SurveyInstruments.Include(i => i.Items).Where(i => i.Code == "BYT-3869-M1" || i.Code == "SYT-HCM-NB").ToListAsync(ct);
        var units = await db.Units.Where(u => u.SectorCode == "health" && u.EndedOn == null && !u.Voided)
            .OrderBy(u => u.Code).Select(u => u.Id).Take(2).ToListAsync(ct);
        if (forms.Count < 2 || units.Count < 2)
        {
            return;
        }

        var random = new Random(3869);
        var ministry = forms.Single(f => f.Code == "BYT-3869-M1");
        var city = forms.Single(f => f.Code == "SYT-HCM-NB");
        // Answers lean towards satisfied, as published results do: mostly 4 and 5 on the ministry's form, 1 and 2 on the city's.
        int[] ministryValues = [5, 5, 4, 4, 4, 4, 3, 3, 2, 5];
        int[] cityValues = [1, 1, 2, 2, 2, 2, 3, 4, 5, 1];
        await AddAsync(db, random, ministry, units[0], new DateOnly(lastYear, 4, 1), new DateOnly(lastYear, 6, 30), $"Quý 2/{lastYear}", 36, ministryValues, now, ct);
        await AddAsync(db, random, city, units[1], new DateOnly(lastYear, 7, 1), new DateOnly(lastYear, 9, 30), $"Quý 3/{lastYear}", 24, cityValues, now, ct);
    }

    private static async Task AddAsync(SuNghiepDbContext db, Random random, SurveyInstrument form, int unitId, DateOnly from, DateOnly to, string label,
        int respondents, int[] values, DateTime now, CancellationToken ct)
    {
        var round = new SurveyRound
        {
            InstrumentId = form.Id, UnitId = unitId, PeriodFrom = from, PeriodTo = to, Label = label, Status = SurveyRoundStatus.Closed,
            CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now,
        };
        db.SurveyRounds.Add(round);
        // The answers carry the round's id, known once it is saved.
        await db.SaveChangesAsync(ct);
        for (var r = 0; r < respondents; r++)
        {
            var response = new SurveyResponse { RoundId = round.Id, RespondedOn = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1)), CreatedAt = now };
            foreach (var item in form.Items)
            {
                response.Answers.Add(new SurveyAnswer { RoundId = round.Id, ItemId = item.Id, Value = values[random.Next(values.Length)] });
            }

            db.SurveyResponses.Add(response);
        }

        await db.SaveChangesAsync(ct);
    }
}
