package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.art.ArtApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 14 — Done when: a browser test takes a couple → cycle → retrieval → transfer → clinical pregnancy
 * (clinical-rules.md §8) → delivery at another institution → the live birth counted in the centre's rates.
 */
class ArtBrowserTest extends BrowserTest {

    private Page page() {
        Page p = newPage();
        p.setDefaultTimeout(45_000);
        return p;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static Locator input(Page page, String testId) {
        return MaternalBrowserTest.input(page, testId);
    }

    private static void date(Page page, String testId, LocalDate d) {
        Locator l = input(page, testId);
        l.fill(d.toString());
        l.press("Enter");
    }

    private static void pick(Page page, String testId, String option) {
        page.getByTestId(testId).click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }

    private static void remotePick(Page page, String testId, String typed, String option) {
        page.getByTestId(testId).click();
        page.keyboard().type(typed);
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }

    private void saved(Page page) {
        assertThat(page.locator(".el-message--success").last()).isVisible();
        page.locator(".el-message").evaluateAll("els => els.forEach(e => e.remove())");
    }

    @Test
    @DisplayName("§8 couple → IVF cycle → retrieval → transfer → clinical pregnancy (maternal opens) → delivery in Jiangbei → the live birth in the centre's rates")
    void coupleToLiveBirth() throws Exception {
        ApiClient api = signIn("art-doctor");
        String woman = ArtApiTest.person(api, "闻", "静怡", "F", 1991);
        String partner = ArtApiTest.person(api, "闻", "建国", "M", 1989);
        String womanId = api.get("/api/persons/" + woman).text("/idNumber");
        String partnerId = api.get("/api/persons/" + partner).text("/idNumber");
        long deliveriesBefore = api.get("/api/art/outcomes").at("/byAgeBand/4/counts/deliveries").asLong();
        LocalDate start = today().minusDays(300);

        Page art = page();
        FoundationBrowserTest.login(art, "art-doctor");
        art.getByTestId("nav-art").click();
        assertThat(art.getByTestId("art-couples").locator("tr.el-table__row").first()).isVisible();
        screenshot(art, "art-couples");
        art.getByTestId("art-new-couple").click();
        remotePick(art, "art-woman", womanId, "闻静怡");
        remotePick(art, "art-partner", partnerId, "闻建国");
        input(art, "art-years").fill("3");
        pick(art, "art-indication", "输卵管因素");
        input(art, "art-semen-concentration").fill("12");
        input(art, "art-semen-progressive").fill("35");
        screenshot(art, "art-couple-form");
        art.getByTestId("art-couple-save").click();
        art.waitForURL(java.util.regex.Pattern.compile(".*/art/couples/[0-9a-f-]{36}$"));
        assertThat(art.getByTestId("art-semen-flags")).containsText("浓度低"); // WHO 2021: 12 < 16 ×10⁶/mL

        // no consents on file: the cycle does not start
        pick(art, "art-start-protocol", "拮抗剂方案");
        date(art, "art-start-date", start);
        art.getByTestId("art-start").click();
        assertThat(art.getByTestId("art-missing-consents")).containsText("体外受精-胚胎移植知情同意书");
        Path pdf = Files.createTempFile("consent", ".pdf");
        Files.write(pdf, "%PDF-1.4\n% signed\n%%EOF\n".getBytes());
        for (String kind : new String[]{"辅助生殖治疗知情同意书", "体外受精-胚胎移植知情同意书"}) {
            pick(art, "art-consent-kind", kind);
            date(art, "art-consent-date", start.minusDays(5));
            art.getByTestId("art-consent-file").setInputFiles(pdf);
            art.getByTestId("art-consent-upload").click();
            assertThat(art.getByTestId("art-consents")).containsText(kind);
        }
        screenshot(art, "art-couple-page");
        art.getByTestId("art-start").click();
        art.waitForURL(java.util.regex.Pattern.compile(".*/art/cycles/[0-9a-f-]{36}$"));
        String cycleUrl = art.url();
        String cycleId = cycleUrl.substring(cycleUrl.lastIndexOf('/') + 1);

        date(art, "art-trigger-date", start.plusDays(10));
        art.getByTestId("art-trigger").click();
        saved(art);
        date(art, "art-retrieval-date", start.plusDays(12));
        input(art, "art-retrieval-oocytes").fill("9");
        input(art, "art-retrieval-mii").fill("7");
        art.getByTestId("art-retrieve").click();
        saved(art);
        assertThat(art.getByTestId("art-oocytes")).containsText("9 / 7");
        date(art, "art-fert-date", start.plusDays(13));
        input(art, "art-fert-2pn").fill("2");
        art.getByTestId("art-fertilise").click();
        saved(art);
        assertThat(art.getByTestId("art-embryos").locator(".el-table__body tr.el-table__row")).hasCount(2);
        art.getByTestId("art-embryos").locator(".el-table__body tr.el-table__row").first().locator(".el-checkbox").click();
        date(art, "art-transfer-date", start.plusDays(17));
        art.getByTestId("art-transfer").click();
        saved(art);
        assertThat(art.getByTestId("art-transfer-done")).containsText(start.plusDays(17).toString());
        date(art, "art-hcg-date", start.plusDays(29));
        input(art, "art-hcg-value").fill("560");
        art.getByTestId("art-hcg").click();
        saved(art);
        date(art, "art-us-date", start.plusDays(45));
        remotePick(art, "art-us-follow", "江北区妇幼", "江北区妇幼保健院");
        art.getByTestId("art-us").click();
        saved(art);
        assertThat(art.getByTestId("art-clinical")).hasText("✓");
        assertThat(art.getByTestId("art-pregnancy-link")).isVisible();
        screenshot(art, "art-cycle-pregnant");
        String pregnancyId = api.get("/api/art/cycles/" + cycleId).text("/pregnancyId");

        // she delivers at the Jiangbei MCH hospital, which follows her pregnancy
        Page jb = page();
        FoundationBrowserTest.login(jb, "art-jb-doctor");
        jb.navigate("/pregnancies/" + pregnancyId);
        jb.getByTestId("record-delivery").click();
        input(jb, "b-weight-0").fill("3300");
        jb.getByTestId("d-submit").click();
        assertThat(jb.getByTestId("newborns")).containsText("3300");

        // back at the centre: the cycle's live birth, traced to its embryo, and counted in the rates
        art.navigate("/art/cycles/" + cycleId);
        assertThat(art.getByTestId("art-cycle-outcome")).hasText("活产");
        assertThat(art.getByTestId("art-live-births")).containsText("E1");
        screenshot(art, "art-cycle-live-birth");
        art.navigate("/art/outcomes");
        assertThat(art.getByTestId("art-headline")).containsText("60%");
        assertThat(art.getByTestId("art-outcomes-table")).containsText("临床妊娠率/移植周期");
        screenshot(art, "art-outcomes");
        assertThat(api.get("/api/art/outcomes").at("/byAgeBand/4/counts/deliveries").asLong()).isEqualTo(deliveriesBefore + 1);
        assertThat(art.getByTestId("art-outcomes-counts")).containsText(String.valueOf(deliveriesBefore + 1));

        art.navigate("/art/workstation");
        assertThat(art.getByTestId("art-activity").locator("tr.el-table__row").first()).isVisible(); // the demo's member institutions
        assertThat(art.getByTestId("art-activity")).containsText("合川区妇幼保健院");
        screenshot(art, "art-workstation");
        art.navigate("/art/follow-up");
        assertThat(art.getByTestId("art-follow-up-hint")).isVisible();
        screenshot(art, "art-follow-up");
        art.navigate("/art/cycles");
        assertThat(art.getByTestId("art-cycles").locator("tr.el-table__row").first()).isVisible();
        screenshot(art, "art-cycles");
    }
}
