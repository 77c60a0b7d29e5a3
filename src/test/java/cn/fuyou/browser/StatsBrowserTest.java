package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.demoyear.DemoYear;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import cn.fuyou.support.StatsYear;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Source: issue 9 — Done when: as a city official, the map and trends render, a click on a
 * district's rate reaches the list of the women it counts; the .xlsx opens (read back here).
 */
class StatsBrowserTest extends BrowserTest {

    @Autowired DemoYear demoYear;

    @Test
    @DisplayName("city official: home is the dashboard; map and trend render; a district's rate opens the women it counts; the annual .xlsx downloads and reads back")
    void cityOfficial() throws Exception {
        StatsYear.ensure(demoYear);
        ApiClient api = signIn("official-cq");
        var hechuan = api.get("/api/stats/indicators?area=500117&from=2024-10-01&to=2025-09-30");
        long numerator = 0;
        for (var f : hechuan.at("/indicators")) if (f.path("code").asText().equals("CAESAREAN_QC")) numerator = f.path("numerator").asLong();
        assertThat(numerator).isPositive();

        Page page = newPage();
        List<String> errors = consoleErrors(page);
        FoundationBrowserTest.login(page, "official-cq");
        page.waitForURL("**/stats");
        errors.clear(); // the login page's anonymous session probe (GET /api/auth/me → 401) is logged by Chromium
        assertThat(page.getByTestId("nav-inbox")).hasCount(0);
        page.navigate("/stats?kind=statYear&period=2025&indicator=CAESAREAN_QC");
        // generous first-render timeout: the test machine is shared by several builds
        assertThat(page.getByTestId("stats-map").locator("canvas")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(page.getByTestId("stats-trend").locator("canvas")).isVisible();
        assertThat(page.getByTestId("stats-map")).hasAttribute("data-ready", "true");
        assertThat(page.getByTestId("tile-CAESAREAN_QC")).isVisible();
        page.waitForTimeout(800); // let the charts finish their animation for the screenshot
        screenshot(page, "stats-dashboard");
        // league table: only denominators reaching the configured minimum are ranked, and the page says so
        assertThat(page.getByTestId("league-min")).containsText("30");
        // another indicator redraws every chart (the path of the earlier ECharts console error)
        page.getByTestId("tile-HOSPITAL_DELIVERY").click();
        page.waitForTimeout(800);
        page.getByTestId("tile-CAESAREAN_QC").click();
        page.waitForTimeout(800);

        page.getByTestId("district-rate-500117").click();
        assertThat(page.getByTestId("records-total")).containsText(String.valueOf(numerator),
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("records-row").first()).isVisible();
        int shown = page.getByTestId("records-row").count();
        assertThat(shown).isEqualTo((int) Math.min(20, numerator));
        screenshot(page, "stats-records");

        page.navigate("/stats/annual?year=2025");
        assertThat(page.getByTestId("annual-table")).containsText("合计", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        screenshot(page, "stats-annual");
        Download download = page.waitForDownload(() -> page.getByTestId("annual-download").click());
        try (var wb = new XSSFWorkbook(Files.newInputStream(download.path()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2025统计年度");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("活产数");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
        }
        page.navigate("/stats");
        assertThat(page.getByTestId("stats-map").locator("canvas")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        page.waitForTimeout(1500);
        assertThat(errors).as("no console errors on the statistics pages").isEmpty();
    }

    @Test
    @DisplayName("institution staff: the maternal worklist shows her institution's statistics (indicator API, institution scope), numbers open their records")
    void institutionDashboard() {
        StatsYear.ensure(demoYear);
        Page page = newPage();
        List<String> errors = consoleErrors(page);
        FoundationBrowserTest.login(page, "cqfy-doctor");
        errors.clear(); // the login page's anonymous session probe (GET /api/auth/me → 401)
        page.navigate("/maternal/worklist");
        assertThat(page.getByTestId("institution-stats")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.getByTestId("institution-stats")).containsText("本机构统计");
        assertThat(page.getByTestId("inst-tile-HOSPITAL_DELIVERY")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        // the generated year is statistical year 2025
        page.getByTestId("institution-year").click();
        page.locator(".el-select-dropdown__item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("2025统计年度")).click();
        assertThat(page.getByTestId("institution-stats")).containsText("2024-10-01");
        assertThat(page.getByTestId("institution-mix").locator("canvas")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        page.waitForTimeout(800);
        screenshot(page, "stats-institution");
        page.getByTestId("inst-value-HOSPITAL_DELIVERY").click();
        assertThat(page.getByTestId("records-row").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(errors).as("no console errors on the worklist").isEmpty();
    }

    /** Console errors, uncaught page errors and failed API calls, collected for an assertion (and printed as they come). */
    static List<String> consoleErrors(Page page) {
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 400 && r.url().contains("/api/")) System.out.println("browser response: " + r.status() + " " + r.url());
        });
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                System.out.println("browser console: " + m.text());
                errors.add(m.text());
            }
        });
        page.onPageError(e -> {
            System.out.println("browser error: " + e);
            errors.add(String.valueOf(e));
        });
        return errors;
    }
}
