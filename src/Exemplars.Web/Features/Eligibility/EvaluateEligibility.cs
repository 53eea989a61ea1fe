using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>What-if evaluation of facts given by the caller against a round (shared/API.md); stores nothing.</summary>
public static class EvaluateEligibility
{
    public sealed record Request(string? Round, NomineeInput? Nominee);

    public sealed record NomineeInput(
        string? Kind,
        string? Category,
        bool PartyMember,
        int? PartyJoinYear,
        bool Leader,
        Dictionary<string, string>? Ratings,
        List<int>? DisciplineYears,
        bool FamilyLawAttested,
        CollectiveInput? Collective);

    public sealed record CollectiveInput(Dictionary<string, string>? PartyOrganisationRatings, Dictionary<string, Dictionary<string, string>>? MassOrganisationRatings);

    public sealed record Response(Verdict Verdict, IReadOnlyList<RuleResult> Rules, IReadOnlyList<JudgementCriterion> JudgementCriteria);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Response>> Handle(Request request, CancellationToken cancellationToken)
        {
            var errors = new List<DomainError>();
            var facts = Parse(request.Nominee, errors);
            if (errors.Count > 0 || facts is null)
            {
                return Result<Response>.Failure(errors);
            }

            var context = await RoundContext.LoadAsync(db, request.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Response>.Failure(context.Errors);
            }

            if (EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is { } categoryError)
            {
                return categoryError;
            }

            var result = EligibilityEngine.Evaluate(facts, context.Value.Round.Terms, context.Value.Criteria, context.Value.Round.CriteriaVersion);
            return new Response(result.Verdict, result.Rules, result.JudgementCriteria);
        }

        private static EligibilityFacts? Parse(NomineeInput? input, List<DomainError> errors)
        {
            if (input is null)
            {
                errors.Add(DomainError.Invalid("nominee", "Thiếu thông tin đối tượng (nominee)."));
                return null;
            }

            if (!Enum.TryParse<NomineeKind>(input.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
            {
                errors.Add(DomainError.Invalid("nominee.kind", $"Loại đối tượng \"{input.Kind}\" không hợp lệ; dùng Individual hoặc Collective."));
            }

            if (string.IsNullOrWhiteSpace(input.Category))
            {
                errors.Add(DomainError.Invalid("nominee.category", "Thiếu mã đối tượng, lĩnh vực (category)."));
            }

            if (input.PartyJoinYear is < 1930 or > 2100)
            {
                errors.Add(DomainError.Invalid("nominee.partyJoinYear", $"Năm vào Đảng {input.PartyJoinYear} không hợp lệ."));
            }

            var ratings = ParseRatings(input.Ratings, "nominee.ratings", errors);
            var discipline = input.DisciplineYears ?? [];
            foreach (var year in discipline.Where(y => y is < 1900 or > 2100))
            {
                errors.Add(DomainError.Invalid("nominee.disciplineYears", $"Năm kỷ luật {year} không hợp lệ."));
            }

            CollectiveFacts? collective = null;
            if (input.Collective is { } c)
            {
                var party = ParseRatings(c.PartyOrganisationRatings, "nominee.collective.partyOrganisationRatings", errors);
                var mass = new Dictionary<MassOrganizationType, IReadOnlyDictionary<int, Rating>>();
                foreach (var (name, values) in c.MassOrganisationRatings ?? [])
                {
                    if (!Enum.TryParse<MassOrganizationType>(name, ignoreCase: false, out var type) || !Enum.IsDefined(type))
                    {
                        errors.Add(DomainError.Invalid("nominee.collective.massOrganisationRatings", $"Tổ chức đoàn thể \"{name}\" không hợp lệ; dùng TradeUnion, YouthUnion, WomenUnion hoặc VeteransAssociation."));
                        continue;
                    }

                    mass[type] = ParseRatings(values, $"nominee.collective.massOrganisationRatings.{name}", errors);
                }

                collective = new CollectiveFacts(party, mass);
            }

            return new EligibilityFacts(kind, input.Category?.Trim() ?? string.Empty, input.PartyMember, input.PartyJoinYear, input.Leader, ratings, discipline, input.FamilyLawAttested, collective);
        }

        private static Dictionary<int, Rating> ParseRatings(Dictionary<string, string>? input, string field, List<DomainError> errors)
        {
            var ratings = new Dictionary<int, Rating>();
            foreach (var (yearText, ratingText) in input ?? [])
            {
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
                {
                    errors.Add(DomainError.Invalid(field, $"Năm \"{yearText}\" không hợp lệ."));
                    continue;
                }

                if (!Enum.TryParse<Rating>(ratingText, ignoreCase: false, out var rating) || !Enum.IsDefined(rating) || int.TryParse(ratingText, out _))
                {
                    errors.Add(DomainError.Invalid(field, $"Xếp loại \"{ratingText}\" năm {year} không hợp lệ; dùng Excellent, Good, Completed hoặc NotCompleted."));
                    continue;
                }

                ratings[year] = rating;
            }

            return ratings;
        }
    }
}
