namespace SuNghiep.Web.Api;

// The JSON bodies that endpoints read field by field (so that each bad field gets its own message), described for the
// OpenAPI document through .Accepts<T>: a generated client gets a typed body. Each record names the fields the handler reads.

public sealed record DocumentRequest(
    string Type, string Number, string Issuer, DateOnly IssuedOn, string Title, string? Signer, int[]? ParentIds, string? Notes,
    int? IssuerAgencyId);

public sealed record BaselineRequest(DateOnly? From, DateOnly? To);

public sealed record TargetRequest(
    string? IndicatorCode, string Text, string? AreaCode, int? AgencyId, BaselineRequest? Baseline, DateOnly? BaselineFrom,
    DateOnly? BaselineTo, string? Direction, decimal? Value, string? ValueUnit, DateOnly? Deadline);

public sealed record RecurrenceRequest(string Kind, int? Day, int? Month);

public sealed record TaskRequest(
    string Content, string? Section, int LeadAgencyId, int[]? CoordinatingAgencyIds, DateOnly? Deadline, RecurrenceRequest? Recurrence,
    string? ExpectedOutput, string? Status, int? ParentTaskId, DateOnly? AssignedOn);

public sealed record TaskStatusRequest(string Status);

public sealed record ProgressRequest(DateOnly Date, string Text, int Percent, string? Reason);

public sealed record ExplanationRequestRequest(DateOnly Deadline, string Message);

public sealed record ExplanationAnswerRequest(string Answer);

public sealed record JobPositionsRequest(int? Leadership, int? Professional, int? SharedProfessional, int? Support);

public sealed record StaffingRequest(
    int? BudgetPositions, int? RevenuePositions, int? ActualStaff, int? BudgetContractWorkers, JobPositionsRequest? JobPositions,
    string? Notes, bool? OverAllocation);

public sealed record RevenueRequest(
    decimal? OrderedServices, decimal? ScienceTasks, decimal? ServiceFees, decimal? BusinessSurplus, decimal? RetainedFees, decimal? Other);

public sealed record FinanceRequest(
    RevenueRequest Revenue, decimal? RecurrentExpenditure, decimal? InvestmentSelfFinancing, decimal? Depreciation, decimal? DirectBudgetSpending,
    bool? OrderedServicesFromOrders);

public sealed record PlanDecisionRequest(string? Number, DateOnly? Date, string? Issuer);

public sealed record AutonomyPlanRequest(
    int PeriodStart, int PeriodEnd, int ProposedGroup, DateOnly? SubmittedOn, string? Status, int? ApprovedGroup,
    PlanDecisionRequest? Decision, string? Notes);

public sealed record AllocationRequest(int BudgetPositions, string? DecisionNumber, bool? OverAllocation);

/// <summary>A multipart upload of one .xlsx in the field "file".</summary>
public sealed record FileUpload(IFormFile File);

/// <summary>A multipart upload of files in the field "files".</summary>
public sealed record FilesUpload(IFormFileCollection Files);

public sealed record JobPositionRequest(string Name, string Group, string? TitleName, string? TitleCode, int People);

public sealed record JobPositionListRequest(PlanDecisionRequest Decision, JobPositionRequest[] Positions, string? Notes);

public sealed record JobPositionUpload(IFormFile File, string DecisionNumber, DateOnly DecisionDate, string DecisionIssuer, string? Notes);

public sealed record DecisionRequest(string Number, DateOnly Date, string Issuer);

public sealed record CatalogueRequest(
    string Name, string Level, string? AreaCode, DecisionRequest Decision, DateOnly ValidFrom, int? SupersedesId, int? IssuerAgencyId, string? Notes);

public sealed record ServiceItemRequest(
    string Code, string Name, string Sector, int? ParentId, string[] Methods, bool? Essential, bool? FeeBased, string? OutputUnit);

public sealed record ServicePriceRequest(string? AreaCode, decimal Price, string Unit, string CostBasis, DecisionRequest Decision, DateOnly ValidFrom);

public sealed record NormLineRequest(string Kind, string Name, string Unit, decimal Quantity);

public sealed record ServiceNormRequest(string OutputUnit, NormLineRequest[] Inputs, DecisionRequest Decision, DateOnly ValidFrom);
