package cn.fuyou.defects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One screening result as entered, received over FHIR or read from a CSV row.
 *
 * @param pregnancyId     her pregnancy (null: her open pregnancy)
 * @param gestationalDays at sampling (null: from the pregnancy's EDD)
 * @param t21OneIn        the laboratory's trisomy 21 risk "1 in N" (or computed: {@code parameterSet} + {@code markerValues})
 * @param nipt            NIPT target (T21, T18, T13, SCA) → LOW_RISK / HIGH_RISK / FAILED
 * @param markerValues    raw marker values (AFP, HCG, FREE_BHCG, UE3, INHIBIN_A, PAPP_A…) in the parameter set's units
 * @param parameterSet    {@code code@version} of the parameter set to compute the risk with
 */
public record ScreenForm(@NotNull UUID womanId, UUID pregnancyId, @NotBlank String kind, @NotNull LocalDate sampledOn,
                         LocalDate reportedOn, Integer gestationalDays, BigDecimal weightKg, @Size(max = 40) String labInstitutionCode,
                         Long t21OneIn, Long t18OneIn, BigDecimal afpMom, BigDecimal afpCutoff, BigDecimal ntMm,
                         Map<String, String> nipt, @Size(max = 1000) String ultrasoundFinding, Boolean ultrasoundAbnormal,
                         Map<String, Double> markerValues, @Size(max = 80) String parameterSet, @Size(max = 100) String externalId) {

    public static final java.util.List<String> SERUM = java.util.List.of("FIRST_TRIMESTER_COMBINED", "SECOND_TRIMESTER_DOUBLE",
            "SECOND_TRIMESTER_TRIPLE", "SECOND_TRIMESTER_QUADRUPLE");
}
