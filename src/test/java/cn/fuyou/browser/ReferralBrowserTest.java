package cn.fuyou.browser;

import cn.fuyou.shared.ChinaTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 6 — Done when: a community health centre in Hechuan refers an orange woman; the
 * referral lands in CQHCWC's inbox live; CQHCWC accepts, records arrival and completes; the
 * referrer sees the outcome and the back-referral plan.
 */
class ReferralBrowserTest extends BrowserTest {

    @Test
    @DisplayName("Hechuan → CQHCWC: live inbox, accept, arrival, completion, back-referral seen by the referrer")
    void referralJourney() {
        ApiClient api = signIn("hc-doctor");
        String woman = api.post("/api/persons", PersonApiTest.woman("付", "晓梅", null)).text("/id");
        String pregnancy = api.post("/api/pregnancies", Map.of("womanId", woman, "gravida", 2, "para", 1,
                "lmp", LocalDate.now(ChinaTime.ZONE).minusDays(200).toString())).text("/id");
        api.post("/api/pregnancies/" + pregnancy + "/contacts", Map.of("contactDate", LocalDate.now(ChinaTime.ZONE).toString(), "hemoglobinGPerL", 50));

        Page centre = newPage();
        FoundationBrowserTest.login(centre, "cqfy-doctor");
        centre.navigate("/network/inbox");
        assertThat(centre.getByTestId("live")).isVisible();

        Page chc = newPage();
        FoundationBrowserTest.login(chc, "hc-doctor");
        chc.navigate("/pregnancies/" + pregnancy);
        assertThat(chc.getByTestId("colour-badge").first()).hasAttribute("data-colour", "ORANGE");
        chc.getByTestId("refer").click();
        assertThat(chc.locator("[data-testid=refer-designated] input, input[data-testid=refer-designated]").first()).isChecked();
        MaternalBrowserTest.input(chc, "refer-reason").fill("重度贫血 Hb 50 g/L，请上级医院评估处理");
        chc.getByTestId("refer-submit").click();
        assertThat(chc.getByTestId("referral-to")).containsText("重庆市妇幼保健院");
        String referralUrl = chc.url();

        // No reload on the centre's side: the row arrives over server-sent events.
        assertThat(centre.getByTestId("inbox-row").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("付晓梅"))).isVisible();
        screenshot(centre, "inbox-live");
        centre.getByTestId("inbox-row").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("付晓梅")).first().click();
        centre.getByTestId("move-ACCEPTED").click();
        assertThat(centre.getByTestId("referral-state")).hasText("已接收");
        centre.getByTestId("move-ARRIVED").click();
        assertThat(centre.getByTestId("referral-state")).hasText("已到达");
        MaternalBrowserTest.input(centre, "move-outcome").fill("输注红细胞2U，Hb升至82 g/L，继续妊娠");
        centre.getByTestId("move-COMPLETED").click();
        assertThat(centre.getByTestId("referral-state")).hasText("已诊疗");
        MaternalBrowserTest.input(centre, "move-plan").fill("社区每周复查血常规，口服铁剂，孕36周回本院待产");
        centre.getByTestId("move-BACK_REFERRED").click();
        assertThat(centre.getByTestId("referral-state")).hasText("已回转");
        screenshot(centre, "referral-back");

        chc.navigate(referralUrl.substring(referralUrl.indexOf("/referrals/")));
        assertThat(chc.getByTestId("referral-outcome")).containsText("Hb升至82");
        assertThat(chc.getByTestId("referral-plan")).containsText("孕36周回本院");
        screenshot(chc, "referral-referrer");
    }
}
