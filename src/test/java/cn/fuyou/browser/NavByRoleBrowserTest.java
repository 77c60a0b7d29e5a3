package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 15 §1 (officials are read-mostly by design) — the menu follows the role: officials see no clinical entries. */
class NavByRoleBrowserTest extends BrowserTest {

    static final String[] CLINICAL = {"nav-persons", "nav-worklist", "nav-consultations", "nav-children", "nav-births", "nav-hospital", "nav-inbox"};

    @Test
    @DisplayName("a city official's menu has statistics, case lists and critical care, and none of the clinical entries; a clinician's has them")
    void menuByRole() {
        Page official = newPage();
        FoundationBrowserTest.login(official, "official-cq");
        assertThat(official.getByTestId("nav-stats")).isVisible();
        assertThat(official.getByTestId("nav-cases")).isVisible();
        assertThat(official.getByTestId("nav-critical-care")).isVisible();
        for (String id : CLINICAL) assertThat(official.getByTestId(id)).hasCount(0);
        screenshot(official, "nav-official");
        Page doctor = newPage();
        FoundationBrowserTest.login(doctor, "cqfy-doctor");
        for (String id : CLINICAL) assertThat(doctor.getByTestId(id)).isVisible();
        screenshot(doctor, "nav-clinician");
    }
}
