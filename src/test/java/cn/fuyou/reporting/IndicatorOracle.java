package cn.fuyou.reporting;

import cn.fuyou.demoyear.DemoYear;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected counts of every measure, computed from the generator's own ground truth with the
 * definitions of indicators.md read directly (never from the database, never via DeliveryFacts).
 */
final class IndicatorOracle {

    /**
     * The measures the generator writes (and this oracle computes). Indicators over other measures — those of modules
     * the demo year does not generate (near-misses, NICU, ART, defects, training …) — are tested by their own modules.
     */
    static final Set<String> GENERATED = Set.of("LIVE_BIRTH", "HOSPITAL_LIVE_BIRTH", "CAESAREAN_LIVE_BIRTH", "LBW_LIVE_BIRTH",
            "MACROSOMIA_LIVE_BIRTH", "PRETERM_LIVE_BIRTH", "TERM_LIVE_BIRTH", "TERM_APGAR5_LT7_BIRTH", "STILLBIRTH", "PERINATAL_BIRTH",
            "PERINATAL_DEATH", "WOMAN_DELIVERED", "WOMAN_DELIVERED_PRIMIPAROUS", "CAESAREAN_DELIVERY", "CAESAREAN_DELIVERY_PRIMIPAROUS",
            "HIGH_RISK_DELIVERED", "HOSPITAL_DELIVERED_WOMAN", "HIV_TESTED_WOMAN", "SYPHILIS_TESTED_WOMAN", "HBSAG_TESTED_WOMAN",
            "SEVERE_PPH_WOMAN", "HYSTERECTOMY_WOMAN", "ANC1_WOMAN", "ANC5_WOMAN", "EARLY_REGISTERED", "POSTPARTUM_VISITED",
            "SYSTEMATIC_MGMT_WOMAN", "NEWBORN_VISITED", "CHILD_U5_MEASURED", "U5_UNDERWEIGHT_CHILD", "U5_STUNTED_CHILD", "U5_WASTED_CHILD",
            "U5_OVERWEIGHT_CHILD", "CHILD_U5_HB_TESTED", "U5_ANAEMIC_CHILD", "CHILD_DEATH_EARLY_NEONATAL", "CHILD_DEATH_NEONATAL",
            "CHILD_DEATH_INFANT", "CHILD_DEATH_UNDER5", "MATERNAL_DEATH_REPORTED", "SEVERE_MATERNAL_OUTCOME");

    private final DemoYear.Result truth;

    IndicatorOracle(DemoYear.Result truth) {
        this.truth = truth;
    }

