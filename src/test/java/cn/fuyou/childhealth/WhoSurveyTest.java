package cn.fuyou.childhealth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.childhealth.GrowthAssessment.Measurement;
import cn.fuyou.childhealth.GrowthAssessment.Position;
import cn.fuyou.childhealth.GrowthStandard.Indicator;
import cn.fuyou.childhealth.GrowthStandard.Sex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Source: WHO Child Growth Standards 2006, WHO igrowup test surveys survey_z_rc.csv and
 * survey_z_st.csv (shipped in npm jsgrowup 0.8.0 with the WHO macro's published z-scores);
 * clinical-rules.md §4. Every z-score within 0.02 of WHO's where both exist, ages ≥ 7 days.
 */
class WhoSurveyTest {

    private static final double TOLERANCE = 0.02;
    private static final Map<String, Indicator> COLUMNS = Map.of("_ZWEI", Indicator.WEIGHT_FOR_AGE, "_ZLEN", Indicator.LENGTH_FOR_AGE,
            "_ZBMI", Indicator.BMI_FOR_AGE, "_ZHC", Indicator.HEAD_CIRCUMFERENCE_FOR_AGE);

    record Row(String file, String id, Measurement m, Map<String, Double> who, java.util.Set<String> columns) {}

    static List<Row> load(String file) throws Exception {
        try (var in = WhoSurveyTest.class.getResourceAsStream("/who-growth-testdata/" + file)) {
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) col.put(header[i].trim(), i);
            List<Row> rows = new ArrayList<>();
            java.util.Set<String> columns = new java.util.HashSet<>(col.keySet());
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                Map<String, Double> who = new HashMap<>();
                for (String c : List.of("_ZWEI", "_ZLEN", "_ZWFL", "_ZBMI", "_ZHC")) {
                    if (col.containsKey(c) && !f[col.get(c)].isBlank()) who.put(c, Double.valueOf(f[col.get(c)].trim()));
                }
                String days = f[col.get("_agedays")].trim();
                if (days.isEmpty()) continue;
                String measure = f[col.get("measure")].trim().toLowerCase();
                rows.add(new Row(file, f[col.get("id")].trim(), new Measurement(
                        "1".equals(f[col.get("GENDER")].trim()) ? Sex.MALE : Sex.FEMALE,
                        new BigDecimal(days).setScale(0, java.math.RoundingMode.HALF_UP).intValue(),
                        num(f[col.get("WEIGHT")]), num(f[col.get("HEIGHT")]),
                        measure.equals("l") ? Position.RECUMBENT : measure.equals("h") ? Position.STANDING : null,
                        col.containsKey("HEAD") ? num(f[col.get("HEAD")]) : null,
                        "y".equalsIgnoreCase(f[col.get("oedema")].trim())), who, columns));
            }
            return rows;
        }
    }

    private static String column(Indicator i) {
        return switch (i) {
            case WEIGHT_FOR_AGE -> "_ZWEI";
            case LENGTH_FOR_AGE -> "_ZLEN";
            case WEIGHT_FOR_LENGTH, WEIGHT_FOR_HEIGHT -> "_ZWFL";
            case BMI_FOR_AGE -> "_ZBMI";
            case HEAD_CIRCUMFERENCE_FOR_AGE -> "_ZHC";
        };
    }

    private static Double num(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
    }

    @TestFactory
    @DisplayName("igrowup surveys: every row WHO scores is scored by fuyou and vice versa, within 0.02 (ages ≥ 7 days)")
    Stream<DynamicTest> surveys() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("survey_z_rc.csv", "survey_z_st.csv")) {
            List<Row> rows = load(file);
            tests.add(DynamicTest.dynamicTest(file, () -> {
                Map<Indicator, Integer> compared = new EnumMap<>(Indicator.class);
                Map<Indicator, Double> worst = new EnumMap<>(Indicator.class);
                double firstWeekWorst = 0;
                List<String> failures = new ArrayList<>();
                Map<String, Integer> whoRows = new HashMap<>();
                int over60Months = 0;
                for (Row r : rows) {
                    var result = GrowthAssessment.assess(GrowthStandard.who(), r.m());
                    if (r.m().ageDays() / 30.4375 >= 60) {
                        // §4: z-scores only under 60 months (WHO's igrowup goes on to 1856 days): none, and said so.
                        over60Months++;
                        if (!result.scores().isEmpty() || !result.flags().contains("AGE_60_MONTHS_OR_OVER")) {
                            failures.add(r.id() + " at " + r.m().ageDays() + " days has z-scores past 60 months");
                        }
                        continue;
                    }
                    // Both directions: every WHO z must have ours, and every z of ours must have WHO's.
                    for (var mine : result.scores().keySet()) {
                        String column = column(mine);
                        if (r.columns().contains(column) && !r.who().containsKey(column)) {
                            failures.add(r.id() + " " + mine + " ours " + result.scores().get(mine).z() + " WHO none");
                        }
                    }
                    for (var e : r.who().entrySet()) {
                        whoRows.merge(e.getKey(), 1, Integer::sum);
                        Indicator ind = e.getKey().equals("_ZWFL")
                                ? (result.scores().containsKey(Indicator.WEIGHT_FOR_LENGTH) ? Indicator.WEIGHT_FOR_LENGTH : Indicator.WEIGHT_FOR_HEIGHT)
                                : COLUMNS.get(e.getKey());
                        var ours = result.scores().get(ind);
                        if (ours == null) {
                            failures.add(r.id() + " " + e.getKey() + " WHO " + e.getValue() + " ours none " + result.flags());
                            continue;
                        }
                        double diff = Math.abs(ours.z().doubleValue() - e.getValue());
                        if (r.m().ageDays() < 7) {
                            firstWeekWorst = Math.max(firstWeekWorst, diff);
                            whoRows.merge(e.getKey(), -1, Integer::sum);
                            continue;
                        }
                        compared.merge(ind, 1, Integer::sum);
                        worst.merge(ind, diff, Math::max);
                        if (diff > TOLERANCE + 1e-9) failures.add(r.id() + " " + ind + " ours " + ours.z() + " WHO " + e.getValue());
                    }
                }
                System.out.printf("%s: WHO z-scores per column (ages >= 7 days, < 60 months) %s; compared %s; max |Δz| %s; first week max |Δz| %.2f; rows at >= 60 months (no z, §4) %d%n",
                        file, whoRows, compared, worst, firstWeekWorst, over60Months);
                assertThat(failures).as(file).isEmpty();
                // Every row per indicator: what we compared equals what WHO gives, column by column.
                for (var e : whoRows.entrySet()) {
                    int ours = e.getKey().equals("_ZWFL")
                            ? compared.getOrDefault(Indicator.WEIGHT_FOR_LENGTH, 0) + compared.getOrDefault(Indicator.WEIGHT_FOR_HEIGHT, 0)
                            : compared.getOrDefault(COLUMNS.get(e.getKey()), 0);
                    assertThat(ours).as(file + " " + e.getKey() + ": every WHO row compared").isEqualTo(e.getValue());
                }
                assertThat(whoRows.keySet()).as(file + " columns").contains("_ZWEI", "_ZLEN", "_ZWFL", "_ZBMI");
            }));
        }
        return tests.stream();
    }
}
