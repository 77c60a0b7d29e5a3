package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.maternal.RiskAssessments;
import cn.fuyou.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.springframework.stereotype.Component;

/** RiskAssessment: the five-colour gradings of her pregnancies. */
@Component
public class RiskAssessmentProvider implements IResourceProvider {

    private final PersonRecords records;
    private final RiskAssessments risk;

    RiskAssessmentProvider(PersonRecords records, RiskAssessments risk) {
        this.records = records;
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
        PregnancyRecord p = records.pregnancy(pregnancy);
        return p.gradings().stream().filter(g -> g.id().equals(grading)).findFirst().map(g -> RiskAssessmentTranslator.toFhir(p, g))
                .orElseThrow();
    }

    @Search
    public List<RiskAssessment> search(@OptionalParam(name = RiskAssessment.SP_PATIENT) ReferenceParam patient,
                                       @OptionalParam(name = RiskAssessment.SP_SUBJECT) ReferenceParam subject,
                                       @OptionalParam(name = RiskAssessment.SP_DATE) DateRangeParam date,
                                       @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, null, date, lastUpdated);
        records.open(q.person());
        List<RiskAssessment> out = new ArrayList<>();
        for (PregnancyRecord p : records.pregnancies(q.person())) p.gradings().forEach(g -> out.add(RiskAssessmentTranslator.toFhir(p, g)));
        return out.stream().filter(r -> q.matches(r, List.of(), r.getOccurrenceDateTimeType().getValue())).toList();
    }
}
