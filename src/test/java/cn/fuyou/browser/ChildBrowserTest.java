package cn.fuyou.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.internal.DemoData;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 4 — Done when: a browser test records three visits for a child and sees the points
 * on the weight-for-age chart in the right band (WHO Child Growth Standards, clinical-rules.md §4).
 */
class ChildBrowserTest extends BrowserTest {

    @Test
    @DisplayName("three well-child visits at the WHO median land in the −1…+1 SD band of the weight-for-age chart")
    void threeVisits() {
        ApiClient api = signIn("cqfy-doctor");
        String mother = api.get("/api/persons?q=" + DemoData.SHOWCASE_ID_NUMBER).text("/items/0/id");
        String child = null;
        for (var l : api.get("/api/persons/" + mother).at("/links")) {
            if (l.path("kind").asText().equals("CHILD")) child = l.path("personId").asText();
        }
        assertThat(child).isNotNull();
        var rec = api.post("/api/children", Map.of("childId", child, "birthGaDays", 276, "birthWeightG", 3300));
        assertThat(rec.status()).isIn(201, 409);
        LocalDate birth = LocalDate.parse(api.get("/api/children/" + child).text("/birthDate"));

        Page page = newPage();
        FoundationBrowserTest.login(page, "cqfy-doctor");
        page.navigate("/children/" + child);
        page.getByTestId("new-visit").waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        int before = page.getByTestId("waz-band").count(); // the demo's own visits of this child (the showcase daughter has three)
        // Girls' WHO medians: about 5.1 kg at 2 months, 6.4 kg at 4 months, 7.3 kg at 6 months.
        record V(int days, String kg, String cm) {}
        for (V v : new V[]{new V(61, "5.1", "57.1"), new V(122, "6.4", "62.1"), new V(183, "7.3", "65.7")}) {
            page.getByTestId("new-visit").click();
            var date = MaternalBrowserTest.input(page, "v-date");
            date.fill(birth.plusDays(v.days()).toString());
            date.press("Enter");
            MaternalBrowserTest.input(page, "v-weight").fill(v.kg());
            MaternalBrowserTest.input(page, "v-length").fill(v.cm());
            page.getByTestId("v-submit").click();
            page.waitForTimeout(300);
        }
        assertThat(page.getByTestId("waz-band")).hasCount(before + 3);
        for (int i = 0; i < before + 3; i++) assertThat(page.getByTestId("waz-band").nth(i)).hasText("-1 ~ +1 SD");
        assertThat(page.locator("canvas").first()).isVisible();
        screenshot(page, "child-growth");
    }
}
