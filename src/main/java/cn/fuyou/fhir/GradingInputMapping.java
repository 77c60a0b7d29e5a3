package cn.fuyou.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The documented table from standard codes to the grading inputs of clinical-rules.md §1 (issue 5
 * §6). Observations: LOINC code → contact field with its unit conversion. Conditions: SNOMED CT or
 * ICD-10 code (or prefix) → a §1 factor code, or PREGNANCY for the episode itself.
 */
public final class GradingInputMapping {

    private GradingInputMapping() {}

    /** A contact field and how to turn the received value (in its UCUM unit) into fuyou's unit. */
    public record Measure(String field, String fuyouUnit, BigDecimal factor) {
        public BigDecimal convert(BigDecimal value) {
            return value.multiply(factor).setScale(2, RoundingMode.HALF_UP);
        }
    }

    public static final Map<String, Measure> LOINC = Map.ofEntries(
            Map.entry("8302-2", new Measure("heightCm", "cm", BigDecimal.ONE)),            // Body height
            Map.entry("29463-7", new Measure("weightKg", "kg", BigDecimal.ONE)),           // Body weight
            Map.entry("8480-6", new Measure("systolic", "mm[Hg]", BigDecimal.ONE)),        // Systolic blood pressure
            Map.entry("8462-4", new Measure("diastolic", "mm[Hg]", BigDecimal.ONE)),       // Diastolic blood pressure
            Map.entry("718-7", new Measure("hemoglobinGPerL", "g/L", BigDecimal.TEN)),     // Hemoglobin [Mass/volume] in Blood, g/dL × 10
            Map.entry("777-3", new Measure("plateletsE9PerL", "10*9/L", BigDecimal.ONE)),  // Platelets [#/volume] in Blood, 10*3/uL = 10*9/L
            Map.entry("10230-1", new Measure("ejectionFractionPercent", "%", BigDecimal.ONE)), // Left ventricular Ejection fraction
            Map.entry("8867-4", new Measure("heartRate", "/min", BigDecimal.ONE)),         // Heart rate (not a grading input; kept for context)
            Map.entry("55283-6", new Measure("fetalHeartRate", "/min", BigDecimal.ONE)),   // Fetal Heart rate
            Map.entry("11881-0", new Measure("fundalHeightCm", "cm", BigDecimal.ONE)));    // Uterus Fundal height Tape measure

    /** Qualitative tests: LOINC → the contact's field for POSITIVE/NEGATIVE. */
    public static final Map<String, String> LOINC_TESTS = Map.of(
            "75622-1", "hiv",      // HIV 1+2 Ab+HIV1 p24 Ag [Presence] in Serum or Plasma by Immunoassay
            "7917-8", "hiv",       // HIV 1 Ab [Presence] in Serum
            "20507-0", "syphilis", // Reagin Ab [Presence] in Serum by RPR
            "5292-8", "syphilis",  // Reagin Ab [Presence] in Serum by VDRL
            "5196-1", "hbsag",     // Hepatitis B virus surface Ag [Presence] in Serum
            "10331-7", "rh");      // Rh [Type] in Blood

    /** Creatinine in mg/dL becomes × upper limit of normal (fuyou rule: ULN 1.1 mg/dL for women). */
    public static final String CREATININE_LOINC = "2160-0";
    public static final BigDecimal CREATININE_ULN_MG_DL = new BigDecimal("1.1");

    public static final String PREGNANCY = "PREGNANCY";

