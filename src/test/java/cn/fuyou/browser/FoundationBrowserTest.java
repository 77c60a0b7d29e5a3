package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.internal.DemoData;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 2 — Done when: log in, switch zh/en, search a person by ID number, open the record,
 * another institution's user is refused (403) and the audit shows both attempts.
 */
class FoundationBrowserTest extends BrowserTest {

    static void login(Page page, String user) {
        page.navigate("/login");
        page.getByTestId("login-username").fill(user);
        page.getByTestId("login-password").fill("Demo@2026");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("current-user")).isVisible();
    }

    @Test
    @DisplayName("login, language switch remembered, ID search, record, 403 for another institution, audit shows both")
    void foundationTour() {
        Page doctor = newPage();
        login(doctor, "cqfy-doctor");
        assertThat(doctor.getByTestId("nav-persons")).containsText("人员");
        screenshot(doctor, "home-zh");

        doctor.getByTestId("lang-switch").click();
        assertThat(doctor.getByTestId("nav-persons")).containsText("Persons");
        doctor.reload();
        assertThat(doctor.getByTestId("nav-persons")).containsText("Persons");
        screenshot(doctor, "home-en");
        doctor.getByTestId("lang-switch").click();
        assertThat(doctor.getByTestId("nav-persons")).containsText("人员");

        doctor.getByTestId("nav-persons").click();
        doctor.getByTestId("person-search-input").fill(DemoData.SHOWCASE_ID_NUMBER);
        doctor.getByTestId("person-search-button").click();
        assertThat(doctor.getByTestId("person-row")).hasCount(1);
        assertThat(doctor.getByTestId("person-row")).hasText(DemoData.SHOWCASE_NAME);
        doctor.getByTestId("person-row").click();
        assertThat(doctor.getByTestId("person-name")).hasText(DemoData.SHOWCASE_NAME);
        String url = doctor.url();
        assertThat(url).contains("/persons/");
        screenshot(doctor, "person-page");

        Page other = newPage();
        login(other, "etyy-doctor");
        other.navigate(url.substring(url.indexOf("/persons/")));
        assertThat(other.getByTestId("forbidden-panel")).isVisible();
        screenshot(other, "person-forbidden");

        Page admin = newPage();
        login(admin, "admin");
        admin.navigate(url.substring(url.indexOf("/persons/")));
        assertThat(admin.getByTestId("access-log")).containsText("cqfy-doctor");
        assertThat(admin.getByTestId("access-log")).containsText("etyy-doctor");
        assertThat(admin.getByTestId("access-log")).containsText("拒绝");
        screenshot(admin, "person-access-log");
    }

    @Test
    @DisplayName("the institution directory filters by designation and the home page draws its charts")
    void directoryAndHome() {
        Page page = newPage();
        login(page, "admin");
        assertThat(page.locator("canvas").first()).isVisible();
        page.getByTestId("nav-institutions").click();
        page.getByTestId("filter-designation").click();
        page.getByText("危重孕产妇救治中心").last().click();
        page.getByText("搜索").first().click();
        // exactly six (a bare containsText("6") would pass on 16 or 60)
        assertThat(page.locator(".el-pagination__total")).hasText(java.util.regex.Pattern.compile("^\\D*\\b6\\b\\D*$"));
        screenshot(page, "institutions");
    }
}
