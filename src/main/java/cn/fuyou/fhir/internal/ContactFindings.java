package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.fhir.GradingInputMapping;
import cn.fuyou.maternal.ContactForm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/** What received Observations say about her on one day, in fuyou's units: the typed inputs of one imported contact. */
final class ContactFindings {

    BigDecimal weightKg;
    BigDecimal heightCm;
    Integer systolic;
    Integer diastolic;
    BigDecimal fundalHeightCm;
    Integer fetalHeartRate;
    BigDecimal hemoglobinGPerL;
    BigDecimal plateletsE9PerL;
    BigDecimal creatinineTimesUpperLimit;
    Integer ejectionFractionPercent;
    String rh;
    String hiv;
    String syphilis;
    String hbsag;

    /** Whether an Observation carries a code the mapping reads (so it is worth parsing). */
    static boolean mapped(List<String> codes) {
        for (String c : codes) {
            if (!c.startsWith(FhirCodes.LOINC + "|")) continue;
            String code = c.substring(FhirCodes.LOINC.length() + 1);
            if (GradingInputMapping.LOINC.containsKey(code) || GradingInputMapping.LOINC_TESTS.containsKey(code)
                    || GradingInputMapping.CREATININE_LOINC.equals(code)) return true;
        }
        return false;
    }

    /** Adds an Observation's mapped values (and its components'); true when it contributed something. */
    boolean add(Observation o) {
        boolean used = add(o.getCode(), o.hasValueQuantity() ? o.getValueQuantity() : null,
                o.hasValueCodeableConcept() ? o.getValueCodeableConcept() : null);
        for (var comp : o.getComponent()) {
            used |= add(comp.getCode(), comp.hasValueQuantity() ? comp.getValueQuantity() : null,
                    comp.hasValueCodeableConcept() ? comp.getValueCodeableConcept() : null);
        }
        return used;
    }

    private boolean add(CodeableConcept code, Quantity q, CodeableConcept valueCode) {
        boolean used = false;
        for (Coding c : code.getCoding()) {
            if (!FhirCodes.LOINC.equals(c.getSystem())) continue;
            var m = GradingInputMapping.LOINC.get(c.getCode());
            if (m != null && q != null && q.hasValue()) used |= set(m.field(), m.convert(q.getValue()));
            if (GradingInputMapping.CREATININE_LOINC.equals(c.getCode()) && q != null && q.hasValue()) {
                creatinineTimesUpperLimit = q.getValue().divide(GradingInputMapping.CREATININE_ULN_MG_DL, 2, RoundingMode.HALF_UP);
                used = true;
            }
            String test = GradingInputMapping.LOINC_TESTS.get(c.getCode());
            if (test != null && valueCode != null) used |= setResult(test, result(valueCode));
        }
        return used;
    }

    private boolean set(String field, BigDecimal v) {
        switch (field) {
            case "weightKg" -> weightKg = v;
            case "heightCm" -> heightCm = v;
            case "systolic" -> systolic = integer(v);
            case "diastolic" -> diastolic = integer(v);
            case "fundalHeightCm" -> fundalHeightCm = v;
            case "fetalHeartRate" -> fetalHeartRate = integer(v);
            case "hemoglobinGPerL" -> hemoglobinGPerL = v;
            case "plateletsE9PerL" -> plateletsE9PerL = v;
            case "ejectionFractionPercent" -> ejectionFractionPercent = integer(v);
            default -> {
                return false; // mapped for context (heart rate), not a contact field
            }
        }
        return true;
    }

    private boolean setResult(String test, String result) {
        if (result == null) return false;
        switch (test) {
            case "rh" -> rh = result;
            case "hiv" -> hiv = result;
            case "syphilis" -> syphilis = result;
            case "hbsag" -> hbsag = result;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** POSITIVE or NEGATIVE from a coded result (SNOMED CT 10828004 / 260385009, or its words); null when neither. */
    static String result(CodeableConcept value) {
        String text = (value.getText() + " " + value.getCodingFirstRep().getDisplay() + " " + value.getCodingFirstRep().getCode()).toLowerCase();
        boolean negative = text.contains("negative") || text.contains("260385009") || text.contains("not detected");
        boolean positive = !negative && (text.contains("positive") || text.contains("10828004") || text.contains("detected"));
        return negative ? "NEGATIVE" : positive ? "POSITIVE" : null;
    }

    private static Integer integer(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_UP).intValue();
    }

    /** The contact these findings make on that day, with the coded factors received up to then. */
    ContactForm toContact(LocalDate on, List<String> factors) {
        return new ContactForm(on, weightKg, systolic, diastolic, fundalHeightCm, fetalHeartRate, null, null, null, hemoglobinGPerL,
                plateletsE9PerL, null, null, null, null, rh, hiv, syphilis, hbsag, creatinineTimesUpperLimit, null, null,
                ejectionFractionPercent, null, factors, null, null);
    }
}
