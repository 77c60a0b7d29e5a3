package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.fuyou.defects.PrenatalScreens;
import cn.fuyou.defects.ScreenForm;
import cn.fuyou.fhir.FhirCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Prenatal screening reports (issue 17 §1) both ways: a laboratory's {@code DiagnosticReport} whose code
 * is a screening kind ({@value #KIND}) with its results as contained {@code Observation}s coded
 * {@value #MARKER} — T21_ONE_IN, T18_ONE_IN (valueInteger or a Quantity), AFP_MOM, AFP_CUTOFF, NT_MM,
 * WEIGHT_KG, GESTATIONAL_DAYS (Quantity), NIPT_T21/T18/T13/SCA (valueCodeableConcept LOW_RISK / HIGH_RISK /
 * FAILED), ULTRASOUND_ABNORMAL (valueBoolean), ULTRASOUND_FINDING (valueString) — becomes a screening
 * result; a stored result is shown the same way with the §7 band as conclusionCode.
 */
public final class DiagnosticReportTranslator {

    public static final String KIND = "urn:fuyou:cs:prenatal-screen";
    public static final String MARKER = "urn:fuyou:cs:prenatal-marker";
    public static final String BAND = "urn:fuyou:cs:prenatal-risk-band";
    public static final String LAB_REPORT = "urn:fuyou:sid:lab-report";
    private static final ZoneId CHINA = cn.fuyou.shared.ChinaTime.ZONE;

    private DiagnosticReportTranslator() {}

    public static boolean isPrenatalScreen(DiagnosticReport r) {
        return r.getCode().getCoding().stream().anyMatch(c -> KIND.equals(c.getSystem()));
    }

    /** The report as a screening form; a missing or malformed element is a 400 naming it. */
    public static ScreenForm toForm(DiagnosticReport r, UUID womanId) {
        String kind = r.getCode().getCoding().stream().filter(c -> KIND.equals(c.getSystem())).map(Coding::getCode).findFirst()
                .orElseThrow(() -> new InvalidRequestException("DiagnosticReport.code: a " + KIND + " code is required"));
        if (!r.hasEffectiveDateTimeType()) throw new InvalidRequestException("DiagnosticReport.effectiveDateTime (sampling date) is required");
        LocalDate sampled = day(r.getEffectiveDateTimeType().getValue());
        LocalDate reported = r.hasIssued() ? day(r.getIssued()) : null;
        String lab = r.getPerformer().stream().map(Reference::getIdentifier)
                .filter(i -> i != null && FhirCodes.INSTITUTION.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse(null);
        String external = r.getIdentifier().stream().filter(i -> LAB_REPORT.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse(null);
        Map<String, Observation> obs = new LinkedHashMap<>();
        for (Resource c : r.getContained()) {
            if (!(c instanceof Observation o)) continue;
            o.getCode().getCoding().stream().filter(x -> MARKER.equals(x.getSystem())).findFirst().ifPresent(x -> obs.put(x.getCode(), o));
        }
        Map<String, String> nipt = new LinkedHashMap<>();
        for (String t : new String[]{"T21", "T18", "T13", "SCA"}) {
            Observation o = obs.get("NIPT_" + t);
            if (o != null) {
                if (!o.hasValueCodeableConcept() || o.getValueCodeableConcept().getCodingFirstRep().getCode() == null) {
                    throw new InvalidRequestException("Observation NIPT_" + t + ": valueCodeableConcept is required");
                }
                nipt.put(t, o.getValueCodeableConcept().getCodingFirstRep().getCode());
            }
        }
        BigDecimal ga = number(obs.get("GESTATIONAL_DAYS"));
        Boolean abnormal = obs.containsKey("ULTRASOUND_ABNORMAL") && obs.get("ULTRASOUND_ABNORMAL").hasValueBooleanType()
                ? obs.get("ULTRASOUND_ABNORMAL").getValueBooleanType().getValue() : null;
        String finding = obs.containsKey("ULTRASOUND_FINDING") && obs.get("ULTRASOUND_FINDING").hasValueStringType()
                ? obs.get("ULTRASOUND_FINDING").getValueStringType().getValue() : r.getConclusion();
        return new ScreenForm(womanId, null, kind, sampled, reported, ga == null ? null : ga.intValue(), number(obs.get("WEIGHT_KG")), lab,
                whole(obs.get("T21_ONE_IN")), whole(obs.get("T18_ONE_IN")), number(obs.get("AFP_MOM")), number(obs.get("AFP_CUTOFF")),
                number(obs.get("NT_MM")), nipt.isEmpty() ? null : nipt, finding, abnormal, null, null, external);
    }

    private static LocalDate day(Date d) {
        return d.toInstant().atZone(CHINA).toLocalDate();
    }

    private static BigDecimal number(Observation o) {
        if (o == null) return null;
        if (o.hasValueQuantity()) return o.getValueQuantity().getValue();
        if (o.hasValueIntegerType()) return BigDecimal.valueOf(o.getValueIntegerType().getValue());
        throw new InvalidRequestException("Observation " + o.getCode().getCodingFirstRep().getCode() + ": valueQuantity or valueInteger is required");
    }

    private static Long whole(Observation o) {
        BigDecimal v = number(o);
        if (v == null) return null;
        if (v.stripTrailingZeros().scale() > 0) throw new InvalidRequestException("Observation " + o.getCode().getCodingFirstRep().getCode() + ": N of 1 in N is a whole number");
        return v.longValue();
    }

    /** A stored result as a DiagnosticReport with contained Observations. */
    public static DiagnosticReport toFhir(PrenatalScreens.ScreenView s) {
        DiagnosticReport r = new DiagnosticReport();
        r.setId(s.id().toString());
        r.getMeta().setLastUpdated(Date.from(s.createdAt().toInstant()));
        r.setStatus("VOIDED".equals(s.status()) ? DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR : DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.setCode(new CodeableConcept(new Coding(KIND, s.kind(), null)));
        r.setSubject(new Reference("Patient/" + s.womanId()));
        r.setEffective(PatientTranslator.dateTimeType(s.sampledOn()));
        if (s.reportedOn() != null) r.setIssued(Date.from(s.reportedOn().atStartOfDay(CHINA).toInstant()));
        if (s.labInstitutionCode() != null) r.addPerformer(new Reference().setIdentifier(new Identifier().setSystem(FhirCodes.INSTITUTION).setValue(s.labInstitutionCode())));
        if (s.externalId() != null) r.addIdentifier().setSystem(LAB_REPORT).setValue(s.externalId());
        int n = 0;
        n = add(r, n, "GESTATIONAL_DAYS", BigDecimal.valueOf(s.gestationalDays()), "d");
        if (s.t21OneIn() != null) n = add(r, n, "T21_ONE_IN", BigDecimal.valueOf(s.t21OneIn()), "1");
        if (s.t18OneIn() != null) n = add(r, n, "T18_ONE_IN", BigDecimal.valueOf(s.t18OneIn()), "1");
        if (s.afpMom() != null) n = add(r, n, "AFP_MOM", s.afpMom(), "1");
        if (s.ntMm() != null) n = add(r, n, "NT_MM", s.ntMm(), "mm");
        if (s.nipt() != null) {
            var it = s.nipt().fields();
            while (it.hasNext()) {
                var e = it.next();
                Observation o = observation(r, ++n, "NIPT_" + e.getKey());
                o.setValue(new CodeableConcept(new Coding(MARKER, e.getValue().asText(), null)));
            }
        }
        if (s.ultrasoundAbnormal() != null) observation(r, ++n, "ULTRASOUND_ABNORMAL").setValue(new BooleanType(s.ultrasoundAbnormal()));
        if (s.ultrasoundFinding() != null) observation(r, ++n, "ULTRASOUND_FINDING").setValue(new StringType(s.ultrasoundFinding()));
        r.addConclusionCode(new CodeableConcept(new Coding(BAND, s.band(), null)));
        r.setConclusion(s.band() + " (clinical-rules.md §7, " + s.ruleVersion() + (s.parameterSet() == null ? "" : ", parameters " + s.parameterSet()) + ")");
        return r;
    }

    private static int add(DiagnosticReport r, int n, String code, BigDecimal value, String unit) {
        observation(r, n + 1, code).setValue(new Quantity().setValue(value).setSystem(FhirCodes.UCUM).setCode(unit).setUnit(unit));
        return n + 1;
    }

    private static Observation observation(DiagnosticReport r, int n, String code) {
        Observation o = new Observation();
        o.setId("o" + n);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(MARKER, code, null)));
        o.setSubject(r.getSubject());
        r.addContained(o);
        r.addResult(new Reference("#o" + n));
        return o;
    }
}
