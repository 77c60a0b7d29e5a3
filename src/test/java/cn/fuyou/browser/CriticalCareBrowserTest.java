package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.criticalcare.CriticalCareApiTest;
import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 10 — Done when: a district's institution reports a critical case → criteria derived (clinical-rules.md §6)
 * → the centre's inbox shows it without reload → outcome near-miss → counted in the city's near-miss ratio; and a death →
 * report → review with an action → action closed.
 */
class CriticalCareBrowserTest extends BrowserTest {

    /** A fresh desk with patience for a machine shared by many test runs. */
    private Page page() {
        Page p = newPage();
        p.setDefaultTimeout(45_000);
        return p;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static void pick(Page page, String testId, String option) {
        page.getByTestId(testId).click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }

    @Test
    @DisplayName("Hechuan reports on the spot → §6 criteria derived → CQHCWC's inbox live → near-miss → in the city's NEAR_MISS_RATIO")
    void nearMissJourney() {
        ApiClient city = signIn("official-cq");
        String year = today().getYear() + "-01-01";
        long before = 0;
        for (var i : city.get("/api/critical-care/statistics?area=500000&from=" + year + "&to=" + today()).body().get("indicators")) {
            if (i.get("code").asText().equals("NEAR_MISS_RATIO")) before = i.get("numeratorCount").asLong();
        }

        Page centre = page();
        FoundationBrowserTest.login(centre, "cqfy-doctor");
        centre.navigate("/network/inbox");
        assertThat(centre.getByTestId("inbox")).isVisible();

        Page chc = page();
        FoundationBrowserTest.login(chc, "hc-doctor");
        chc.getByTestId("nav-critical-care").click();
        chc.getByTestId("cc-report").click();
        chc.getByTestId("cc-mode-onspot").click();
        MaternalBrowserTest.input(chc, "cc-family").fill("危");
        MaternalBrowserTest.input(chc, "cc-given").fill("晓丽");
        MaternalBrowserTest.input(chc, "cc-idnumber").fill(ResidentIdNumber.compose("500117", LocalDate.of(1992, 7, 7), 2 * (400 + (int) (System.nanoTime() % 90))));
        MaternalBrowserTest.input(chc, "cc-idnumber").blur();
        MaternalBrowserTest.input(chc, "cc-diagnosis").fill("胎盘早剥，失血性休克，DIC");
        chc.getByTestId("cc-f-SHOCK").click();
        MaternalBrowserTest.input(chc, "cc-v-plateletsE9L").fill("40");
        MaternalBrowserTest.input(chc, "cc-v-plateletsE9L").blur();
        // §6: the checklist is derived as she types (SHOCK; platelets 40 < 50)
        assertThat(chc.getByTestId("cc-crit-SHOCK")).isVisible();
        assertThat(chc.getByTestId("cc-crit-PLATELETS_BELOW_50")).isVisible();
        assertThat(chc.getByTestId("cc-derived")).containsText("危及生命");
        screenshot(chc, "cc-report-form");
        chc.getByTestId("cc-submit").click();
        assertThat(chc.getByTestId("classification")).hasText("危及生命");
        assertThat(chc.getByTestId("cc-crit-PLATELETS_BELOW_50")).isVisible();
        chc.waitForURL(java.util.regex.Pattern.compile(".*/critical-care/cases/[0-9a-f-]{36}$"));
        String caseUrl = chc.url();
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);

        // No reload at the centre: the emergency referral arrives over server-sent events.
        Locator row = centre.getByTestId("inbox-row").filter(new Locator.FilterOptions().setHasText("危晓丽"));
        assertThat(row.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(40_000));
        screenshot(centre, "cc-centre-inbox");

        centre.navigate("/critical-care/cases/" + caseId);
        assertThat(centre.getByTestId("classification")).hasText("危及生命");
        centre.getByTestId("cc-survived").click();
        centre.getByTestId("cc-save-outcome").click();
        assertThat(centre.getByTestId("classification")).hasText("濒死（near-miss）");
        screenshot(centre, "cc-case-page");

        Page official = page();
        FoundationBrowserTest.login(official, "official-cq");
        official.navigate("/critical-care/statistics");
        assertThat(official.getByTestId("kpi-NEAR_MISS_RATIO")).containsText((before + 1) + " / ");
        screenshot(official, "cc-statistics");
    }

