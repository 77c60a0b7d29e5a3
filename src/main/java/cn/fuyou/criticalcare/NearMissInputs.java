package cn.fuyou.criticalcare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the near-miss checklist holds (clinical-rules.md §6): the yes/no findings and the measured
 * values, keyed by the calculator's field names ({@code ph}, {@code lactateMmolL}, …); any may be absent.
 *
 * @param outcome SURVIVED, DIED or null while not yet known
 */
public record NearMissInputs(List<String> findings, Map<String, BigDecimal> values, Outcome outcome) {

    public enum Outcome { SURVIVED, DIED }

    public NearMissInputs {
        findings = findings == null ? List.of() : List.copyOf(findings);
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
