package cn.fuyou.art;

import cn.fuyou.reporting.IndicatorCatalogue;
import cn.fuyou.reporting.IndicatorPrecision;
import cn.fuyou.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ICMART outcome counting, exactly as clinical-rules.md §8 "Counting, exactly" says: what each cycle
 * counts in ({@link #measuresOf}) and the {@code ART_*} rates over a cohort ({@link #count}). Pure (no
 * Spring): the same class counts the centre's own cycles (indicator facts, the outcomes page) and any
 * extract sent to the public calculator, so the two can never disagree.
 */
public final class ArtOutcomeCounting {

    /** Stored with every counted result (the cycle's facts, the outcomes page). */
    public static final String VERSION = "clinical-rules.md§8/ICMART-2017/CDC-2019@1";

    /** The largest extract the calculator takes in one request. */
    public static final int MAX_CYCLES = 20_000;
    public static final int MIN_AGE = 15;
    public static final int MAX_AGE = 60;
    public static final int MAX_COUNT = 12;

    private ArtOutcomeCounting() {}

    /** §8: a live birth is a birth at ≥ 22 completed weeks of gestation. */
    public static final int LIVE_BIRTH_FROM_DAYS = 22 * 7;

    /**
     * The cycle's outcome from her delivery: a birth before 22 completed weeks is a pregnancy loss
     * (MISCARRIAGE), whatever the baby's signs of life, so it is never a delivery of the rates; from 22
     * weeks a live-born baby makes a LIVE_BIRTH, none a STILLBIRTH.
     */
    public static String deliveryOutcome(int gestationalAgeDays, int liveBorn) {
        if (gestationalAgeDays < LIVE_BIRTH_FROM_DAYS) return "MISCARRIAGE";
        return liveBorn > 0 ? "LIVE_BIRTH" : "STILLBIRTH";
    }

    /** FRESH: stimulation started with the intention of oocyte retrieval; FROZEN: a thaw cycle using an earlier retrieval's embryos. */
    public enum Kind { FRESH, FROZEN }

    /** CDC age bands since 2019, by the woman's age in completed years at the start of the cycle. */
    public enum AgeBand {
        UNDER_35("<35"), FROM_35_TO_37("35-37"), FROM_38_TO_40("38-40"), OVER_40(">40");

        private final String label;

        AgeBand(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static AgeBand of(int age) {
            if (age < 35) return UNDER_35;
            if (age <= 37) return FROM_35_TO_37;
            if (age <= 40) return FROM_38_TO_40;
            return OVER_40;
        }
    }

    /** The label of the group of every age band. */
    public static final String ALL = "ALL";

    /** The populations the rates divide; each cycle counts once in a measure, except embryos and sacs (counted by number). */
    public enum Measure {
        ART_CYCLE, ART_FRESH_CYCLE, ART_RETRIEVAL, ART_TRANSFER, ART_CLINICAL_PREGNANCY, ART_CLINICAL_PREGNANCY_OF_RETRIEVAL,
        ART_DELIVERY, ART_DELIVERY_OF_RETRIEVAL, ART_CUMULATIVE_DELIVERY, ART_MULTIPLE_DELIVERY, ART_OHSS_CYCLE,
        ART_EMBRYO_TRANSFERRED, ART_GESTATIONAL_SAC
    }

    /**
     * One {@code ART_*} indicator: numerator measure ÷ denominator measure × multiplier, to {@code precision} decimals —
     * the multiplier and precision as {@code indicators/art.json} declares them, the same the statistics pages use.
     */
    public record Definition(String code, Measure numerator, Measure denominator, long multiplier, int precision) {}

    /** This module's catalogue file, read once: where each rate's multiplier and precision are declared. */
    private static final IndicatorCatalogue DECLARED = IndicatorCatalogue.merge(List.of(IndicatorCatalogue.readResource("/indicators/art.json")));

    /** §8: every ART_* code of indicators.md, in the order they are shown. */
    public static final List<Definition> INDICATORS = List.of(
            define("ART_CPR_PER_CYCLE", Measure.ART_CLINICAL_PREGNANCY, Measure.ART_CYCLE),
            define("ART_CPR_PER_RETRIEVAL", Measure.ART_CLINICAL_PREGNANCY_OF_RETRIEVAL, Measure.ART_RETRIEVAL),
            define("ART_CPR_PER_TRANSFER", Measure.ART_CLINICAL_PREGNANCY, Measure.ART_TRANSFER),
            define("ART_LBR_PER_CYCLE", Measure.ART_DELIVERY, Measure.ART_CYCLE),
            define("ART_LBR_PER_RETRIEVAL", Measure.ART_DELIVERY_OF_RETRIEVAL, Measure.ART_RETRIEVAL),
            define("ART_LBR_PER_TRANSFER", Measure.ART_DELIVERY, Measure.ART_TRANSFER),
            define("ART_CUMULATIVE_LBR", Measure.ART_CUMULATIVE_DELIVERY, Measure.ART_FRESH_CYCLE),
            define("ART_IMPLANTATION", Measure.ART_GESTATIONAL_SAC, Measure.ART_EMBRYO_TRANSFERRED),
            define("ART_MULTIPLE", Measure.ART_MULTIPLE_DELIVERY, Measure.ART_DELIVERY),
            define("ART_OHSS", Measure.ART_OHSS_CYCLE, Measure.ART_FRESH_CYCLE));

    private static Definition define(String code, Measure numerator, Measure denominator) {
        IndicatorCatalogue.Indicator declared = DECLARED.indicator(code)
                .orElseThrow(() -> new IllegalStateException("indicators/art.json does not declare " + code));
        return new Definition(code, numerator, denominator, declared.multiplier(), declared.precision());
    }

    /**
     * One cycle as an extract gives it (the calculator's request element). {@code kind} FRESH or FROZEN;
     * {@code retrieved} for FRESH cycles; {@code retrievalOf} for FROZEN ones (the id of the FRESH cycle
     * whose embryos it used); {@code babiesBorn} live-born babies of the delivery; {@code ohss} FRESH only.
     * Missing counts are 0 and missing flags false.
     */
    public record Cycle(String id, String kind, Integer ageAtStart, Boolean retrieved, String retrievalOf, Integer embryosTransferred,
                        Integer gestationalSacs, Boolean clinicalPregnancy, Boolean delivery, Integer babiesBorn, Boolean ohss) {

        public Kind kindValue() {
            return Kind.valueOf(kind);
        }

        public boolean wasRetrieved() { return Boolean.TRUE.equals(retrieved); }
        public int embryos() { return embryosTransferred == null ? 0 : embryosTransferred; }
        public int sacs() { return gestationalSacs == null ? 0 : gestationalSacs; }
        public boolean pregnant() { return Boolean.TRUE.equals(clinicalPregnancy); }
        public boolean delivered() { return Boolean.TRUE.equals(delivery); }
        public int babies() { return babiesBorn == null ? 0 : babiesBorn; }
        public boolean hadOhss() { return Boolean.TRUE.equals(ohss); }
    }

    /**
     * §8: a clinical pregnancy is ≥1 gestational sac on ultrasound or definitive clinical signs, and
     * includes a documented ectopic pregnancy.
     */
    public static boolean isClinicalPregnancy(int gestationalSacs, boolean ectopic, boolean definitiveClinicalSigns) {
        return gestationalSacs >= 1 || ectopic || definitiveClinicalSigns;
    }

    /**
     * The measures one (valid) cycle counts in. {@code retrievalLedToDelivery} is for a FRESH cycle: whether
     * its own transfer or any FROZEN cycle using its embryos led to a delivery (§8 cumulative rate).
     */
    public static Map<Measure, Integer> measuresOf(Cycle c, boolean retrievalLedToDelivery) {
        Map<Measure, Integer> m = new EnumMap<>(Measure.class);
        boolean fresh = c.kindValue() == Kind.FRESH;
        boolean retrieval = fresh && c.wasRetrieved();
        m.put(Measure.ART_CYCLE, 1);
        if (fresh) m.put(Measure.ART_FRESH_CYCLE, 1);
        if (retrieval) m.put(Measure.ART_RETRIEVAL, 1);
        if (c.embryos() >= 1) {
            m.put(Measure.ART_TRANSFER, 1);
            m.put(Measure.ART_EMBRYO_TRANSFERRED, c.embryos());
        }
        if (c.sacs() >= 1) m.put(Measure.ART_GESTATIONAL_SAC, c.sacs());
        if (c.pregnant()) {
            m.put(Measure.ART_CLINICAL_PREGNANCY, 1);
            if (retrieval) m.put(Measure.ART_CLINICAL_PREGNANCY_OF_RETRIEVAL, 1);
        }
        if (c.delivered()) { // a delivery counts once whatever the number of babies
            m.put(Measure.ART_DELIVERY, 1);
            if (retrieval) m.put(Measure.ART_DELIVERY_OF_RETRIEVAL, 1);
            if (c.babies() >= 2) m.put(Measure.ART_MULTIPLE_DELIVERY, 1);
        }
        if (fresh && (retrievalLedToDelivery || c.delivered())) m.put(Measure.ART_CUMULATIVE_DELIVERY, 1);
        if (fresh && c.hadOhss()) m.put(Measure.ART_OHSS_CYCLE, 1);
        return m;
    }

    /** The summed measures of a group and its rates. */
    public record Group(String ageBand, Map<Measure, Long> counts, Map<String, BigDecimal> rates) {
        public long count(Measure m) {
            return counts.getOrDefault(m, 0L);
        }
    }

    /**
     * The five groups (the four CDC age bands, then ALL), always all five, over a cohort. Validates the
     * cohort first: an impossible one is refused naming the field ({@code cycles[3].retrievalOf}).
     */
    public static List<Group> count(List<Cycle> cycles) {
        validate(cycles);
        Set<String> deliveredRetrievals = new HashSet<>();
        for (Cycle c : cycles) {
            if (!c.delivered()) continue;
            deliveredRetrievals.add(c.kindValue() == Kind.FRESH ? c.id() : c.retrievalOf());
        }
        List<Counted> counted = new ArrayList<>();
        for (Cycle c : cycles) {
            counted.add(new Counted(c.ageAtStart(), measuresOf(c, c.kindValue() == Kind.FRESH && deliveredRetrievals.contains(c.id()))));
        }
        return sum(counted);
    }

    /** One cycle's measures with the woman's age at its start. */
    public record Counted(int ageAtStart, Map<Measure, Integer> measures) {}

    /**
     * The five groups over cycles already counted (e.g. a year's cycles whose cumulative deliveries were
     * found among all the centre's cycles). The age band of every measure is the cycle's own; the
     * cumulative rate is counted on the FRESH cycle only, so it takes the age at the FRESH start (§8).
     */
    public static List<Group> sum(List<Counted> counted) {
        Map<String, Map<Measure, Long>> sums = new LinkedHashMap<>();
        for (AgeBand b : AgeBand.values()) sums.put(b.label(), new EnumMap<>(Measure.class));
        sums.put(ALL, new EnumMap<>(Measure.class));
        for (Counted c : counted) {
            for (String key : List.of(AgeBand.of(c.ageAtStart()).label(), ALL)) {
                Map<Measure, Long> s = sums.get(key);
                c.measures().forEach((measure, n) -> s.merge(measure, (long) n, Long::sum));
            }
        }
        List<Group> groups = new ArrayList<>();
        sums.forEach((band, s) -> groups.add(new Group(band, s, rates(s))));
        return groups;
    }

    /**
     * Every ART_* rate over summed measures, rounded by {@link IndicatorPrecision} to the declared precision (§8: percent,
     * half-up to 1 decimal); null when the denominator is 0.
     */
    public static Map<String, BigDecimal> rates(Map<Measure, Long> counts) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (Definition d : INDICATORS) {
            rates.put(d.code(), IndicatorPrecision.value(counts.getOrDefault(d.numerator(), 0L), counts.getOrDefault(d.denominator(), 0L),
                    d.multiplier(), d.precision()));
        }
        return rates;
    }

    /** Refuses an impossible cohort, naming the first offending field as {@code cycles[i].field}. */
    public static void validate(List<Cycle> cycles) {
        if (cycles == null) throw new InvalidFieldException("cycles", "art.calc.cycles-required");
        if (cycles.size() > MAX_CYCLES) throw new InvalidFieldException("cycles", "art.calc.too-many", MAX_CYCLES);
        Map<String, Cycle> byId = new HashMap<>();
        for (int i = 0; i < cycles.size(); i++) {
            Cycle c = cycles.get(i);
            String at = "cycles[" + i + "]";
            if (c == null) throw new InvalidFieldException(at, "art.calc.cycle-required");
            if (c.id() == null || c.id().isBlank()) throw new InvalidFieldException(at + ".id", "art.calc.id-required");
            if (byId.putIfAbsent(c.id(), c) != null) throw new InvalidFieldException(at + ".id", "art.calc.id-duplicate", c.id());
        }
        for (int i = 0; i < cycles.size(); i++) {
            Cycle c = cycles.get(i);
            String at = "cycles[" + i + "].";
            if (c.kind() == null || !(c.kind().equals("FRESH") || c.kind().equals("FROZEN"))) {
                throw new InvalidFieldException(at + "kind", "art.calc.kind");
            }
            if (c.ageAtStart() == null || c.ageAtStart() < MIN_AGE || c.ageAtStart() > MAX_AGE) {
                throw new InvalidFieldException(at + "ageAtStart", "art.calc.age", MIN_AGE, MAX_AGE);
            }
            count(at + "embryosTransferred", c.embryosTransferred());
            count(at + "gestationalSacs", c.gestationalSacs());
            count(at + "babiesBorn", c.babiesBorn());
            if (c.kindValue() == Kind.FRESH) {
                if (c.retrieved() == null) throw new InvalidFieldException(at + "retrieved", "art.calc.retrieved-required");
                if (c.retrievalOf() != null) throw new InvalidFieldException(at + "retrievalOf", "art.calc.fresh-retrieval-of");
                if (!c.wasRetrieved() && c.embryos() > 0) {
                    throw new InvalidFieldException(at + "embryosTransferred", "art.calc.transfer-without-retrieval");
                }
            } else {
                if (c.wasRetrieved()) throw new InvalidFieldException(at + "retrieved", "art.calc.frozen-retrieved");
                if (c.hadOhss()) throw new InvalidFieldException(at + "ohss", "art.calc.ohss-fresh-only");
                if (c.retrievalOf() == null || c.retrievalOf().isBlank()) {
                    throw new InvalidFieldException(at + "retrievalOf", "art.calc.retrieval-required");
                }
                Cycle source = byId.get(c.retrievalOf());
                if (source == null) throw new InvalidFieldException(at + "retrievalOf", "art.calc.retrieval-unknown", c.retrievalOf());
                if (!"FRESH".equals(source.kind()) || !source.wasRetrieved()) {
                    throw new InvalidFieldException(at + "retrievalOf", "art.calc.retrieval-not-retrieval", c.retrievalOf());
                }
            }
            if (c.sacs() > 0 && c.embryos() == 0) throw new InvalidFieldException(at + "gestationalSacs", "art.calc.sacs-without-transfer");
            if (c.pregnant() && c.embryos() == 0) {
                throw new InvalidFieldException(at + "clinicalPregnancy", "art.calc.pregnancy-without-transfer");
            }
            if (c.sacs() > 0 && !c.pregnant()) throw new InvalidFieldException(at + "clinicalPregnancy", "art.calc.sacs-not-pregnant");
            if (c.delivered() && !c.pregnant()) throw new InvalidFieldException(at + "delivery", "art.calc.delivery-without-pregnancy");
            if (c.delivered() && c.babies() < 1) throw new InvalidFieldException(at + "babiesBorn", "art.calc.delivery-without-baby");
            if (!c.delivered() && c.babies() > 0) throw new InvalidFieldException(at + "babiesBorn", "art.calc.babies-without-delivery");
        }
    }

    private static void count(String field, Integer n) {
        if (n == null) return;
        if (n < 0) throw new InvalidFieldException(field, "art.calc.negative");
        if (n > MAX_COUNT) throw new InvalidFieldException(field, "art.calc.too-large", MAX_COUNT);
    }
}
