package cn.fuyou.browser;

import cn.fuyou.shared.ChinaTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.births.BirthFixture;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 18 — Done when: a delivery → certificate issued and printed (the PDF read back) →
 * blood spot collected → positive result → recall on the worklist → confirmation recorded
 * (clinical-rules.md §9).
 */
class BirthsBrowserTest extends BrowserTest {

    @Test
    @DisplayName("§9: delivery → certificate issued and printed (PDF read back) → blood spot → positive PHE → recall on the worklist → confirmation")
    void deliveryToConfirmation() throws Exception {
        ApiClient admin = signIn("cqfy-admin");
        if (admin.get("/api/birth-certificates/stock").at("/inStock").asLong() < 5) {
            var r = admin.post("/api/birth-certificates/stock", Map.of("prefix", "B", "firstSeq", 500_090_001L, "lastSeq", 500_090_050L,
                    "receivedOn", LocalDate.now(ChinaTime.ZONE).toString()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        ApiClient midwife = signIn("cqfy-midwife");
        String child = BirthFixture.deliver(midwife, "晴", 1, 80, false).get(0);
        String registryName = midwife.get("/api/births/" + child).text("/childName");

        Page page = newPage();
        FoundationBrowserTest.login(page, "cqfy-doctor");

        // Certificate issued and printed
        page.navigate("/births/" + child);
        page.getByTestId("cert-issue").click();
        MaternalBrowserTest.input(page, "cert-child-name").fill("柏安然");
        MaternalBrowserTest.input(page, "cert-mother-ethnicity").fill("土家族");
        MaternalBrowserTest.input(page, "cert-father-name").fill("柏明");
        page.getByTestId("cert-submit").click();
        Locator number = page.getByTestId("cert-number");
        assertThat(number).hasText(Pattern.compile("[A-Z]{1,4}\\d{9}"));
        String certificateNumber = number.textContent().strip();
        String href = page.getByTestId("cert-print").first().getAttribute("href");
        var pdf = page.request().get(href);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        Files.write(SCREENSHOTS.resolve("birth-certificate-browser.pdf"), pdf.body());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("出生医学证明", certificateNumber, "柏安然", "柏晴", "柏明", "土家族");
        }

        // Blood spot collected now (80 h of life: on time)
        page.getByTestId("bs-collect").click();
        page.getByTestId("bs-submit").click();
        // a loaded CI machine may take a while to answer and re-render (the page reloads the birth, certificates and screening)
        assertThat(page.getByTestId("bs-timing").first()).hasText("时机合格",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        screenshot(page, "births-birth-page");

        // Sent in a batch, received by the screening centre's laboratory (CQHCWC)
        page.navigate("/screening/batches");
        Locator row = page.getByTestId("awaiting-table").locator(".el-table__row").filter(new Locator.FilterOptions().setHasText(registryName));
        row.first().locator(".el-checkbox").click();
        page.getByTestId("batch-send").click();
        page.getByTestId("batch-receive").first().click();
        screenshot(page, "births-batches");

        // Positive result entered
        page.navigate("/screening/results");
        Locator sample = page.locator(".el-table__row").filter(new Locator.FilterOptions().setHasText(registryName));
        sample.first().getByTestId("res-enter").click();
        MaternalBrowserTest.input(page, "res-phe").fill("360");
        MaternalBrowserTest.input(page, "res-tsh").fill("3.1");
        page.getByTestId("res-submit").click();
        page.waitForTimeout(500);
        screenshot(page, "births-results");

        // Recall on the worklist
        page.navigate("/screening/worklist");
        page.locator(".el-radio-button").filter(new Locator.FilterOptions().setHasText("阳性随访")).click();
        Locator recall = page.locator("[data-testid=worklist-step][data-child='" + child + "']");
        assertThat(recall.first()).isVisible();
        assertThat(recall).containsText(new String[]{"阳性召回"});
        screenshot(page, "births-worklist");

        // Recall recorded, then confirmation
        page.navigate("/births/" + child);
        page.getByTestId("case-step").click();
        page.getByTestId("case-submit").click();
        assertThat(page.getByTestId("case-step")).containsText("确诊");
        page.getByTestId("case-step").click();
        page.getByTestId("case-confirm-yes").click();
        page.getByTestId("case-submit").click();
        assertThat(page.getByTestId("case-confirmed")).hasText("确诊");
        assertThat(page.getByTestId("case-step")).containsText("治疗");
        screenshot(page, "births-confirmed");

        page.navigate("/births/stock");
        assertThat(page.getByTestId("stock-in")).isVisible();
        page.waitForTimeout(400);
        screenshot(page, "births-stock");
        page.navigate("/births/lookup");
        MaternalBrowserTest.input(page, "lookup-number").fill(certificateNumber);
        page.getByTestId("lookup-go").click();
        assertThat(page.getByTestId("lookup-status")).containsText("有效");
        screenshot(page, "births-lookup");
    }
}
