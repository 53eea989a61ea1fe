using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>The main menu: a few dropdowns by task, folded behind "Mở menu" on narrow screens.</summary>
public static class Menu
{
    /// <summary>Opens the group's dropdown (unfolding the menu first on a phone) and follows one of its links.</summary>
    public static async Task GoAsync(this IPage page, string group, string item)
    {
        var toggler = page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" });
        if (await toggler.IsVisibleAsync() && await toggler.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggler.ClickAsync();
        }

        var menu = page.GetByTestId("main-menu");
        await menu.GetByRole(AriaRole.Button, new() { Name = group, Exact = true }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }
}