    Map<String, Long> counts(Set<String> units, LocalDate from, LocalDate to) {
        Map<String, Long> c = new HashMap<>();
        for (DemoYear.Delivered d : truth.deliveries()) {
            if (!units.contains(d.area()) || d.deliveryDate().isBefore(from) || d.deliveryDate().isAfter(to)) continue;
            boolean ge28 = d.gaDays() >= 196;
            long live = ge28 ? d.babies().stream().filter(DemoYear.Baby::liveBorn).count() : 0;
            long still = ge28 ? d.babies().stream().filter(b -> !b.liveBorn()).count() : 0;
            boolean caesarean = d.mode().equals("CAESAREAN");
            add(c, "LIVE_BIRTH", live);
            add(c, "STILLBIRTH", still);
            add(c, "PERINATAL_BIRTH", live + still);
            add(c, "PERINATAL_DEATH", still);
            if (d.hospital()) add(c, "HOSPITAL_LIVE_BIRTH", live);
            if (caesarean) add(c, "CAESAREAN_LIVE_BIRTH", live);
            for (DemoYear.Baby b : d.babies()) {
                if (!ge28 || !b.liveBorn()) continue;
                if (b.weightG() < 2500) add(c, "LBW_LIVE_BIRTH", 1);
                if (b.weightG() >= 4000) add(c, "MACROSOMIA_LIVE_BIRTH", 1);
                if (d.gaDays() <= 36 * 7 + 6) add(c, "PRETERM_LIVE_BIRTH", 1);
                else {
                    add(c, "TERM_LIVE_BIRTH", 1);
                    if (b.apgar5() < 7) add(c, "TERM_APGAR5_LT7_BIRTH", 1);
                }
            }
            if (d.died()) {
                // criticalcare.json: a maternal death report card, opened by the death at delivery, dated by the death
                add(c, "MATERNAL_DEATH_REPORTED", 1);
                add(c, "SEVERE_MATERNAL_OUTCOME", 1);
            }
            if (ge28 || live > 0) {
                add(c, "WOMAN_DELIVERED", 1);
                if (d.para() == 0) add(c, "WOMAN_DELIVERED_PRIMIPAROUS", 1);
                if (caesarean) add(c, "CAESAREAN_DELIVERY", 1);
                if (caesarean && d.para() == 0) add(c, "CAESAREAN_DELIVERY_PRIMIPAROUS", 1);
                if (Set.of("ORANGE", "RED", "PURPLE").contains(d.colour())) add(c, "HIGH_RISK_DELIVERED", 1);
                if (d.hospital()) add(c, "HOSPITAL_DELIVERED_WOMAN", 1);
                boolean tested = d.contacts().stream().anyMatch(DemoYear.Contact::tested);
                if (tested) { add(c, "HIV_TESTED_WOMAN", 1); add(c, "SYPHILIS_TESTED_WOMAN", 1); add(c, "HBSAG_TESTED_WOMAN", 1); }
                if (d.bloodLossMl() >= 1000) add(c, "SEVERE_PPH_WOMAN", 1);
                if (d.hysterectomy()) add(c, "HYSTERECTOMY_WOMAN", 1);
            }
            if (live > 0) {
                // antenatal checks: contacts before the day of delivery (admission for labour excluded)
                long checks = d.contacts().stream().filter(x -> x.date().isBefore(d.deliveryDate())).count();
                boolean early = d.registeredGaDays() <= 90 && d.contacts().stream().anyMatch(x -> x.gaDays() <= 90);
                LocalDate discharged = d.dischargedOn() == null ? d.deliveryDate() : d.dischargedOn();
                boolean visited = d.homeVisit() != null && ChronoUnit.DAYS.between(discharged, d.homeVisit()) <= 7;
                if (checks >= 1) add(c, "ANC1_WOMAN", 1);
                if (checks >= 5) add(c, "ANC5_WOMAN", 1);
                if (early) add(c, "EARLY_REGISTERED", 1);
                if (visited) add(c, "POSTPARTUM_VISITED", 1);
                if (early && checks >= 5 && d.hospital() && visited) add(c, "SYSTEMATIC_MGMT_WOMAN", 1);
            }
        }
        for (DemoYear.Child ch : truth.children()) {
            if (!units.contains(ch.area())) continue;
            // indicators.md ENMR/NMR/IMR/U5MR: deaths within 7 days (age 0-6 days), 28 days (0-27), before 1 and 5 years,
            // dated by the day of death; PERINATAL_MR adds deaths within 7 days of a birth at >= 28 weeks, dated by the birth
            boolean counted = ch.birthGaDays() == null || ch.birthGaDays() >= 196;
            if (ch.diedOn() != null && counted) {
                long age = ChronoUnit.DAYS.between(ch.birthDate(), ch.diedOn());
                boolean inPeriod = !ch.diedOn().isBefore(from) && !ch.diedOn().isAfter(to);
                if (inPeriod && age < 7) add(c, "CHILD_DEATH_EARLY_NEONATAL", 1);
                if (inPeriod && age < 28) add(c, "CHILD_DEATH_NEONATAL", 1);
                if (inPeriod && ch.diedOn().isBefore(ch.birthDate().plusYears(1))) add(c, "CHILD_DEATH_INFANT", 1);
                if (inPeriod && ch.diedOn().isBefore(ch.birthDate().plusYears(5))) add(c, "CHILD_DEATH_UNDER5", 1);
                boolean bornInPeriod = !ch.birthDate().isBefore(from) && !ch.birthDate().isAfter(to);
                if (age < 7 && ch.birthGaDays() != null && bornInPeriod) add(c, "PERINATAL_DEATH", 1);
            }
            boolean newbornVisit = ch.visits().stream().anyMatch(v -> v.ageDays() <= 28);
            if (newbornVisit && !ch.birthDate().isBefore(from) && !ch.birthDate().isAfter(to)) add(c, "NEWBORN_VISITED", 1);
            // one growth record per statistical year: the year's last visit under 5
            Map<Integer, DemoYear.Visit> lastMeasured = new HashMap<>(), lastHb = new HashMap<>();
            for (DemoYear.Visit v : ch.visits()) {
                if (v.ageDays() >= 1826) continue;
                int y = v.date().getMonthValue() >= 10 ? v.date().getYear() + 1 : v.date().getYear();
                lastMeasured.merge(y, v, (a, b) -> b.date().isAfter(a.date()) ? b : a);
                if (v.hemoglobin() != null && v.ageDays() >= 183) lastHb.merge(y, v, (a, b) -> b.date().isAfter(a.date()) ? b : a);
            }
            for (DemoYear.Visit v : lastMeasured.values()) {
                if (v.date().isBefore(from) || v.date().isAfter(to)) continue;
                add(c, "CHILD_U5_MEASURED", 1);
                if (v.waz().compareTo(BigDecimal.valueOf(-2)) < 0) add(c, "U5_UNDERWEIGHT_CHILD", 1);
                if (v.lhaz().compareTo(BigDecimal.valueOf(-2)) < 0) add(c, "U5_STUNTED_CHILD", 1);
                if (v.whz().compareTo(BigDecimal.valueOf(-2)) < 0) add(c, "U5_WASTED_CHILD", 1);
                if (v.whz().compareTo(BigDecimal.valueOf(2)) > 0) add(c, "U5_OVERWEIGHT_CHILD", 1);
            }
            for (DemoYear.Visit v : lastHb.values()) {
                if (v.date().isBefore(from) || v.date().isAfter(to)) continue;
                add(c, "CHILD_U5_HB_TESTED", 1);
                if (v.hemoglobin().compareTo(BigDecimal.valueOf(110)) < 0) add(c, "U5_ANAEMIC_CHILD", 1);
            }
        }
        return c;
    }

    static List<String> allMeasures(IndicatorCatalogue cat) {
        return cat.measures().stream().map(IndicatorCatalogue.Measure::code).toList();
    }

    private static void add(Map<String, Long> c, String m, long n) {
        if (n != 0) c.merge(m, n, Long::sum);
    }
}
