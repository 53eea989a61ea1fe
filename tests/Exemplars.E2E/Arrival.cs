using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Waiting for a page to arrive without Playwright's <c>WaitForURLAsync</c> / <c>WaitForLoadStateAsync</c> alone: in
/// .NET they check the frame's state and then subscribe to its events, and an event delivered between the two is lost
/// (microsoft/playwright-dotnet#3364) — CI once waited the full 60 s for a home page that had long loaded ("NetworkIdle
/// event fired"). The address is asserted by <c>Expect(page).ToHaveURLAsync</c>, which polls; the load state is asked
/// for in short waits, since a state that was missed is still recorded and found by the next ask.
/// </summary>
public static class Arrival
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Waits until the page's address is exactly <paramref name="url"/> and its document has loaded.</summary>
    public static async Task ArriveAtAsync(this IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.LoadedAsync();
    }

    /// <summary>Waits until the page's address matches <paramref name="url"/> and its document has loaded.</summary>
    public static async Task ArriveAtAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.LoadedAsync();
    }

    /// <summary>Waits until the page's address contains <paramref name="part"/> and its document has loaded.</summary>
    public static Task ArriveAtPartAsync(this IPage page, string part) => page.ArriveAtAsync(new Regex(Regex.Escape(part)));

    /// <summary>Waits for a load state in two-second asks until it is reached or a minute has passed.</summary>
    public static async Task LoadedAsync(this IPage page, LoadState state = LoadState.Load)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(state, new() { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < until)
            {
                // asked again: a state reached between the check and the subscription is found by the next check
            }
        }
    }
}
