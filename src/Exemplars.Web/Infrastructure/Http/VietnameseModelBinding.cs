using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>Form values that cannot be read (a word in a number field, an unknown choice) are reported in Vietnamese.</summary>
public static class VietnameseModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ cho trường {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho trường {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu thiếu nội dung.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của trường {field} không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"Trường {field} phải là số.");
        messages.SetValueMustNotBeNullAccessor(value => $"Trường này không được để trống.");
    }
}
