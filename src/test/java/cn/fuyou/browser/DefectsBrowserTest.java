package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.defects.DefectsApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 17 — Done when: a high-risk screen creates follow-up → diagnosis → registration at delivery → counted in the
 * district's prevalence for that month (clinical-rules.md §7 cut-offs; indicators.md BIRTH_DEFECT_PREVALENCE).
 */
class DefectsBrowserTest extends BrowserTest {

    private static final String AREA = "500117";

    private static void pick(Page page, String testId, String option) {
        page.getByTestId(testId).click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }

    private static void date(Page page, String testId, LocalDate d) {
        Locator in = page.locator("[data-testid=" + testId + "] input").first();
        in.fill(d.toString());
        in.press("Enter");
    }

    private long casesThisMonth(ApiClient admin, String month) {
        var s = admin.get("/api/defects/statistics?area=" + AREA + "&from=" + month + "-01&to=" + LocalDate.parse(month + "-01").plusMonths(1).minusDays(1));
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        for (var m : s.at("/byMonth")) if (m.get("key").asText().equals(month)) return m.get("cases").asLong();
        return 0;
    }

    @Test
    @DisplayName("§7: high-risk screen → follow-up → amniocentesis → abnormal → registration at delivery → counted in Hechuan's prevalence this month")
    void screenToPrevalence() {
        ApiClient doc = signIn("cqfy-doctor");
        LocalDate today = LocalDate.now(cn.fuyou.shared.ChinaTime.ZONE);
        String woman = DefectsApiTest.woman(doc, "浏览", LocalDate.of(1987, 3, 9), AREA);
        String name = doc.get("/api/persons/" + woman).text("/fullName");
        String pregnancy = DefectsApiTest.pregnancy(doc, woman, 273);
        LocalDate lmp = today.minusDays(273);
        ApiClient admin = signIn("admin");
        String month = today.toString().substring(0, 7);
        long before = casesThisMonth(admin, month);

        Page page = newPage();
        FoundationBrowserTest.login(page, "cqfy-doctor");

        // 1. The second-trimester result (T21 1:150) is entered: HIGH, follow-up opens.
        page.navigate("/defects/screens");
        page.getByTestId("screen-new").click();
        page.locator("[data-testid=defects-woman-picker] input").fill(name);
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        date(page, "screen-sampled", lmp.plusDays(112));
        MaternalBrowserTest.input(page, "screen-t21").fill("150");
        MaternalBrowserTest.input(page, "screen-t18").fill("5000");
        MaternalBrowserTest.input(page, "screen-afp").fill("1.10");
        screenshot(page, "defects-screen-form");
        page.getByTestId("screen-submit").click();
        page.waitForURL("**/defects/follow-ups/**", new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(page.getByTestId("band-HIGH").first()).isVisible();
        assertThat(page.getByTestId("fu-step")).hasText("遗传咨询");

        // 2. Counselling → amniocentesis (karyotype + CMA) → abnormal → continue.
        date(page, "fu-on", lmp.plusDays(115));
        pick(page, "fu-plan", "羊膜腔穿刺");
        page.getByTestId("fu-submit").click();
        assertThat(page.getByTestId("fu-step")).hasText("产前诊断");
        date(page, "fu-on", lmp.plusDays(120));
        pick(page, "fu-test", "核型+CMA");
        page.getByTestId("fu-submit").click();
        assertThat(page.getByTestId("fu-step")).hasText("诊断结果");
        date(page, "fu-on", lmp.plusDays(140));
        page.getByTestId("fu-result").locator(".el-radio-button").filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^\\s*异常\\s*$"))).click();
        MaternalBrowserTest.input(page, "fu-diagnosis").fill("47,XY,+21");
        MaternalBrowserTest.input(page, "fu-icd").fill("Q90.0");
        page.getByTestId("fu-submit").click();
        assertThat(page.getByTestId("fu-step")).hasText("妊娠决定");
        date(page, "fu-on", lmp.plusDays(143));
        page.getByTestId("fu-decision").locator(".el-radio-button").filter(new Locator.FilterOptions().setHasText("继续妊娠")).click();
        page.getByTestId("fu-submit").click();
        assertThat(page.getByTestId("fu-step")).hasText("妊娠结局");
        screenshot(page, "defects-follow-up");
        String followUpUrl = page.url();

        // 3. She delivers today (the maternal module records the delivery).
        var d = doc.post("/api/pregnancies/" + pregnancy + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString(),
                "mode", "VAGINAL", "bloodLossMl", 250, "maternalCondition", "GOOD", "babies", List.of(Map.of("sex", "M", "weightG", 3050,
                        "lengthCm", 50, "headCircumferenceCm", 34, "apgar1", 8, "apgar5", 9, "liveBorn", true, "nicuTransfer", false))));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);

        // 4. Registration at delivery from the follow-up: mother, child and prenatal diagnosis filled in.
        page.navigate(followUpUrl);
        page.getByTestId("fu-register").click();
        page.waitForURL("**/defects/registrations**");
        MaternalBrowserTest.input(page, "reg-weeks").fill("39");
        pick(page, "reg-cat-0", "唐氏综合征");
        assertThat(page.getByTestId("reg-child")).containsText("·", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        screenshot(page, "defects-registration-form");
        page.getByTestId("reg-submit").click();
        page.waitForURL("**/defects/follow-ups/**", new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(page.getByTestId("fu-registered")).isVisible();
        assertThat(page.getByTestId("fu-step")).hasText("已结案");

        page.navigate("/defects/registrations");
        assertThat(page.getByTestId("reg-table")).containsText(name);
        screenshot(page, "defects-registrations");

        // 5. Counted in Hechuan's prevalence for this month (the city official's view).
        assertThat(casesThisMonth(admin, month)).isEqualTo(before + 1);
        Page city = newPage();
        FoundationBrowserTest.login(city, "official-cq");
        city.navigate("/defects/statistics?area=" + AREA + "&from=" + month + "&to=" + month);
        Locator row = city.getByTestId("stats-months").locator(".el-table__row").filter(new Locator.FilterOptions().setHasText(month));
        assertThat(row.locator("td").nth(2)).hasText(String.valueOf(before + 1), new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        city.waitForTimeout(600);
        screenshot(city, "defects-statistics");

        page.navigate("/defects/follow-ups");
        assertThat(page.getByTestId("fu-table")).isVisible();
        page.waitForTimeout(400);
        screenshot(page, "defects-follow-ups");
        page.navigate("/defects/screens");
        assertThat(page.getByTestId("screen-table")).containsText(name);
        page.waitForTimeout(400);
        screenshot(page, "defects-screens");
        page.navigate("/defects/preconception");
        assertThat(page.getByTestId("pc-table")).isVisible();
        page.waitForTimeout(400);
        screenshot(page, "defects-preconception");
    }
}
