package cn.fuyou.browser;

import cn.fuyou.shared.ChinaTime;

import static cn.fuyou.browser.MaternalBrowserTest.input;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.registry.ResidentIdNumber;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 16 — Done when: a browser test records a delivery with an HIV-positive rapid test
 * through the UI and sees purple, the PMTCT case and the infant's schedule (clinical-rules.md §1, §5).
 */
class DeliveryPmtctBrowserTest extends BrowserTest {

    @Test
    @DisplayName("§1/§5: a delivery with an HIV-positive rapid test turns her purple, opens her dedicated case and PMTCT, and shows the baby's schedule")
    void hivPositiveDelivery() {
        Page page = newPage();
        FoundationBrowserTest.login(page, "cqfy-doctor");

        String idNumber = ResidentIdNumber.compose("500117", LocalDate.of(1996, 4, 9), 482);
        page.navigate("/persons/new");
        input(page, "reg-id-number").fill(idNumber);
        input(page, "reg-id-number").blur();
        input(page, "reg-family").fill("江");
        input(page, "reg-given").fill("晓梅");
        input(page, "reg-phone").fill("13996600456");
        page.getByTestId("reg-submit").click();
        assertThat(page.getByTestId("person-name")).hasText("江晓梅");

        page.getByTestId("new-pregnancy").click();
        Locator lmp = input(page, "preg-lmp");
        lmp.fill(LocalDate.now(ChinaTime.ZONE).minusDays(273).toString());
        lmp.press("Enter");
        input(page, "preg-height").fill("160");
        input(page, "preg-weight").fill("54");
        page.getByTestId("preg-submit").click();
        page.waitForURL("**/pregnancies/*-*");
        assertThat(page.getByTestId("purple-badge")).hasCount(0);

        page.getByTestId("record-delivery").click();
        page.getByTestId("d-hivRapidTest").getByText("阳性").click();
        input(page, "b-weight-0").fill("3150");
        screenshot(page, "delivery-form");
        page.getByTestId("d-submit").click();

        assertThat(page.getByTestId("purple-badge").first()).isVisible();
        assertThat(page.getByTestId("case").first()).containsText("高危专案");
        assertThat(page.getByTestId("case").first()).containsText("紫色");
        Locator pmtct = page.getByTestId("pmtct-HIV");
        assertThat(pmtct).containsText("艾滋病");
        assertThat(pmtct).containsText("产时");
        assertThat(pmtct.getByTestId("infant-status").first()).hasText("随访中");
        Locator schedule = pmtct.getByTestId("infant-schedule").first();
        assertThat(schedule).containsText("出生后6小时内开始抗病毒预防");
        assertThat(schedule).containsText("三联抗病毒预防用至6周");
        assertThat(schedule).containsText("出生48小时核酸检测");
        assertThat(schedule).containsText("12月龄抗体检测");
        assertThat(page.getByTestId("newborns")).containsText("3150");
        screenshot(page, "delivery-hiv-pmtct");
    }
}
