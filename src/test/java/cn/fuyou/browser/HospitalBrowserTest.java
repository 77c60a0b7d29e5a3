package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.hospital.HospitalFixtures;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 11 — Done when: a delivery hospital requests a NICU bed for a preterm newborn → bed
 * reserved → arrival → discharge → the summary in the child's record and the child on the high-risk
 * list where she is followed.
 */
class HospitalBrowserTest extends BrowserTest {

    @Test
    @DisplayName("CQHCWC requests a NICU bed for a 31-week girl; the Children's Hospital reserves, admits and discharges her; CQHCWC sees the summary and her on its high-risk list")
    void nicuJourney() {
        ApiClient setup = signIn("cqfy-doctor");
        String child = HospitalFixtures.pretermNewborn(setup, "雷");
        String name = setup.get("/api/persons/" + child).text("/fullName");

        Page delivery = newPage();
        FoundationBrowserTest.login(delivery, "cqfy-doctor");
        delivery.getByTestId("nav-hospital").click();
        delivery.waitForURL("**/hospital/capacity");
        assertThat(delivery.getByTestId("free-nicu").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        delivery.locator("[data-testid=child-picker] input").fill(name);
        delivery.locator(".el-select-dropdown__item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        MaternalBrowserTest.input(delivery, "req-reason").fill("胎龄31周早产，呼吸窘迫，需NICU");
        MaternalBrowserTest.input(delivery, "req-weeks").fill("31");
        MaternalBrowserTest.input(delivery, "req-weight").fill("1450");
        delivery.getByTestId("req-submit").click();
        assertThat(delivery.getByTestId("req-sent")).containsText(name, new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        screenshot(delivery, "hospital-capacity");

        Page nicu = newPage();
        FoundationBrowserTest.login(nicu, "etyy-doctor");
        nicu.navigate("/hospital");
        assertThat(nicu.getByTestId("totals")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(nicu.locator(".bed").first()).isVisible();
        screenshot(nicu, "hospital-board");
        nicu.navigate("/hospital?tab=transfers");
        Locator row = nicu.locator("[data-testid=transfers] tr").filter(new Locator.FilterOptions().setHasText(name));
        row.getByTestId("reserve-for").click();
        nicu.getByTestId("reserve-bed").click();
        nicu.locator(".el-select-dropdown__item:visible").first().click();
        nicu.getByTestId("reserve-submit").click();
        row.getByTestId("arrive-for").click();
        MaternalBrowserTest.input(nicu, "admit-dx").fill("P07.3, P22.0");
        nicu.getByTestId("admit-submit").click();
        assertThat(row).hasCount(0);

        nicu.navigate("/hospital?tab=admissions");
        nicu.locator("[data-testid=admissions] tr").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        assertThat(nicu.getByTestId("admission-dialog").getByText("重庆市妇幼保健院").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        MaternalBrowserTest.input(nicu, "dc-summary").fill("胎龄31周早产儿，NICU治疗12天，呼吸平稳，体重1900g出院");
        MaternalBrowserTest.input(nicu, "dc-plan").fill("出院1周高危儿门诊复诊；矫正3、6、12月龄发育评估；ROP筛查");
        nicu.getByTestId("dc-submit").click();
        assertThat(nicu.getByTestId("admission-dialog")).containsText("好转", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        screenshot(nicu, "hospital-discharge");

        delivery.navigate("/children/" + child);
        assertThat(delivery.getByTestId("stay-summary")).containsText("NICU治疗12天", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(delivery.getByTestId("high-risk-tag").filter(new Locator.FilterOptions().setHasText("NICU出院"))).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        screenshot(delivery, "hospital-child-record");
        delivery.navigate("/children/worklist");
        assertThat(delivery.getByTestId("high-risk-name").filter(new Locator.FilterOptions().setHasText(name)).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }
}
