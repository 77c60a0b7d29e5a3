package cn.fuyou.criticalcare;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The WHO near-miss checklist as the form and the calculator send it (clinical-rules.md §6); all optional. */
public record Checklist(List<String> findings, BigDecimal ph, BigDecimal lactateMmolL, BigDecimal respiratoryRate,
                        BigDecimal minutesSpo2Below90, BigDecimal pao2Fio2, BigDecimal creatinineUmolL, BigDecimal plateletsE9L,
                        BigDecimal transfusionUnits, BigDecimal bilirubinUmolL, BigDecimal unconsciousHours) {

    public static final Checklist EMPTY = new Checklist(List.of(), null, null, null, null, null, null, null, null, null, null);

    public List<String> findingsOrEmpty() {
        return findings == null ? List.of() : findings;
    }

    /** The measured values by field name, absent ones left out. */
    public Map<String, BigDecimal> values() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        put(m, "ph", ph);
        put(m, "lactateMmolL", lactateMmolL);
        put(m, "respiratoryRate", respiratoryRate);
        put(m, "minutesSpo2Below90", minutesSpo2Below90);
        put(m, "pao2Fio2", pao2Fio2);
        put(m, "creatinineUmolL", creatinineUmolL);
        put(m, "plateletsE9L", plateletsE9L);
        put(m, "transfusionUnits", transfusionUnits);
        put(m, "bilirubinUmolL", bilirubinUmolL);
        put(m, "unconsciousHours", unconsciousHours);
        return m;
    }

    private static void put(Map<String, BigDecimal> m, String k, BigDecimal v) {
        if (v != null) m.put(k, v);
    }

    public NearMissInputs inputs(NearMissInputs.Outcome outcome) {
        return new NearMissInputs(findingsOrEmpty(), values(), outcome);
    }
}
