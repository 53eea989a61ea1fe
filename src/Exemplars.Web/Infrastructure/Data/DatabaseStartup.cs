using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>At start-up: apply migrations, then seed demo data or create the first administrator, as configured.</summary>
public static class DatabaseStartup
{
    public static async Task InitialiseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A migration may rebuild derived rows over a whole table (5 million people: minutes), past the 30-second
        // timeout of the app's own commands ("Database:MigrationTimeoutMinutes").
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(configuration.GetValue("Database:MigrationTimeoutMinutes", 60)));
        await db.Database.MigrateAsync(cancellationToken);
        db.Database.SetCommandTimeout(timeout);
        await Features.Plans.PlanSeeder.EnsureBuiltInAsync(db, cancellationToken);

        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        }

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            var result = await CreateFirstAdminAsync(scope.ServiceProvider, email, password, cancellationToken);
            if (!result.IsSuccess && result.Errors[0].Code != "admin_exists")
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
            }
        }
    }

    /// <summary>
    /// Creates the first administrator (and, on an empty database, the province committee it belongs to).
    /// Refused once any administrator exists, so it cannot be used to take over a running system.
    /// </summary>
    public static async Task<Result<string>> CreateFirstAdminAsync(IServiceProvider services, string email, string password, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken))
        {
            return DomainError.Conflict("admin_exists", "Đã có tài khoản quản trị; hãy dùng tài khoản đó để tạo thêm người dùng.");
        }

        var root = await db.Organizations.OrderBy(o => o.Id).FirstOrDefaultAsync(o => o.ParentId == null, cancellationToken);
        if (root is null)
        {
            root = Organization.Create(new OrganizationDraft("GOC", "Cấp ủy cấp tỉnh (đổi tên trong mục Tổ chức)", OrganizationKind.ProvinceCommittee, null, null), null).Value;
            db.Organizations.Add(root);
            await db.SaveChangesAsync(cancellationToken);
            root.AssignPath();
            await db.SaveChangesAsync(cancellationToken);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "Quản trị hệ thống",
            SearchName = VietnameseText.Fold("Quản trị hệ thống " + email),
            Role = Roles.Admin,
            OrganizationId = root.Id,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? user.Id : Result<string>.Failure(Features.Users.IdentityErrors.Translate(created.Errors));
    }
}
