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
        page.onConsoleMessage(m -> { if (m.type().equals("error")) System.out.println("browser console: " + m.text()); });
        page.onPageError(e -> System.out.println("browser error: " + e));
        FoundationBrowserTest.login(page, "official-cq");
        page.waitForURL("**/stats");
        assertThat(page.getByTestId("nav-inbox")).hasCount(0);
        page.navigate("/stats?kind=statYear&period=2025&indicator=CAESAREAN_QC");
        // generous first-render timeout: the test machine is shared by several builds
        assertThat(page.getByTestId("stats-map").locator("canvas")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(page.getByTestId("stats-trend").locator("canvas")).isVisible();
        assertThat(page.getByTestId("stats-map")).hasAttribute("data-ready", "true");
        assertThat(page.getByTestId("tile-CAESAREAN_QC")).isVisible();
        page.waitForTimeout(800); // let the charts finish their animation for the screenshot
        screenshot(page, "stats-dashboard");

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
    }
}
