using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Jobs;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// The secretariat starts making the certificates of a whole decision in the background (one combined PDF, or a ZIP of
/// one PDF per certificate): only the roles that issue decisions, only for a decision that exists. The job is the
/// starter's own: only they follow its progress and download the file (<see cref="BackgroundWork.FindAsync"/>).
/// </summary>
public static class StartCertificateBatch
{
    public sealed class Handler(Decisions.DescribeDecision.Handler describe, BackgroundWork jobs, CurrentUser user)
    {
        public async Task<Result<Guid>> Handle(int decisionId, bool zip, CancellationToken cancellationToken)
        {
            var decision = await describe.Handle(decisionId, cancellationToken); // the role check (Ban Tuyên giáo – Dân vận, quản trị) and the decision
            if (!decision.IsSuccess)
            {
                return Result<Guid>.Failure(decision.Errors);
            }

            return await jobs.EnqueueAsync(user, CertificateBatchWork.Name, CertificateBatchWork.Argument(decisionId, zip), null, cancellationToken);
        }

        /// <summary>The starter's certificate batch, or null (someone else's, another kind of work, or none).</summary>
        public async Task<BackgroundWork.Job?> Find(Guid jobId, CancellationToken cancellationToken) =>
            await jobs.FindAsync(jobId, user, cancellationToken) is { Kind: CertificateBatchWork.Name } job ? job : null;
    }
}
