using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SuNghiep.Web.Infrastructure;

/// <summary>Model binding's own messages, in Vietnamese, for any value a page binds to a typed property.</summary>
internal static class VietnameseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, _) => $"Giá trị \"{value}\" không hợp lệ.");
        p.SetMissingBindRequiredValueAccessor(_ => "Vui lòng nhập giá trị này.");
        p.SetMissingKeyOrValueAccessor(() => "Vui lòng nhập giá trị này.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Giá trị không hợp lệ.");
        p.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        p.SetValueMustBeANumberAccessor(_ => "Giá trị phải là số.");
        p.SetValueMustNotBeNullAccessor(_ => "Vui lòng nhập giá trị này.");
    }
}
