using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// Data only (ADR 011): nominations balloted before the states after verification existed get the state their
    /// records prove: on an open main ballot → InBallot; awarded in a decision → Commended; sent up in a Tờ trình →
    /// ProposedToProvince or the province's recorded outcome. A closed ballot's tally is not recounted here.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261201235900_NominationStates")]
    public partial class NominationStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE nominations SET "Status" = 'InBallot' WHERE "Status" = 'Verified' AND "Id" IN (
                    SELECT c."NominationId" FROM ballot_candidates c JOIN ballots b ON b."Id" = c."BallotId" WHERE b."Kind" = 'Main' AND b."Status" = 'Open');
                """);
            migrationBuilder.Sql("""
                UPDATE nominations SET "Status" = 'Commended' WHERE "Status" = 'Verified' AND "Id" IN (SELECT a."NominationId" FROM awards a WHERE a."NominationId" IS NOT NULL);
                """);
            migrationBuilder.Sql("""
                UPDATE nominations SET "Status" = CASE "ProvinceOutcome" WHEN 'Commended' THEN 'ProvinceCommended' WHEN 'NotCommended' THEN 'ProvinceNotCommended' ELSE 'ProposedToProvince' END
                WHERE "Status" IN ('Verified', 'Commended') AND "ForwardedInDecisionId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE nominations SET "Status" = 'Verified' WHERE "Status" IN ('InBallot', 'Commended', 'NotCommended', 'ProposedToProvince', 'ProvinceCommended', 'ProvinceNotCommended');
                """);
        }
    }
}
