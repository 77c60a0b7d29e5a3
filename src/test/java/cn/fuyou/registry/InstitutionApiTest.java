package cn.fuyou.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 2 §3 (institutions, designations, alliance, history) and spec/network.md. */
public class InstitutionApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> WRITABLE = java.util.Set.of("nameZh", "nameEn", "areaCode", "zoneCode", "level",
            "type", "designations", "serviceAreas", "alliance", "version");

    /** The edit form's body: the writable fields of what was read (read-only fields are refused as unknown). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> editable(com.fasterxml.jackson.databind.JsonNode read) {
        Map<String, Object> all = JSON.convertValue(read, Map.class);
        all.keySet().retainAll(WRITABLE);
        return all;
    }

    @Test
    @DisplayName("network.md: all 38 districts/counties, Liangjiang as a zone, Guizhou and Sichuan")
    void areas() {
        var areas = signIn("cqfy-doctor").get("/api/areas").body();
        long districts = 0;
        for (var a : areas) {
            if ("500000".equals(a.path("parentCode").asText()) && a.path("kind").asText().matches("DISTRICT|COUNTY")) districts++;
        }
        assertThat(districts).isEqualTo(38);
        assertThat(areas.findValuesAsText("code")).contains("LJXQ", "520000", "510000", "500243");
    }

    @Test
    @DisplayName("network.md: CQHCWC receives Jiangbei, Hechuan, Tongnan, Chengkou and Liangjiang New Area")
    void cqhcwc() {
        var c = signIn("cqfy-doctor").get("/api/institutions/CQHCWC");
        assertThat(c.body().at("/serviceAreas").toString()).contains("500105", "500117", "500152", "500229", "LJXQ");
        assertThat(c.body().at("/designations").toString()).contains("CRITICAL_MATERNAL_CARE_CENTRE", "ART_CENTRE");
        assertThat(c.at("/level").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("demo network: six critical maternal care centres cover each Chongqing district exactly once; 49 alliance members")
    void centresAndAlliance() {
        ApiClient c = signIn("admin");
        var centres = c.get("/api/institutions?designation=CRITICAL_MATERNAL_CARE_CENTRE&size=50");
        assertThat(centres.at("/total").asInt()).isEqualTo(6);
        var covered = new java.util.ArrayList<String>();
        centres.at("/items").forEach(i -> i.at("/serviceAreas").forEach(a -> covered.add(a.asText())));
        assertThat(covered).filteredOn(a -> a.startsWith("500")).hasSize(38).doesNotHaveDuplicates();
        assertThat(c.get("/api/stats/network").at("/allianceMembers").asInt()).isEqualTo(49);
    }

    @Test
    @DisplayName("directory filters: by area (with descendants), by zone, by type and level; paged")
    void filters() {
        ApiClient c = signIn("cqfy-doctor");
        var hechuan = c.get("/api/institutions?area=500117&size=50");
        assertThat(hechuan.body().at("/items").findValuesAsText("areaCode")).isNotEmpty().allMatch("500117"::equals);
        var zone = c.get("/api/institutions?area=LJXQ");
        assertThat(zone.body().at("/items").findValuesAsText("code")).contains("CQHCWC");
        var guizhou = c.get("/api/institutions?area=520000&size=50");
        assertThat(guizhou.at("/total").asInt()).isEqualTo(8);
        var nurseries = c.get("/api/institutions?type=NURSERY&level=1");
        assertThat(nurseries.at("/total").asInt()).isEqualTo(10);
        assertThat(c.get("/api/institutions?area=nowhere").status()).isEqualTo(400);
        assertThat(c.get("/api/institutions?level=x").text("/errors/0/field")).isEqualTo("level");
    }

    @Test
    @DisplayName("an admin edits with the version read; a stale version is 409; each version is kept in history")
    void editWithHistory() {
        ApiClient admin = signIn("admin");
        var current = admin.get("/api/institutions/NUR-3");
        Map<String, Object> body = editable(current.body());
        body.put("nameEn", "Shapingba Sunflower Nursery");
        var saved = admin.put("/api/institutions/NUR-3", body);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.at("/version").asLong()).isEqualTo(current.at("/version").asLong() + 1);

        body.put("nameEn", "stale write");
        var stale = admin.put("/api/institutions/NUR-3", body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(admin.get("/api/institutions/NUR-3").text("/nameEn")).isEqualTo("Shapingba Sunflower Nursery");

        var history = admin.get("/api/institutions/NUR-3/history").body();
        assertThat(history.size()).isGreaterThanOrEqualTo(2);
        assertThat(history.get(0).at("/snapshot/nameEn").asText()).isEqualTo("Shapingba Sunflower Nursery");
    }

    @Test
    @DisplayName("an institution admin may edit only her own institution")
    void institutionAdminScope() {
        ApiClient cqAdmin = signIn("cqfy-admin");
        Map<String, Object> other = editable(cqAdmin.get("/api/institutions/NUR-1").body());
        assertThat(cqAdmin.put("/api/institutions/NUR-1", other).status()).isEqualTo(403);
        Map<String, Object> own = editable(cqAdmin.get("/api/institutions/CQHCWC").body());
        own.put("level", 7);
        var bad = cqAdmin.put("/api/institutions/CQHCWC", own);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("level");
    }
}
