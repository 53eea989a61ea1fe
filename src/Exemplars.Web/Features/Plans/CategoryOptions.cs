using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>The criteria groups (đối tượng, lĩnh vực) a form or filter offers, in the plans' order (reference data).</summary>
public static class CategoryOptions
{
    public sealed record Item(string Code, string Title);

    public sealed class Handler(AppDbContext db, KeptCategoryOptions kept)
    {
        /// <summary>Every plan's groups, one per code (the plans share their codes), optionally of one kind only.</summary>
        public Task<IReadOnlyList<Item>> Distinct(NomineeKind? kind, CancellationToken cancellationToken) =>
            kept.GetOrReadAsync(kind, () => ReadDistinct(kind, cancellationToken));

        private async Task<IReadOnlyList<Item>> ReadDistinct(NomineeKind? kind, CancellationToken cancellationToken)
        {
            var categories = db.Categories.AsNoTracking();
            if (kind is { } k)
            {
                categories = categories.Where(c => c.Kind == k);
            }

            var rows = await categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).Select(c => new { c.Code, c.Title }).ToListAsync(cancellationToken);
            return rows.DistinctBy(c => c.Code).Select(c => new Item(c.Code, c.Title)).ToList();
        }

        /// <summary>The groups of the plan a round belongs to (none for an unknown round).</summary>
        public async Task<IReadOnlyList<NomineeCategory>> OfRound(string? roundCode, CancellationToken cancellationToken)
        {
            var planId = await db.Rounds.Where(r => r.Code == roundCode).Select(r => (int?)r.PlanId).SingleOrDefaultAsync(cancellationToken);
            return planId is null ? [] : await db.Categories.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        }
    }
}
