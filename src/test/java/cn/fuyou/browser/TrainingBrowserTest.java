package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 13 — Done when: browser test: create a course, enrol midwives from two institutions,
 * record a skill assessment, issue certificates, see completion by district.
 */
class TrainingBrowserTest extends BrowserTest {

    static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    static void pick(Page page, String testId, String text) {
        MaternalBrowserTest.input(page, testId).fill(text);
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    @Test
    @DisplayName("CQHCWC creates a course, enrols midwives of Jiangbei and Hechuan, records attendance, assesses neonatal resuscitation (one passes, one fails a critical item), issues the certificate and sees completion by district")
    void courseToCompletionByDistrict() {
        ApiClient admin = signIn("admin");
        String a = "浏览器助产士甲", b = "浏览器助产士乙";
        admin.post("/api/training/workers", Map.of("fullName", a, "institutionCode", "MCH-500105", "profession", "MIDWIFE"));
        admin.post("/api/training/workers", Map.of("fullName", b, "institutionCode", "MCH-500117", "profession", "MIDWIFE"));

        Page page = newPage();
        FoundationBrowserTest.login(page, "cqfy-admin");
        page.getByTestId("nav-training").click();
        page.waitForURL("**/training");
        assertThat(page.locator("[data-testid=courses] .el-table__row").first()).isVisible(LONG);
        screenshot(page, "training-courses");

        // 1. a course with one session today
        page.getByTestId("course-new").click();
        MaternalBrowserTest.input(page, "course-title").fill("浏览器测试：产房急救技能培训");
        page.getByTestId("course-save").click();
        page.waitForURL("**/training/courses/**");
        assertThat(page.getByTestId("course-heading")).containsText("浏览器测试：产房急救技能培训");
        page.getByTestId("session-new").click();
        MaternalBrowserTest.input(page, "session-place").fill("重庆市妇幼保健院技能培训中心");
        page.getByTestId("session-save").click();
        Locator session = page.locator("[data-testid=sessions] .el-table__row").first();
        assertThat(session).containsText("重庆市妇幼保健院技能培训中心");
        screenshot(page, "training-course");
        session.click();
        page.waitForURL("**/training/sessions/**");

        // 2. midwives of two institutions enrolled, both attend
        pick(page, "enrol-picker", a);
        page.getByTestId("enrol-submit").click();
        assertThat(page.getByTestId("participants")).containsText(a);
        pick(page, "enrol-picker", b);
        page.getByTestId("enrol-submit").click();
        assertThat(page.getByTestId("participants")).containsText(b);
        assertThat(page.getByTestId("participants")).containsText("江北区");
        assertThat(page.getByTestId("participants")).containsText("合川区");
        assertThat(page.getByTestId("session-seats")).containsText("2 / 40");
        page.getByTestId("attendance-save").click();
        assertThat(page.getByTestId("withdraw")).hasCount(0);
        screenshot(page, "training-session");

        // 3. a skill round; the first passes with full marks, the second misses chest compressions (critical)
        page.navigate("/training/rounds");
        page.getByTestId("round-new").click();
        MaternalBrowserTest.input(page, "round-title").fill("浏览器测试：市级新生儿复苏技能考核");
        page.locator(".el-dialog:visible .el-radio").filter(new Locator.FilterOptions().setHasText("市级")).click();
        page.getByTestId("round-save").click();
        page.waitForURL("**/training/rounds/**");
        assertThat(page.getByTestId("score-items")).containsText("正压通气", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        pick(page, "score-worker", a);
        page.getByTestId("score-submit").click();
        assertThat(page.getByTestId("assessments")).containsText(a);
        pick(page, "score-worker", b);
        MaternalBrowserTest.input(page, "score-CHEST_COMPRESSIONS").fill("10");
        MaternalBrowserTest.input(page, "score-CHEST_COMPRESSIONS").press("Tab");
        page.getByTestId("score-submit").click();
        Locator failed = page.locator("[data-testid=assessments] .el-table__row").filter(new Locator.FilterOptions().setHasText(b));
        assertThat(failed).containsText("不合格");
        assertThat(failed).containsText("胸外按压");

        // 4. the certificate of the one who passed
        page.getByTestId("issue-" + a).click();
        assertThat(page.locator(".el-message--success").filter(new Locator.FilterOptions().setHasText("CQ-NEON-")).first()).isVisible(LONG);
        assertThat(page.getByTestId("issue-" + a)).hasCount(0);
        assertThat(page.getByTestId("certified")).hasCount(1);
        screenshot(page, "training-round");

        // 5. completion and pass rates by district
        page.navigate("/training/stats");
        Locator byArea = page.getByTestId("by-area");
        assertThat(byArea).containsText("江北区", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(byArea).containsText("合川区");
        assertThat(page.getByTestId("training-totals")).isVisible();
        screenshot(page, "training-stats");

        page.navigate("/training/certificates");
        assertThat(page.getByTestId("reassessments")).containsText(b, new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        screenshot(page, "training-certificates");
        for (String p : new String[]{"trainees", "research", "alliance"}) {
            page.navigate("/training/" + p);
            page.waitForTimeout(1500);
            screenshot(page, "training-" + p);
        }

        // a midwife sees her own record
        Page midwife = newPage();
        FoundationBrowserTest.login(midwife, "cqfy-midwife");
        midwife.navigate("/training/me");
        assertThat(midwife.getByTestId("training-history")).containsText("刘芳", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        screenshot(midwife, "training-me");
    }
}
