package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.maternal.PregnancyRecord;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;

/** Five-colour grading → RiskAssessment: the colour and the purple flag are codes of fuyou's CodeSystem; each factor's reason a note. */
public final class RiskAssessmentTranslator {

    private RiskAssessmentTranslator() {}

    public static RiskAssessment toFhir(PregnancyRecord p, PregnancyRecord.Grading g) {
        RiskAssessment r = new RiskAssessment();
        r.setId(g.id().toString());
        if (g.createdAt() != null) r.getMeta().setLastUpdated(Date.from(g.createdAt().toInstant()));
        r.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        r.setSubject(new Reference("Patient/" + p.womanId()));
        r.addBasis(new Reference("EpisodeOfCare/" + p.id()));
        r.setOccurrence(PatientTranslator.dateTimeType(g.assessedOn()));
        r.setMethod(new CodeableConcept(new Coding("urn:fuyou:cs:rule-set", g.ruleSetVersion(), "NHC 2017 five-colour grading")));
        r.setCode(new CodeableConcept(new Coding("urn:fuyou:cs:grading-stage", g.stage(), null)));
        r.addPrediction().setOutcome(new CodeableConcept(new Coding(FhirCodes.RISK_COLOUR, g.colour().name(), g.colour().name().toLowerCase())));
        if (g.purple()) r.addPrediction().setOutcome(new CodeableConcept(new Coding(FhirCodes.RISK_COLOUR, "PURPLE", "purple")));
        g.factors().forEach(f -> r.addNote().setText(f.path("code").asText() + " (" + f.path("colour").asText() + "): "
                + f.path("reasonZh").asText() + " / " + f.path("reasonEn").asText()));
        if (g.overrideReason() != null) r.addNote().setText("override: " + g.overrideReason());
        return r;
    }
}
