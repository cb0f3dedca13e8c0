using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>The steps of a reorganization dossier: drafted, submitted, appraised by Home Affairs, decided; or withdrawn before the decision.</summary>
public static class ProposalRules
{
    /// <summary>Why the step is not possible from the status, or null when it is.</summary>
    public static string? MoveError(ProposalStatus from, ProposalStatus to)
    {
        var allowed = (from, to) switch
        {
            (ProposalStatus.Draft, ProposalStatus.Submitted) => true,
            (ProposalStatus.Submitted, ProposalStatus.Appraised) => true,
            (ProposalStatus.Appraised, ProposalStatus.Decided) => true,
            (ProposalStatus.Draft or ProposalStatus.Submitted or ProposalStatus.Appraised, ProposalStatus.Withdrawn) => true,
            _ => false,
        };
        if (allowed)
        {
            return null;
        }

        return from switch
        {
            ProposalStatus.Decided => "Hồ sơ đã có quyết định; không thể thay đổi.",
            ProposalStatus.Withdrawn => "Hồ sơ đã được rút; không thể thay đổi.",
            _ => to switch
            {
                ProposalStatus.Submitted => "Chỉ hồ sơ dự thảo mới được trình.",
                ProposalStatus.Appraised => from == ProposalStatus.Draft ? "Hồ sơ chưa được trình nên chưa thể thẩm định." : "Hồ sơ đã được thẩm định.",
                ProposalStatus.Decided => "Hồ sơ phải được Sở Nội vụ thẩm định trước khi ghi quyết định.",
                _ => "Không thể chuyển hồ sơ sang trạng thái này.",
            },
        };
    }
}
