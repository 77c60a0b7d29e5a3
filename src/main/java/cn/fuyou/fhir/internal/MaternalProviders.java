package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.fhir.GradingInputMapping;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.maternal.RiskAssessments;
import cn.fuyou.shared.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.springframework.stereotype.Component;

/** EpisodeOfCare (pregnancy), RiskAssessment (five-colour grading) and Observation (antenatal contacts) over the maternal module. */
public final class MaternalProviders {

    private MaternalProviders() {}

    static List<PregnancyRecord> pregnanciesOf(Pregnancies pregnancies, ReferenceParam patient) {
        UUID woman = PatientProvider.uuid(new IdType("Patient", patient.getIdPart()));
        return pregnancies.forWoman(woman).stream().map(s -> pregnancies.open(s.id())).toList();
    }

    @Component
    public static class EpisodeOfCareProvider implements IResourceProvider {
        private final Pregnancies pregnancies;

        EpisodeOfCareProvider(Pregnancies pregnancies) {
            this.pregnancies = pregnancies;
        }

        @Override
        public Class<EpisodeOfCare> getResourceType() {
            return EpisodeOfCare.class;
        }

        @Read(version = false)
        public EpisodeOfCare read(@IdParam IdType id) {
            return toFhir(pregnancies.open(PatientProvider.uuid(id)));
        }

        @Search
        public List<EpisodeOfCare> search(@RequiredParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient) {
            return pregnanciesOf(pregnancies, patient).stream().map(EpisodeOfCareProvider::toFhir).toList();
        }

        public static EpisodeOfCare toFhir(PregnancyRecord p) {
            EpisodeOfCare e = new EpisodeOfCare();
            e.setId(p.id().toString());
            e.getMeta().setVersionId(Long.toString(p.version()));
            e.setStatus("OPEN".equals(p.status()) ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
            e.addType().addCoding().setSystem(FhirCodes.SNOMED).setCode("77386006").setDisplay("Pregnancy");
            e.setPatient(new Reference("Patient/" + p.womanId()));
            e.setManagingOrganization(new Reference("Organization/" + p.careInstitution().code()));
            e.setPeriod(new Period().setStartElement(PatientTranslator.dateTimeType(p.registeredOn())).setEndElement(PatientTranslator.dateTimeType(p.outcomeDate())));
            e.addExtension("urn:fuyou:ext:edd", PatientTranslator.dateType(p.edd()));
            if (p.colour() != null) {
                e.addExtension("urn:fuyou:ext:risk-colour", new Coding(FhirCodes.RISK_COLOUR, p.colour().name(), null));
            }
            return e;
        }
    }

    @Component
    public static class RiskAssessmentProvider implements IResourceProvider {
        private final Pregnancies pregnancies;
        private final RiskAssessments risk;

        RiskAssessmentProvider(Pregnancies pregnancies, RiskAssessments risk) {
            this.pregnancies = pregnancies;
            this.risk = risk;
        }

        @Override
        public Class<RiskAssessment> getResourceType() {
            return RiskAssessment.class;
        }

        @Read(version = false)
        public RiskAssessment read(@IdParam IdType id) {
            UUID grading = PatientProvider.uuid(id);
            UUID pregnancy = risk.pregnancyOf(grading).orElseThrow(() -> ApiException.notFound("RiskAssessment", id.getIdPart()));
            PregnancyRecord p = pregnancies.open(pregnancy);
            return p.gradings().stream().filter(g -> g.id().equals(grading)).findFirst().map(g -> toFhir(p, g)).orElseThrow();
        }

        @Search
        public List<RiskAssessment> search(@RequiredParam(name = RiskAssessment.SP_SUBJECT) ReferenceParam subject) {
            List<RiskAssessment> out = new ArrayList<>();
            for (PregnancyRecord p : pregnanciesOf(pregnancies, subject)) p.gradings().forEach(g -> out.add(toFhir(p, g)));
            return out;
        }

        /** The colour and the purple flag are codes of fuyou's CodeSystem; each factor's reason is a basis note. */
        public static RiskAssessment toFhir(PregnancyRecord p, PregnancyRecord.Grading g) {
            RiskAssessment r = new RiskAssessment();
            r.setId(g.id().toString());
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

    @Component
    public static class ObservationProvider implements IResourceProvider {
        private final Pregnancies pregnancies;

        ObservationProvider(Pregnancies pregnancies) {
            this.pregnancies = pregnancies;
        }

        @Override
        public Class<Observation> getResourceType() {
            return Observation.class;
        }

        /** Each measured value of each antenatal contact, as a LOINC-coded Observation in fuyou's unit. */
        public static List<Observation> observations(PregnancyRecord p) {
            List<Observation> out = new ArrayList<>();
            for (PregnancyRecord.Contact c : p.contacts()) {
                for (var e : GradingInputMapping.LOINC.entrySet()) {
                    var field = FIELDS.get(e.getValue().field());
                    Object v = field == null ? null : field.apply(c);
                    if (v == null) continue;
                    Observation o = new Observation();
                    o.setId(c.id() + "-" + e.getKey());
                    o.setStatus(Observation.ObservationStatus.FINAL);
                    o.setSubject(new Reference("Patient/" + p.womanId()));
                    o.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, e.getKey(), null)));
                    o.setEffective(PatientTranslator.dateTimeType(c.contactDate()));
                    o.setValue(new Quantity().setValue(new BigDecimal(v.toString())).setUnit(e.getValue().fuyouUnit()).setSystem(FhirCodes.UCUM)
                            .setCode(e.getValue().fuyouUnit()));
                    out.add(o);
                }
            }
            return out;
        }

        private static final Map<String, Function<PregnancyRecord.Contact, Object>> FIELDS = Map.of(
                "weightKg", PregnancyRecord.Contact::weightKg, "systolic", PregnancyRecord.Contact::systolic,
                "diastolic", PregnancyRecord.Contact::diastolic, "hemoglobinGPerL", PregnancyRecord.Contact::hemoglobinGPerL,
                "plateletsE9PerL", PregnancyRecord.Contact::plateletsE9PerL, "fundalHeightCm", PregnancyRecord.Contact::fundalHeightCm,
                "fetalHeartRate", PregnancyRecord.Contact::fetalHeartRate, "ejectionFractionPercent", PregnancyRecord.Contact::ejectionFractionPercent);

        @Search
        public List<Observation> search(@RequiredParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
                                        @OptionalParam(name = Observation.SP_CODE) TokenParam code) {
            List<Observation> out = new ArrayList<>();
            for (PregnancyRecord p : pregnanciesOf(pregnancies, subject)) {
                observations(p).stream().filter(o -> code == null || code.getValue().equals(o.getCode().getCodingFirstRep().getCode()))
                        .forEach(out::add);
            }
            return out;
        }
    }
}
