package cn.fuyou.maternal.internal;

import cn.fuyou.reporting.IndicatorFact;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a delivered pregnancy contributes to the indicator catalogue ({@code indicators/maternal.json}),
 * as a pure function of the record: the woman's facts (source {@code pregnancy}) and each baby's
 * (source {@code newborn}), all dated by the delivery date, placed in her area of residence (else
 * the delivering institution's) and split by the highest colour she was graded before delivery.
 * Definitions: indicators.md, clinical-rules.md §6 (live birth ≥ 28+0 weeks with any sign of life).
 */
public final class DeliveryFacts {

    /** 28+0 weeks: a birth below it is not a live birth / perinatal birth in the statistics. */
    public static final int PERINATAL_FROM_DAYS = 28 * 7;
    /** 37+0 weeks: term. */
    public static final int TERM_FROM_DAYS = 37 * 7;

    private DeliveryFacts() {}

    public record Contact(LocalDate date, int gaDays, boolean hivTested, boolean syphilisTested, boolean hbsagTested) {}

    public record Baby(UUID newbornId, UUID childId, boolean liveBorn, int weightG, Integer apgar5) {}

    public record Postpartum(String kind, LocalDate date) {}

    /**
     * @param colour          GREEN/YELLOW/ORANGE/RED/PURPLE — highest graded before delivery, or null if never graded
     * @param registeredGaDays gestational age at registration
     * @param hospital        delivered at a hospital (MCH, general or children's hospital)
     * @param areaCode        where she is counted: residence, else the delivering institution's area
     */
    public record Delivered(UUID pregnancyId, UUID womanId, int para, int registeredGaDays, String colour,
                            List<Contact> contacts, LocalDate deliveryDate, int gaDays, String mode, Integer bloodLossMl,
                            List<String> complications, String maternalCondition, LocalDate dischargedOn, List<Baby> babies,
                            List<Postpartum> postpartum, String institutionCode, boolean hospital, String areaCode) {}

    /** source kind → source id → facts. Every source is present (with an empty list when it counts nowhere). */
    public static Map<String, Map<UUID, List<IndicatorFact>>> of(Delivered d, int postpartumVisitDays) {
        Map<UUID, List<IndicatorFact>> woman = new LinkedHashMap<>(), babies = new LinkedHashMap<>();
        List<IndicatorFact> w = new ArrayList<>();
        woman.put(d.pregnancyId(), w);
        boolean perinatal = d.gaDays() >= PERINATAL_FROM_DAYS;
        boolean caesarean = "CAESAREAN".equals(d.mode());
        int liveBirths = 0;
        for (Baby b : d.babies()) {
            List<IndicatorFact> f = new ArrayList<>();
            babies.put(b.newbornId(), f);
            if (!perinatal) continue;
            if (b.liveBorn()) {
                liveBirths++;
                UUID child = b.childId() != null ? b.childId() : d.womanId();
                f.add(fact("LIVE_BIRTH", child, d));
                f.add(fact("PERINATAL_BIRTH", child, d));
                if (d.hospital()) f.add(fact("HOSPITAL_LIVE_BIRTH", child, d));
                if (caesarean) f.add(fact("CAESAREAN_LIVE_BIRTH", child, d));
                if (b.weightG() < 2500) f.add(fact("LBW_LIVE_BIRTH", child, d));
                if (b.weightG() >= 4000) f.add(fact("MACROSOMIA_LIVE_BIRTH", child, d));
                if (d.gaDays() < TERM_FROM_DAYS) f.add(fact("PRETERM_LIVE_BIRTH", child, d));
                else {
                    f.add(fact("TERM_LIVE_BIRTH", child, d));
                    if (b.apgar5() != null && b.apgar5() < 7) f.add(fact("TERM_APGAR5_LT7_BIRTH", child, d));
                }
            } else {
                f.add(fact("STILLBIRTH", d.womanId(), d));
                f.add(fact("PERINATAL_BIRTH", d.womanId(), d));
                f.add(fact("PERINATAL_DEATH", d.womanId(), d));
            }
        }
        // MATERNAL_DEATH is the criticalcare module's (from the maternal death report, coincidental causes excluded).
        if (perinatal || liveBirths > 0) {
            w.add(fact("WOMAN_DELIVERED", d.womanId(), d));
            if (d.para() == 0) w.add(fact("WOMAN_DELIVERED_PRIMIPAROUS", d.womanId(), d));
            if (caesarean) w.add(fact("CAESAREAN_DELIVERY", d.womanId(), d));
            if (caesarean && d.para() == 0) w.add(fact("CAESAREAN_DELIVERY_PRIMIPAROUS", d.womanId(), d));
            if (d.colour() != null && List.of("ORANGE", "RED", "PURPLE").contains(d.colour())) w.add(fact("HIGH_RISK_DELIVERED", d.womanId(), d));
            if (d.hospital()) w.add(fact("HOSPITAL_DELIVERED_WOMAN", d.womanId(), d));
            if (d.contacts().stream().anyMatch(Contact::hivTested)) w.add(fact("HIV_TESTED_WOMAN", d.womanId(), d));
            if (d.contacts().stream().anyMatch(Contact::syphilisTested)) w.add(fact("SYPHILIS_TESTED_WOMAN", d.womanId(), d));
            if (d.contacts().stream().anyMatch(Contact::hbsagTested)) w.add(fact("HBSAG_TESTED_WOMAN", d.womanId(), d));
            if (d.bloodLossMl() != null && d.bloodLossMl() >= 1000) w.add(fact("SEVERE_PPH_WOMAN", d.womanId(), d));
            if (d.complications().contains("HYSTERECTOMY")) w.add(fact("HYSTERECTOMY_WOMAN", d.womanId(), d));
        }
        if (liveBirths > 0) {
            // Checks before the day of delivery: a contact on admission for labour is not antenatal care.
            long checks = d.contacts().stream().filter(c -> c.date().isBefore(d.deliveryDate())).count();
            boolean early = d.registeredGaDays() < 13 * 7
                    && d.contacts().stream().anyMatch(c -> c.gaDays() < 13 * 7 && c.date().isBefore(d.deliveryDate()));
            LocalDate discharged = d.dischargedOn() != null ? d.dischargedOn() : d.deliveryDate();
            boolean visited = d.postpartum().stream().anyMatch(p -> "HOME_VISIT".equals(p.kind())
                    && !p.date().isBefore(d.deliveryDate()) && ChronoUnit.DAYS.between(discharged, p.date()) <= postpartumVisitDays);
            if (checks >= 1) w.add(fact("ANC1_WOMAN", d.womanId(), d));
            if (checks >= 5) w.add(fact("ANC5_WOMAN", d.womanId(), d));
            if (early) w.add(fact("EARLY_REGISTERED", d.womanId(), d));
            if (visited) w.add(fact("POSTPARTUM_VISITED", d.womanId(), d));
            if (early && checks >= 5 && d.hospital() && visited) w.add(fact("SYSTEMATIC_MGMT_WOMAN", d.womanId(), d));
        }
        Map<String, Map<UUID, List<IndicatorFact>>> result = new LinkedHashMap<>();
        result.put("pregnancy", woman);
        result.put("newborn", babies);
        return result;
    }

    private static IndicatorFact fact(String measure, UUID person, Delivered d) {
        return new IndicatorFact(measure, person, d.institutionCode(), d.areaCode(), d.deliveryDate(), d.colour());
    }
}
