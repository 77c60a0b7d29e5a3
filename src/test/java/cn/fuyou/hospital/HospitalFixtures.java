package cn.fuyou.hospital;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Real records through the real API: a preterm newborn delivered at a delivery hospital. */
public final class HospitalFixtures {

    private HospitalFixtures() {}

    /** A 31+0-week, 1,450 g girl born three hours ago at the caller's institution; returns her person id. */
    public static String pretermNewborn(ApiClient deliveryRoom, String family) {
        var w = deliveryRoom.post("/api/persons", PersonApiTest.woman(family, "晓燕", null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        var p = deliveryRoom.post("/api/pregnancies", Map.of("womanId", w.text("/id"), "gravida", 1, "para", 0,
                "lmp", LocalDate.now(ZoneOffset.ofHours(8)).minusDays(31 * 7).toString()));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        Map<String, Object> baby = new HashMap<>(Map.of("sex", "F", "weightG", 1450, "lengthCm", 40, "headCircumferenceCm", 28,
                "apgar1", 5, "apgar5", 7, "liveBorn", true, "nicuTransfer", true));
        var d = deliveryRoom.post("/api/pregnancies/" + p.text("/id") + "/delivery", Map.of(
                "deliveredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).toString(), "mode", "CAESAREAN",
                "caesareanIndication", "重度子痫前期", "bloodLossMl", 400, "maternalCondition", "GOOD", "babies", List.of(baby)));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        return d.text("/delivery/newborns/0/childId");
    }

    /** A child registered by the hospital itself (so that its staff may see her). */
    public static String childAtHospital(ApiClient hospital, String family, String given) {
        Map<String, Object> f = PersonApiTest.woman(family, given, null);
        f.put("birthDate", LocalDate.now(ChinaTime.ZONE).minusDays(2 + (long) (Math.random() * 200)).toString());
        f.put("idType", "PASSPORT");
        f.put("nationality", "CN");
        f.put("idNumber", "E" + (10_000_000 + (long) (Math.random() * 89_999_999)));
        var r = hospital.post("/api/persons", f);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }
}
