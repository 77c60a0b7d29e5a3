package cn.fuyou.births;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The §9 rules this installation runs: the version picked by {@code fuyou.rules.newborn-screening}
 * and the settings a province or laboratory may change ({@code fuyou.screening.cutoff.phe},
 * {@code fuyou.screening.cutoff.tsh}, {@code fuyou.screening.chd.spo2-below},
 * {@code fuyou.screening.chd.max-difference}); a changed setting shows in the stored rule version.
 */
@Component
public class ActiveScreeningRules {

    private final ScreeningRules rules;

    ActiveScreeningRules(@Value("${fuyou.rules.newborn-screening:" + ScreeningRules.DEFAULT_VERSION + "}") String version,
                         @Value("${fuyou.screening.cutoff.phe:#{null}}") BigDecimal phe,
                         @Value("${fuyou.screening.cutoff.tsh:#{null}}") BigDecimal tsh,
                         @Value("${fuyou.screening.chd.spo2-below:#{null}}") Integer spo2Below,
                         @Value("${fuyou.screening.chd.max-difference:#{null}}") Integer maxDifference) {
        Map<String, BigDecimal> cut = new LinkedHashMap<>();
        if (phe != null) cut.put("PHE", phe);
        if (tsh != null) cut.put("TSH", tsh);
        this.rules = ScreeningRules.load(version).withSettings(cut, spo2Below, maxDifference);
    }

    public ScreeningRules rules() {
        return rules;
    }
}
