using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// The pages' twin of <see cref="CleanStringJsonConverter"/>: every text a form or query string binds is read with control
/// characters (but tab and line breaks) replaced by U+FFFD, as the API reads them. (A NUL in a form never gets here: the
/// framework's form reader refuses the request with 400.)
/// </summary>
public sealed class CleanStringModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(string)
            ? new CleanStringModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class CleanStringModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text)
            {
                var clean = Features.Common.JsonRows.Cell(text);
                if (!ReferenceEquals(clean, text))
                {
                    bindingContext.Result = ModelBindingResult.Success(clean);
                }
            }
        }
    }
}