    public static final Map<String, String> SNOMED = Map.ofEntries(
            Map.entry("72892002", PREGNANCY),                       // Normal pregnancy
            Map.entry("77386006", PREGNANCY),                       // Pregnancy (finding)
            Map.entry("47200007", PREGNANCY),                       // High risk pregnancy (the grading decides the colour)
            Map.entry("11687002", "DIABETES_NO_MEDICATION"),        // Gestational diabetes mellitus
            Map.entry("398254007", "HYPERTENSIVE_DISORDER"),        // Pre-eclampsia
            Map.entry("48194001", "HYPERTENSIVE_DISORDER"),         // Pregnancy-induced hypertension
            Map.entry("46894009", "SEVERE_PREECLAMPSIA"),           // Severe pre-eclampsia
            Map.entry("15938005", "HYPERTENSIVE_HEART_DISEASE_OF_PREGNANCY"), // Eclampsia → red (fuyou mapping)
            Map.entry("36813001", "PLACENTAL_ABRUPTION"),           // Placental abruption
            Map.entry("195967001", "ASTHMA"),                       // Asthma
            Map.entry("38341003", "HYPERTENSIVE_DISORDER"),         // Hypertensive disorder (chronic)
            Map.entry("44054006", "DIABETES_ON_MEDICATION"),        // Diabetes mellitus type 2 (treated)
            Map.entry("86406008", "HIV"),                           // HIV infection
            Map.entry("76272004", "SYPHILIS"),                      // Syphilis
            Map.entry("61977001", "VIRAL_HEPATITIS"),               // Chronic type B viral hepatitis
            Map.entry("56717001", "TUBERCULOSIS"),                  // Tuberculosis
            Map.entry("65363002", "UTERINE_FIBROID_OR_OVARIAN_CYST_5CM")); // Ovarian cyst

    /** ICD-10 prefixes (longest match wins). */
    public static final Map<String, String> ICD10 = Map.ofEntries(
            Map.entry("Z33", PREGNANCY), Map.entry("Z34", PREGNANCY), Map.entry("Z35", PREGNANCY),
            Map.entry("O24.4", "DIABETES_NO_MEDICATION"), Map.entry("O24", "DIABETES_ON_MEDICATION"),
            Map.entry("O13", "HYPERTENSIVE_DISORDER"), Map.entry("O14.1", "SEVERE_PREECLAMPSIA"), Map.entry("O14", "HYPERTENSIVE_DISORDER"),
            Map.entry("O11", "SUPERIMPOSED_PREECLAMPSIA"), Map.entry("O10", "HYPERTENSIVE_DISORDER"),
            Map.entry("O44", "LOW_LYING_PLACENTA"), Map.entry("O45", "PLACENTAL_ABRUPTION"), Map.entry("O21", "HYPEREMESIS"),
            Map.entry("O26.6", "INTRAHEPATIC_CHOLESTASIS"), Map.entry("O40", "POLYHYDRAMNIOS"), Map.entry("O41.0", "OLIGOHYDRAMNIOS"),
            Map.entry("O42", "PROM"), Map.entry("O60.0", "THREATENED_PRETERM_LABOUR"), Map.entry("O36.5", "FETAL_GROWTH_RESTRICTION"),
            Map.entry("J45", "ASTHMA"), Map.entry("B20", "HIV"), Map.entry("Z21", "HIV"),
            Map.entry("A53", "SYPHILIS"), Map.entry("B18.1", "VIRAL_HEPATITIS"), Map.entry("Z22.5", "HBSAG_CARRIER_NORMAL_LIVER"),
            Map.entry("A15", "TUBERCULOSIS"), Map.entry("I26", "VENOUS_THROMBOEMBOLISM"), Map.entry("I80", "VENOUS_THROMBOEMBOLISM"),
            Map.entry("C", "MALIGNANCY"), Map.entry("Q20", "COMPLEX_OR_CYANOTIC_CONGENITAL_HEART_DISEASE"), Map.entry("M32", "ACTIVE_AUTOIMMUNE_DISEASE"));

    /** The factor (or PREGNANCY) for a coded condition; empty when fuyou does not grade by it. */
    public static Optional<String> condition(String system, String code) {
        if (code == null) return Optional.empty();
        if (FhirCodes.SNOMED.equals(system)) return Optional.ofNullable(SNOMED.get(code));
        if (system != null && system.startsWith(FhirCodes.ICD10)) {
            String best = null;
            for (var e : ICD10.entrySet()) {
                if (code.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) best = e.getKey();
            }
            return best == null ? Optional.empty() : Optional.of(ICD10.get(best));
        }
        return Optional.empty();
    }
}
