package cn.fuyou.births;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deliveries recorded through the maternal API, as a midwife would: the births this module then accounts for. */
public final class BirthFixture {

    private BirthFixture() {}

    /** A woman registered and delivered {@code hoursAgo} hours ago of {@code babies} live-born babies; returns the children's ids. */
    public static List<String> deliver(ApiClient c, String given, int babies, int hoursAgo, boolean nicu) {
        var w = c.post("/api/persons", PersonApiTest.woman("柏", given, null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        Map<String, Object> reg = new HashMap<>();
        reg.put("womanId", w.text("/id"));
        reg.put("gravida", 1);
        reg.put("para", 0);
        reg.put("registeredOn", LocalDate.now(ChinaTime.ZONE).minusDays(60).toString());
        reg.put("lmp", LocalDate.now(ChinaTime.ZONE).minusDays(276).toString());
        reg.put("heightCm", 160);
        reg.put("prePregnancyWeightKg", 55);
        var p = c.post("/api/pregnancies", reg);
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < babies; i++) {
            Map<String, Object> b = new HashMap<>(Map.of("sex", i % 2 == 0 ? "F" : "M", "weightG", 3100 + i * 10, "lengthCm", 50,
                    "headCircumferenceCm", 34, "apgar1", 9, "apgar5", 10, "liveBorn", true, "nicuTransfer", nicu));
            list.add(b);
        }
        var d = c.post("/api/pregnancies/" + p.text("/id") + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(hoursAgo).withNano(0).toString(),
                "mode", "VAGINAL", "bloodLossMl", 250, "maternalCondition", "GOOD", "babies", list));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        List<String> children = new ArrayList<>();
        for (JsonNode n : d.at("/delivery/newborns")) children.add(n.path("childId").asText());
        return children;
    }
}
