package cn.fuyou.browser;

import cn.fuyou.shared.ChinaTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 3 — Done when: a browser test registers a pregnancy, records a contact that makes
 * her orange, sees the badge change and her case appear in the district list (clinical-rules.md §1).
 */
class MaternalBrowserTest extends BrowserTest {

    /** Element Plus puts data-testid on the inner input of some widgets and on the wrapper of others. */
    static Locator input(Page page, String testId) {
        return page.locator(":is(input, textarea)[data-testid=" + testId + "], [data-testid=" + testId + "] :is(input, textarea)").first();
    }

    @Test
    @DisplayName("register a woman and her pregnancy, a contact with Hb 55 g/L turns the badge orange, her case is in Hechuan's list")
    void orangeWomanJourney() {
        Page page = newPage();
        FoundationBrowserTest.login(page, "cqfy-doctor");

        String idNumber = ResidentIdNumber.compose("500117", LocalDate.of(1995, 8, 18), 662);
        page.navigate("/persons/new");
        input(page, "reg-id-number").fill(idNumber);
        input(page, "reg-id-number").blur();
        input(page, "reg-family").fill("邓");
        input(page, "reg-given").fill("雨桐");
        input(page, "reg-phone").fill("13996600123");
        page.getByTestId("reg-submit").click();
        assertThat(page.getByTestId("person-name")).hasText("邓雨桐");

        page.getByTestId("new-pregnancy").click();
        Locator lmp = input(page, "preg-lmp");
        lmp.fill(LocalDate.now(ChinaTime.ZONE).minusDays(120).toString());
        lmp.press("Enter");
        input(page, "preg-height").fill("158");
        input(page, "preg-weight").fill("52");
        page.getByTestId("preg-submit").click();
        page.waitForURL("**/pregnancies/*-*");
        screenshot(page, "pregnancy-green");
        assertThat(page.getByTestId("colour-badge").first()).hasAttribute("data-colour", "GREEN");

        page.getByTestId("new-contact").click();
        input(page, "c-weight").fill("56");
        input(page, "c-sys").fill("112");
        input(page, "c-dia").fill("70");
        input(page, "c-hb").fill("55");
        page.getByTestId("c-submit").click();
        assertThat(page.getByTestId("colour-badge").first()).hasAttribute("data-colour", "ORANGE");
        assertThat(page.getByTestId("case")).containsText("合川区");
        screenshot(page, "pregnancy-orange");

        page.navigate("/maternal/cases?district=500117");
        assertThat(page.getByTestId("case-list")).containsText("邓雨桐");
        screenshot(page, "case-list");

        page.navigate("/maternal/worklist");
        assertThat(page.locator("canvas").first()).isVisible();
        screenshot(page, "worklist");
    }
}
