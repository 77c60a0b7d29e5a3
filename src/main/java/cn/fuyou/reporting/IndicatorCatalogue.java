package cn.fuyou.reporting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The indicator catalogue: every module's {@code indicators/<module>.json} merged. An indicator is
 * the facts of one numerator measure over the facts of one denominator measure times a multiplier,
 * shown to its precision (decimals: declared, else {@link IndicatorPrecision#DEFAULT}).
 * A code declared twice (in one file or two) or an indicator over an undeclared measure is refused
 * when the catalogue is built, so a bad file stops the start instead of giving wrong figures.
 */
public final class IndicatorCatalogue {

    public record Measure(String code, String nameZh, String nameEn, String definition) {}

    public record Indicator(String code, String nameZh, String nameEn, String numerator, String denominator, long multiplier,
                            String unit, int precision, String source, String group, int order, String module, String edition) {}

    /** One catalogue file as written. */
    public record CatalogueFile(String module, String edition, List<Measure> measures, List<IndicatorEntry> indicators) {}

    /** @param precision decimals the figure is shown with; null: {@link IndicatorPrecision#DEFAULT} */
    public record IndicatorEntry(String code, String nameZh, String nameEn, String numerator, String denominator, long multiplier,
                                 String unit, Integer precision, String source, String group, Integer order) {}

    private static final Map<String, Long> UNITS = Map.of("%", 100L, "‰", 1000L, "1/10000", 10_000L, "1/100000", 100_000L);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Map<String, Measure> measures;
    private final Map<String, Indicator> indicators;
    private final String edition;

    private IndicatorCatalogue(Map<String, Measure> measures, Map<String, Indicator> indicators, String edition) {
        this.measures = measures;
        this.indicators = indicators;
        this.edition = edition;
    }

    public static CatalogueFile read(InputStream in, String name) {
        try {
            CatalogueFile f = JSON.readValue(in, CatalogueFile.class);
            if (f.module() == null || f.edition() == null) throw new IllegalStateException(name + ": module and edition are required");
            return new CatalogueFile(f.module(), f.edition(), f.measures() == null ? List.of() : f.measures(),
                    f.indicators() == null ? List.of() : f.indicators());
        } catch (IOException e) {
            throw new IllegalStateException("indicator catalogue " + name + " unreadable: " + e.getMessage(), e);
        }
    }

    /** One catalogue file from the classpath, e.g. {@code /indicators/art.json}. */
    public static CatalogueFile readResource(String path) {
        try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("indicator catalogue " + path + " not found");
            return read(in, path);
        } catch (IOException e) {
            throw new IllegalStateException("indicator catalogue " + path + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Merges the files; throws {@link IllegalStateException} naming the first duplicate or dangling code. */
    public static IndicatorCatalogue merge(List<CatalogueFile> files) {
        Map<String, Measure> measures = new LinkedHashMap<>();
        Map<String, String> measureModule = new LinkedHashMap<>();
        Set<String> editions = new TreeSet<>();
        Set<String> modules = new TreeSet<>();
        for (CatalogueFile f : files) {
            if (!modules.add(f.module())) throw new IllegalStateException("indicator catalogue: module " + f.module() + " declared twice");
            editions.add(f.module() + "@" + f.edition());
            for (Measure m : f.measures()) {
                if (m.code() == null || !m.code().matches("[A-Z][A-Z0-9_]*")) {
                    throw new IllegalStateException("indicator catalogue " + f.module() + ": bad measure code " + m.code());
                }
                String before = measureModule.putIfAbsent(m.code(), f.module());
                if (before != null) {
                    throw new IllegalStateException("indicator catalogue: measure " + m.code() + " declared by " + before + " and " + f.module());
                }
                measures.put(m.code(), m);
            }
        }
        List<Indicator> all = new ArrayList<>();
        Map<String, String> indicatorModule = new LinkedHashMap<>();
        for (CatalogueFile f : files) {
            for (IndicatorEntry e : f.indicators()) {
                String before = indicatorModule.putIfAbsent(e.code(), f.module());
                if (before != null) {
                    throw new IllegalStateException("indicator catalogue: indicator " + e.code() + " declared by " + before + " and " + f.module());
                }
                for (String m : new String[]{e.numerator(), e.denominator()}) {
                    if (!measures.containsKey(m)) {
                        throw new IllegalStateException("indicator catalogue: " + e.code() + " uses undeclared measure " + m);
                    }
                }
                Long expected = UNITS.get(e.unit());
                if (expected == null || expected != e.multiplier()) {
                    throw new IllegalStateException("indicator catalogue: " + e.code() + " unit " + e.unit() + " does not match multiplier " + e.multiplier());
                }
                if (e.nameZh() == null || e.nameEn() == null) throw new IllegalStateException("indicator catalogue: " + e.code() + " needs nameZh and nameEn");
                int precision = e.precision() == null ? IndicatorPrecision.DEFAULT : e.precision();
                if (precision < 0 || precision > IndicatorPrecision.MAX) {
                    throw new IllegalStateException("indicator catalogue: " + e.code() + " precision " + precision + " is not 0–" + IndicatorPrecision.MAX);
                }
                all.add(new Indicator(e.code(), e.nameZh(), e.nameEn(), e.numerator(), e.denominator(), e.multiplier(), e.unit(), precision,
                        e.source(), e.group() == null ? "other" : e.group(), e.order() == null ? 1000 : e.order(), f.module(), f.edition()));
            }
        }
        all.sort(Comparator.comparingInt(Indicator::order).thenComparing(Indicator::code));
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        all.forEach(i -> indicators.put(i.code(), i));
        return new IndicatorCatalogue(measures, indicators, String.join(" ", editions));
    }

    /** The sorted {@code module@edition} of every file, e.g. {@code childhealth@2026.1 maternal@2026.1}. */
    public String edition() {
        return edition;
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(code == null ? null : indicators.get(code));
    }

    public Optional<Measure> measure(String code) {
        return Optional.ofNullable(code == null ? null : measures.get(code));
    }

    public List<Measure> measures() {
        return List.copyOf(measures.values());
    }
}
