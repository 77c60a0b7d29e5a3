package cn.fuyou.maternal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.internal.DemoData;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 16 item 11 — the demo tells the showcase woman's story, and every link on her pages works. */
class ShowcaseStoryTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("李秀英: a graded pregnancy with contacts, a referral, a delivery, a daughter with growth visits; her child and pregnancy links open")
    void showcaseStory() {
        ApiClient doctor = signIn("cqfy-doctor");
        String woman = doctor.get("/api/persons?q=" + DemoData.SHOWCASE_ID_NUMBER).text("/items/0/id");
        JsonNode person = doctor.get("/api/persons/" + woman).body();
        int children = 0;
        for (JsonNode l : person.at("/links")) {
            if (!l.path("kind").asText().equals("CHILD")) continue;
            children++;
            var child = doctor.get("/api/children/" + l.path("personId").asText());
            assertThat(child.status()).as("her child's record link: " + child).isEqualTo(200);
            assertThat(child.at("/visits").size()).as("growth visits").isGreaterThanOrEqualTo(3);
            assertThat(child.at("/visits/0/waz").isNumber()).isTrue();
            assertThat(child.text("/source")).isEqualTo("DELIVERY");
        }
        assertThat(children).as("one daughter, born from the recorded delivery").isEqualTo(1);
        var list = doctor.get("/api/pregnancies?womanId=" + woman).body();
        assertThat(list.size()).isEqualTo(1);
        String id = list.get(0).path("id").asText();
        var p = doctor.get("/api/pregnancies/" + id);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.at("/contacts").size()).isGreaterThanOrEqualTo(4);
        assertThat(p.at("/gradings").size()).isGreaterThanOrEqualTo(5);
        assertThat(p.at("/gradings").findValuesAsText("colour")).as("graded yellow in pregnancy (anaemia, hypertension)").contains("YELLOW");
        assertThat(p.text("/delivery/newborns/0/childId")).isNotBlank();
        assertThat(p.at("/postpartumVisits").size()).isEqualTo(2);
        UUID referral = jdbc.sql("select id from referral where pregnancy_id = ?").param(UUID.fromString(id)).query(UUID.class).single();
        var r = doctor.get("/api/referrals/" + referral);
        assertThat(r.status()).as("her referral opens: " + r).isEqualTo(200);
        assertThat(r.text("/toInstitutionCode")).isEqualTo("CQHCWC");
    }
}