    @Test
    @DisplayName("a death → the death report card reported in time → a city review with an action → the owner closes the action")
    void deathJourney() {
        ApiClient hc = signIn("hc-doctor");
        String w = CriticalCareApiTest.registerWoman(hc, "殁", "500117");
        var c = hc.post("/api/critical-cases", Map.of("personId", w, "stage", "PREGNANT", "onsetAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString(),
                "diagnosis", "羊水栓塞", "checklist", Map.of("findings", List.of("CARDIAC_ARREST"))));
        // An hour ago, not "today at 01:00" (in the future before 01:00 China time).
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        String caseId = c.text("/id");

        Page centre = page();
        FoundationBrowserTest.login(centre, "cqfy-doctor");
        centre.navigate("/critical-care/cases/" + caseId);
        centre.getByTestId("cc-died").click();
        centre.getByTestId("cc-save-outcome").click();
        assertThat(centre.getByTestId("classification")).hasText("孕产妇死亡");
        // the card is the centre's to fill: she died there
        centre.getByTestId("cc-open-death").click();
        assertThat(centre.getByTestId("cc-timer").first()).containsText("剩余 2 天");
        pick(centre, "cc-stage-death", "妊娠期");
        pick(centre, "cc-place", "省/市级医院");
        pick(centre, "cc-group", "其他产科并发症");
        MaternalBrowserTest.input(centre, "cc-icd").fill("O88.1");
        centre.getByTestId("cc-report-death").click();
        assertThat(centre.getByTestId("cc-timer").first()).containsText("及时");
        screenshot(centre, "cc-death-report");
        Page chc = page();
        FoundationBrowserTest.login(chc, "hc-doctor");
        String deathUrl = centre.url();

        Page official = page();
        FoundationBrowserTest.login(official, "official-cq");
        official.navigate(deathUrl.substring(deathUrl.indexOf("/critical-care/")));
        official.getByTestId("cc-start-review").click();
        MaternalBrowserTest.input(official, "rv-member-0").fill("张教授");
        MaternalBrowserTest.input(official, "rv-member-1").fill("李主任");
        official.getByTestId("rv-create").click();
        assertThat(official.getByTestId("rv-status")).hasText("待评审");
        official.getByTestId("rv-class-AVOIDABLE_UNDER_CONDITIONS").click();
        MaternalBrowserTest.input(official, "rv-factor-0").fill("未及时识别羊水栓塞早期征象");
        official.getByTestId("rv-add-action").click();
        MaternalBrowserTest.input(official, "rv-action-0").fill("开展羊水栓塞应急演练");
        // The owner is chosen by name in the institution picker (searching also matches the code).
        official.waitForResponse(r -> r.url().contains("/api/institutions?") && r.url().contains("CHC-500117-1"),
                () -> MaternalBrowserTest.input(official, "rv-owner-0").fill("CHC-500117-1"));
        official.locator(".el-select-dropdown__item:visible")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("CHC-500117-1\\s*$"))).first().click();
        official.getByPlaceholder("期限").first().fill(today().plusDays(30).toString());
        official.getByPlaceholder("期限").first().press("Enter");
        official.getByTestId("rv-conclude").click();
        assertThat(official.getByTestId("rv-status")).hasText("整改中");
        screenshot(official, "cc-review");

        chc.navigate("/critical-care/reviews");
        Locator actionRow = chc.locator("[data-testid=cc-actions] tr").filter(new Locator.FilterOptions().setHasText("开展羊水栓塞应急演练"));
        actionRow.getByTestId("cc-close-action").click();
        MaternalBrowserTest.input(chc, "cc-action-note").fill("已于本月完成全员演练");
        chc.getByTestId("cc-action-save").click();
        chc.getByTestId("cc-actions").first().page().locator(".el-select").first().click();
        chc.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText("已关闭")).first().click();
        assertThat(chc.locator("[data-testid=cc-actions] tr").filter(new Locator.FilterOptions().setHasText("开展羊水栓塞应急演练")).getByTestId("cc-action-status"))
                .hasText("已关闭");
        official.reload();
        assertThat(official.getByTestId("rv-status")).hasText("已完成");
        screenshot(official, "cc-review-closed");
        assertThat(official.url()).contains("/critical-care/reviews/");
    }
}
