package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 16 §12 — the FHIR import page takes an upload (a zip of Bundles) instead of a server
 * directory, shows its progress, and §8 — the report per resource type (kept, not kept and why).
 */
class FhirImportBrowserTest extends BrowserTest {

    @Test
    @DisplayName("a system admin uploads a zip of Synthea bundles and reads the import report: Procedures kept, Claims not kept")
    void uploadAZip() throws Exception {
        Path zip = Files.createTempDirectory("upload").resolve("synthea-women-5.zip");
        try (InputStream in = getClass().getResourceAsStream("/synthea/synthea-women-5.zip")) {
            Files.copy(in, zip);
        }
        Page page = newPage();
        page.navigate("/login");
        page.getByTestId("login-username").fill("admin");
        page.getByTestId("login-password").fill("Demo@2026");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("current-user")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        page.navigate("/admin/imports");
        page.getByTestId("import-files").setInputFiles(zip);
        page.getByTestId("import-upload").click();
        var report = page.getByTestId("import-report");
        assertThat(report).containsText("ExplanationOfBenefit", new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
        assertThat(report).containsText("Procedure");
        assertThat(report).containsText("administrative or financial");
        screenshot(page, "fhir-import-report");
    }
}
