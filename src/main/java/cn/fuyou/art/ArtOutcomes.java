package cn.fuyou.art;

import cn.fuyou.art.ArtOutcomeCounting.Measure;
import cn.fuyou.art.internal.ArtFactsWriter;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The centre's outcome statistics (issue 14 item 4): every ART_* rate by CDC age band, and by year, cycle
 * type and protocol, counted by {@link ArtOutcomeCounting} (the calculator's policy) over the centre's
 * cycles, with the denominators named, the cycles still awaiting an outcome, and the seed's headline
 * (clinical pregnancy > 60 %, live birth > 50 %, per transfer as the centre reports them). Aggregates only.
 */
@Service
public class ArtOutcomes {

    public static final BigDecimal HEADLINE_CPR = new BigDecimal("60");
    public static final BigDecimal HEADLINE_LBR = new BigDecimal("50");

    private final ArtFactsWriter cycles;
    private final Institutions institutions;

    ArtOutcomes(ArtFactsWriter cycles, Institutions institutions) {
        this.cycles = cycles;
        this.institutions = institutions;
    }

    public record Filter(Integer year, String cycleType, String protocol, String institutionCode) {}

    public record Counts(long initiatedCycles, long freshCycles, long retrievals, long transfers, long clinicalPregnancies,
                         long clinicalPregnanciesOfRetrievals, long deliveries, long deliveriesOfRetrievals, long cumulativeDeliveries,
                         long embryosTransferred, long gestationalSacs, long multipleDeliveries, long ohssCycles, long outcomePending) {}

    public record Group(String key, Counts counts, Map<String, BigDecimal> rates) {}

    public record Headline(BigDecimal cprPerTransfer, BigDecimal lbrPerTransfer, BigDecimal cprTarget, BigDecimal lbrTarget,
                           Boolean cprAbove, Boolean lbrAbove) {}

    public record Report(String countingVersion, Couples.InstitutionRef institution, Filter filter, List<Integer> years,
                         List<String> protocols, List<Group> byAgeBand, List<Group> byYear, List<Group> byCycleType, List<Group> byProtocol,
                         Headline headline, List<ArtOutcomeCounting.Definition> definitions) {}

    @Transactional(readOnly = true)
    public Report report(Filter f) {
        Actor actor = CurrentActor.get();
        Institution centre = scope(actor, f.institutionCode());
        if (f.cycleType() != null && !Set.of("IVF", "ICSI", "FET").contains(f.cycleType())) throw ApiException.badField("cycleType", "art.cycle.type");
        if (f.year() != null && (f.year() < 1990 || f.year() > 2200)) throw ApiException.badField("year", "art.range");
        List<ArtFactsWriter.Counted> all = cycles.loadAll(centre == null ? null : centre.id()).stream().filter(c -> c.cycle() != null).toList();
        // cumulative deliveries are found among all the centre's cycles: a frozen transfer of a later year counts for its retrieval
        Set<String> delivered = new HashSet<>();
        for (var c : all) {
            if (!c.cycle().delivered()) continue;
            delivered.add(c.cycle().kindValue() == ArtOutcomeCounting.Kind.FRESH ? c.cycle().id() : c.cycle().retrievalOf());
        }
        List<Row> rows = new ArrayList<>();
        for (var c : all) {
            boolean cumulative = c.cycle().kindValue() == ArtOutcomeCounting.Kind.FRESH && delivered.contains(c.cycle().id());
            rows.add(new Row(c, new ArtOutcomeCounting.Counted(c.cycle().ageAtStart(), ArtOutcomeCounting.measuresOf(c.cycle(), cumulative))));
        }
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<String> protocols = new TreeSet<>();
        rows.forEach(r -> {
            years.add(r.c().startedOn().getYear());
            protocols.add(r.c().protocol());
        });
        List<Row> filtered = rows.stream()
                .filter(r -> f.year() == null || r.c().startedOn().getYear() == f.year())
                .filter(r -> f.cycleType() == null || r.c().cycleType().equals(f.cycleType()))
                .filter(r -> f.protocol() == null || f.protocol().isBlank() || r.c().protocol().equals(f.protocol()))
                .toList();
        List<Group> byBand = new ArrayList<>();
        List<ArtOutcomeCounting.Group> groups = ArtOutcomeCounting.sum(filtered.stream().map(Row::counted).toList());
        for (ArtOutcomeCounting.Group g : groups) {
            long pending = filtered.stream().filter(r -> r.c().outcomePending()
                    && (g.ageBand().equals(ArtOutcomeCounting.ALL) || ArtOutcomeCounting.AgeBand.of(r.c().cycle().ageAtStart()).label().equals(g.ageBand())))
                    .count();
            byBand.add(new Group(g.ageBand(), counts(g, pending), g.rates()));
        }
        List<Group> byYear = split(rows.stream().filter(r -> f.cycleType() == null || r.c().cycleType().equals(f.cycleType()))
                .filter(r -> f.protocol() == null || f.protocol().isBlank() || r.c().protocol().equals(f.protocol())).toList(),
                r -> String.valueOf(r.c().startedOn().getYear()));
        List<Group> byType = split(rows.stream().filter(r -> f.year() == null || r.c().startedOn().getYear() == f.year()).toList(),
                r -> r.c().cycleType());
        List<Group> byProtocol = split(rows.stream().filter(r -> f.year() == null || r.c().startedOn().getYear() == f.year())
                .filter(r -> f.cycleType() == null || r.c().cycleType().equals(f.cycleType())).toList(), r -> r.c().protocol());
        Map<String, BigDecimal> allRates = groups.get(groups.size() - 1).rates();
        BigDecimal cpr = allRates.get("ART_CPR_PER_TRANSFER");
        BigDecimal lbr = allRates.get("ART_LBR_PER_TRANSFER");
        Headline headline = new Headline(cpr, lbr, HEADLINE_CPR, HEADLINE_LBR, cpr == null ? null : cpr.compareTo(HEADLINE_CPR) > 0,
                lbr == null ? null : lbr.compareTo(HEADLINE_LBR) > 0);
        return new Report(ArtOutcomeCounting.VERSION, centre == null ? null : new Couples.InstitutionRef(centre.code(), centre.nameZh(), centre.nameEn()),
                f, List.copyOf(years), List.copyOf(protocols), byBand, byYear, byType, byProtocol, headline, ArtOutcomeCounting.INDICATORS);
    }

    private record Row(ArtFactsWriter.Counted c, ArtOutcomeCounting.Counted counted) {}

    private static List<Group> split(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> by = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(key)).forEach(r -> by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Group> out = new ArrayList<>();
        by.forEach((k, list) -> {
            List<ArtOutcomeCounting.Group> g = ArtOutcomeCounting.sum(list.stream().map(Row::counted).toList());
            ArtOutcomeCounting.Group all = g.get(g.size() - 1);
            out.add(new Group(k, counts(all, list.stream().filter(r -> r.c().outcomePending()).count()), all.rates()));
        });
        return out;
    }

    private static Counts counts(ArtOutcomeCounting.Group g, long pending) {
        return new Counts(g.count(Measure.ART_CYCLE), g.count(Measure.ART_FRESH_CYCLE), g.count(Measure.ART_RETRIEVAL), g.count(Measure.ART_TRANSFER),
                g.count(Measure.ART_CLINICAL_PREGNANCY), g.count(Measure.ART_CLINICAL_PREGNANCY_OF_RETRIEVAL), g.count(Measure.ART_DELIVERY),
                g.count(Measure.ART_DELIVERY_OF_RETRIEVAL), g.count(Measure.ART_CUMULATIVE_DELIVERY), g.count(Measure.ART_EMBRYO_TRANSFERRED),
                g.count(Measure.ART_GESTATIONAL_SAC), g.count(Measure.ART_MULTIPLE_DELIVERY), g.count(Measure.ART_OHSS_CYCLE), pending);
    }

    /** Whose cycles: a centre's own staff see their centre; others name an ART centre (default: the first designated). */
    private Institution scope(Actor actor, String code) {
        List<Institution> centres = institutions.designated(Designation.ART_CENTRE);
        if (code != null && !code.isBlank()) {
            return centres.stream().filter(i -> i.code().equals(code.strip())).findFirst()
                    .orElseThrow(() -> ApiException.badField("institution", "art.outcomes.not-a-centre"));
        }
        if (actor.institutionId() != null) {
            for (Institution i : centres) if (i.id().equals(actor.institutionId())) return i;
        }
        return centres.isEmpty() ? null : centres.get(0);
    }

    /** The ART centres whose figures may be shown. */
    public List<Couples.InstitutionRef> centres() {
        return institutions.designated(Designation.ART_CENTRE).stream().map(i -> new Couples.InstitutionRef(i.code(), i.nameZh(), i.nameEn())).toList();
    }

}
