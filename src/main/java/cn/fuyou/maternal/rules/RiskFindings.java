package cn.fuyou.maternal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one mapping from what fuyou knows about a woman to the grading's {@link RiskInputs}
 * (clinical-rules.md §1): her age on the day, the measurements in fuyou's units (keyed by the
 * antenatal contact's field names, so the FHIR LOINC table and the forms share them), positive
 * tests and Rh, the birth interval, and the clinician's coded factors. The pregnancy record, the
 * public calculator, CDS Hooks and the FHIR import (through the record) all grade through it.
 */
public final class RiskFindings {

    private Integer ageYears;
    private BigDecimal heightCm;
    private BigDecimal weightKg;
    private BigDecimal hemoglobin;
    private BigDecimal platelets;
    private BigDecimal pasp;
    private Integer nyha;
    private BigDecimal ef;
    private BigDecimal creatinine;
    private Integer fetusCount;
    private Integer uterineSurgeries;
    private Integer monthsSinceSurgery;
    private final Set<String> factors = new LinkedHashSet<>();

    public static RiskFindings of() {
        return new RiskFindings();
    }

    public RiskFindings age(Integer years) {
        this.ageYears = years;
        return this;
    }

    /** Her age in whole years on the day of the grading. */
    public RiskFindings ageOn(LocalDate birthDate, LocalDate on) {
        return age(birthDate == null ? null : Period.between(birthDate, on).getYears());
    }

    /** A measurement by the antenatal contact's field name; fields the grading does not use are ignored. */
    public RiskFindings measured(String field, BigDecimal value) {
        if (value == null) return this;
        switch (field) {
            case "heightCm" -> heightCm = value;
            case "weightKg", "prePregnancyWeightKg" -> weightKg = value;
            case "hemoglobinGPerL" -> hemoglobin = value;
            case "plateletsE9PerL" -> platelets = value;
            case "pulmonaryArterySystolicMmHg" -> pasp = value;
            case "nyhaClass" -> nyha = value.intValue();
            case "ejectionFractionPercent" -> ef = value;
            case "creatinineTimesUpperLimit" -> creatinine = value;
            default -> { }
        }
        return this;
    }

    public RiskFindings body(BigDecimal heightCm, BigDecimal weightKg) {
        this.heightCm = heightCm;
        this.weightKg = weightKg;
        return this;
    }

    public RiskFindings bloods(BigDecimal hemoglobinGPerL, BigDecimal plateletsE9PerL) {
        this.hemoglobin = hemoglobinGPerL;
        this.platelets = plateletsE9PerL;
        return this;
    }

    public RiskFindings heart(BigDecimal paspMmHg, Integer nyhaClass, BigDecimal ejectionFractionPercent) {
        this.pasp = paspMmHg;
        this.nyha = nyhaClass;
        this.ef = ejectionFractionPercent;
        return this;
    }

    public RiskFindings creatinine(BigDecimal timesUpperLimit) {
        this.creatinine = timesUpperLimit;
        return this;
    }

    public RiskFindings obstetric(Integer fetusCount, Integer uterineSurgeries, Integer monthsSinceLastUterineSurgery) {
        this.fetusCount = fetusCount;
        this.uterineSurgeries = uterineSurgeries;
        this.monthsSinceSurgery = monthsSinceLastUterineSurgery;
        return this;
    }

    /** Screening tests (POSITIVE/NEGATIVE): Rh negative, HIV, syphilis and HBsAg positive become §1 factor codes. */
    public RiskFindings tests(String rh, String hiv, String syphilis, String hbsag) {
        if ("NEGATIVE".equals(rh)) factors.add("RH_NEGATIVE");
        if ("POSITIVE".equals(hiv)) factors.add("HIV");
        if ("POSITIVE".equals(syphilis)) factors.add("SYPHILIS");
        if ("POSITIVE".equals(hbsag)) factors.add("VIRAL_HEPATITIS");
        return this;
    }

    /** fuyou rule: the birth interval runs from the last birth to this conception (LMP + 14 days, else the registration day). */
    public RiskFindings birthInterval(LocalDate lastBirthDate, LocalDate lmp, LocalDate registeredOn) {
        if (lastBirthDate == null) return this;
        LocalDate conception = lmp != null ? lmp.plusDays(14) : registeredOn;
        if (conception.isBefore(lastBirthDate.plusMonths(18))) factors.add("BIRTH_INTERVAL_UNDER_18_MONTHS");
        if (conception.isAfter(lastBirthDate.plusYears(5))) factors.add("BIRTH_INTERVAL_OVER_5_YEARS");
        return this;
    }

    public RiskFindings factors(Collection<String> codes) {
        if (codes != null) factors.addAll(codes);
        return this;
    }

    public RiskInputs toInputs() {
        return new RiskInputs(ageYears, heightCm, weightKg, hemoglobin, platelets, pasp, nyha, ef, creatinine, fetusCount,
                uterineSurgeries, monthsSinceSurgery, new LinkedHashSet<>(factors));
    }
}
