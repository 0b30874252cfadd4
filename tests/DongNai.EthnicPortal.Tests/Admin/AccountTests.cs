using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed partial class AccountTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task New_user_gets_a_one_time_password_and_must_change_it_before_anything_else()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var email = $"phong-vien-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostFormAsync("/quan-tri/nguoi-dung/tao", "/quan-tri/nguoi-dung/tao", [new("Email", email), new("DisplayName", "Nguyễn Văn Phóng"), new("Role", Roles.Author)]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var oneTime = OneTimePassword().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$", oneTime);

        var user = fixture.Factory.CreateBrowserClient();
        await user.SignInAsync(email, oneTime);
        var dashboard = await user.GetAsync(new Uri("/quan-tri/bai-viet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/quan-tri/doi-mat-khau", dashboard.Headers.Location?.OriginalString);

        var tooShort = await ChangePasswordAsync(user, oneTime, "ngan-qua");
        Assert.Contains("từ 12 đến 128 ký tự", tooShort, StringComparison.Ordinal);
        var common = await ChangePasswordAsync(user, oneTime, "matkhau123456");
        Assert.Contains("quá phổ biến", common, StringComparison.Ordinal);
        var tooLong = await ChangePasswordAsync(user, oneTime, new string('a', 129));
        Assert.Contains("từ 12 đến 128 ký tự", tooLong, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);

        var changed = await user.PostFormAsync("/quan-tri/doi-mat-khau", "/quan-tri/doi-mat-khau", [new("CurrentPassword", oneTime), new("NewPassword", "sông Đồng Nai mùa nước nổi"), new("ConfirmPassword", "sông Đồng Nai mùa nước nổi")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(new Uri("/quan-tri/bai-viet", UriKind.Relative))).StatusCode);

        var fresh = fixture.Factory.CreateBrowserClient();
        await fresh.SignInAsync(email, "sông Đồng Nai mùa nước nổi");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Reset_password_issues_a_new_one_time_password_and_signs_the_user_out_everywhere()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var email = await fixture.Factory.CreateUserAsync(Roles.Editor);
        var id = await UserIdAsync(email);
        var stampBefore = await StampAsync(id);

        var reset = await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/dat-lai-mat-khau", []);
        var oneTime = OneTimePassword().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(oneTime);
        Assert.NotEqual(stampBefore, await StampAsync(id));

        var user = fixture.Factory.CreateBrowserClient();
        var oldPassword = await user.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        await user.SignInAsync(email, oneTime);
        Assert.Equal("/quan-tri/doi-mat-khau", (await user.GetAsync(new Uri("/quan-tri", UriKind.Relative))).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Deactivated_and_locked_users_cannot_sign_in_and_unlock_restores_access()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var email = await fixture.Factory.CreateUserAsync(Roles.Author);
        var id = await UserIdAsync(email);

        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/khoa", []);
        var locked = await fixture.Factory.CreateBrowserClient().PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        Assert.Contains("tạm thời bị khóa", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/mo-khoa", []);
        await fixture.Factory.CreateBrowserClient().SignInAsync(email, PortalFactory.StaffPassword);

        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/ngung-hoat-dong", []);
        var deactivated = await fixture.Factory.CreateBrowserClient().PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        Assert.Contains("Email hoặc mật khẩu không đúng.", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await fixture.Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync()), a => a == "UserDeactivated");
    }

    [Fact]
    public async Task Administrator_cannot_change_own_role_lock_or_deactivate_self()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var id = await UserIdAsync(PortalFactory.AdminEmail);

        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/sua", [new("displayName", "Quản trị"), new("role", Roles.Author)]);
        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/ngung-hoat-dong", []);
        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/khoa", []);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(id))!;
        Assert.True(await users.IsInRoleAsync(user, Roles.Administrator));
        Assert.True(user.IsActive);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task Role_change_by_an_administrator_takes_effect_and_renews_the_security_stamp()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var email = await fixture.Factory.CreateUserAsync(Roles.Author);
        var id = await UserIdAsync(email);
        var stamp = await StampAsync(id);

        await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}/sua", $"/quan-tri/nguoi-dung/{id}/sua", [new("displayName", "Biên tập mới"), new("role", Roles.Editor)]);

        Assert.NotEqual(stamp, await StampAsync(id));
        var editor = fixture.Factory.CreateBrowserClient();
        await editor.SignInAsync(email, PortalFactory.StaffPassword);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/quan-tri/chuyen-muc", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_raise_their_own_role_or_reach_user_management()
    {
        var editorEmail = await fixture.Factory.CreateUserAsync(Roles.Editor);
        var editor = fixture.Factory.CreateBrowserClient();
        await editor.SignInAsync(editorEmail, PortalFactory.StaffPassword);
        var id = await UserIdAsync(editorEmail);
        var token = await editor.GetAntiforgeryTokenAsync("/quan-tri/bai-viet/tao");

        var response = await editor.PostAsync(new Uri($"/quan-tri/nguoi-dung/{id}/sua", UriKind.Relative), new FormUrlEncodedContent([new("displayName", "Tự nâng quyền"), new("role", Roles.Administrator), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri("/quan-tri/nguoi-dung", UriKind.Relative))).StatusCode);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.False(await users.IsInRoleAsync((await users.FindByIdAsync(id))!, Roles.Administrator));
    }

    [Theory]
    [InlineData("password123456")]
    [InlineData("matkhau123456")]
    [InlineData("123456789012")]
    [InlineData("abc123456789")]
    [InlineData("QWERTYUIOP123")]
    public void Common_passwords_are_on_the_bundled_list(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void Bundled_list_is_loaded_and_a_passphrase_is_not_on_it()
    {
        Assert.True(CommonPasswordValidator.ListSize > 500);
        Assert.False(CommonPasswordValidator.IsCommon("sông Đồng Nai mùa nước nổi"));
    }

    private static async Task<string> ChangePasswordAsync(HttpClient client, string current, string next)
    {
        var response = await client.PostFormAsync("/quan-tri/doi-mat-khau", "/quan-tri/doi-mat-khau", [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", next)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Task<string> UserIdAsync(string email) =>
        fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());

    private Task<string?> StampAsync(string id) =>
        fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstAsync());

    [GeneratedRegex("class=\"one-time-password\">([^<]+)<")]
    private static partial Regex OneTimePassword();
}
