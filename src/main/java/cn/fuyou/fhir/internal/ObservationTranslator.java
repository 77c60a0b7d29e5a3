package cn.fuyou.fhir.internal;

import cn.fuyou.childhealth.ChildRecord;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.fhir.GradingInputMapping;
import cn.fuyou.maternal.PregnancyRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * fuyou's measurements → LOINC-coded Observations: each measured value of an antenatal contact (in
 * fuyou's unit), and a child's growth — weight 29463-7, length/height 8302-2, head circumference
 * 9843-4 — with the WHO z-scores as components.
 */
public final class ObservationTranslator {

    private ObservationTranslator() {}

    static final String VITAL_SIGNS = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** WHO Child Growth Standards z-scores (clinical-rules.md §4). */
    static final String GROWTH_Z = "urn:fuyou:cs:who-growth-z";

    private static final Map<String, Function<PregnancyRecord.Contact, Object>> CONTACT_FIELDS = Map.of(
            "weightKg", PregnancyRecord.Contact::weightKg, "systolic", PregnancyRecord.Contact::systolic,
            "diastolic", PregnancyRecord.Contact::diastolic, "hemoglobinGPerL", PregnancyRecord.Contact::hemoglobinGPerL,
            "plateletsE9PerL", PregnancyRecord.Contact::plateletsE9PerL, "fundalHeightCm", PregnancyRecord.Contact::fundalHeightCm,
            "fetalHeartRate", PregnancyRecord.Contact::fetalHeartRate, "ejectionFractionPercent", PregnancyRecord.Contact::ejectionFractionPercent);

    /** Each measured value of each antenatal contact. */
    public static List<Observation> contacts(PregnancyRecord p) {
        List<Observation> out = new ArrayList<>();
        for (PregnancyRecord.Contact c : p.contacts()) {
            for (var e : GradingInputMapping.LOINC.entrySet()) {
                var field = CONTACT_FIELDS.get(e.getValue().field());
                Object v = field == null ? null : field.apply(c);
                if (v == null) continue;
                Observation o = base(DerivedIds.of(p.id(), c.id(), "a." + e.getKey()), p.womanId().toString(), e.getKey(), null, c.createdAt());
                o.setEffective(PatientTranslator.dateTimeType(c.contactDate()));
                o.setValue(quantity(new BigDecimal(v.toString()), e.getValue().fuyouUnit()));
                out.add(o);
            }
        }
        return out;
    }

    /** A child's growth at each visit, with the z-scores fuyou computed. */
    public static List<Observation> growth(ChildRecord child) {
        List<Observation> out = new ArrayList<>();
        for (ChildRecord.Visit v : child.visits()) {
            if (v.weightKg() != null) {
                Observation o = base(DerivedIds.of(child.childId(), v.id(), "g.29463-7"), child.childId().toString(), "29463-7", "Body weight", null);
                o.setValue(quantity(v.weightKg(), "kg"));
                z(o, "WAZ", "weight-for-age", v.waz());
                z(o, "WHZ", "weight-for-length/height", v.whz());
                z(o, "BMIZ", "BMI-for-age", v.bmiz());
                out.add(visit(o, v, child));
            }
            if (v.lengthCm() != null) {
                Observation o = base(DerivedIds.of(child.childId(), v.id(), "g.8302-2"), child.childId().toString(), "8302-2", "Body height", null);
                o.setValue(quantity(v.lengthCm(), "cm"));
                if (v.measurement() != null) o.setMethod(new CodeableConcept().setText("RECUMBENT".equals(v.measurement()) ? "recumbent length" : "standing height"));
                z(o, "LHAZ", "length/height-for-age", v.lhaz());
                out.add(visit(o, v, child));
            }
            if (v.headCircumferenceCm() != null) {
                Observation o = base(DerivedIds.of(child.childId(), v.id(), "g.9843-4"), child.childId().toString(), "9843-4", "Head Occipital-frontal circumference", null);
                o.setValue(quantity(v.headCircumferenceCm(), "cm"));
                z(o, "HCZ", "head circumference-for-age", v.hcz());
                out.add(visit(o, v, child));
            }
        }
        return out;
    }

    private static Observation visit(Observation o, ChildRecord.Visit v, ChildRecord child) {
        o.setEffective(PatientTranslator.dateTimeType(v.visitDate()));
        if (v.institutionCode() != null) o.addPerformer(new Reference("Organization/" + v.institutionCode()));
        if (v.growthStandard() != null) o.addNote().setText("growth standard: " + v.growthStandard());
        return o;
    }

    private static void z(Observation o, String code, String display, BigDecimal z) {
        if (z == null) return;
        o.addComponent().setCode(new CodeableConcept(new Coding(GROWTH_Z, code, display + " z-score")))
                .setValue(new Quantity().setValue(z).setUnit("z").setSystem(FhirCodes.UCUM).setCode("1"));
    }

    private static Observation base(String id, String patient, String loinc, String display, OffsetDateTime changed) {
        Observation o = new Observation();
        o.setId(id);
        if (changed != null) o.getMeta().setLastUpdated(Date.from(changed.toInstant()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(VITAL_SIGNS, "vital-signs", "Vital Signs")));
        o.setSubject(new Reference("Patient/" + patient));
        o.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, loinc, display)));
        return o;
    }

    private static Quantity quantity(BigDecimal v, String unit) {
        return new Quantity().setValue(v).setUnit(unit).setSystem(FhirCodes.UCUM).setCode(unit);
    }

    /** The pregnancy's last change that fuyou knows the time of: its newest contact or grading. */
    static Date lastChange(PregnancyRecord p) {
        OffsetDateTime t = null;
        for (var c : p.contacts()) if (c.createdAt() != null && (t == null || c.createdAt().isAfter(t))) t = c.createdAt();
        for (var g : p.gradings()) if (g.createdAt() != null && (t == null || g.createdAt().isAfter(t))) t = g.createdAt();
        return t == null ? null : Date.from(t.toInstant());
    }
}
