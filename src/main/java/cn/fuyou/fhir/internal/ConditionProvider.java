package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Condition: the conditions as received (ICD-10, SNOMED CT untouched); fuyou grades by the mapped ones. */
@Component
public class ConditionProvider implements IResourceProvider {

    private final PersonRecords records;
    private final ReceivedResources received;

    ConditionProvider(PersonRecords records, ReceivedResources received) {
        this.records = records;
        this.received = received;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        return Received.read(received, records, "Condition", id, null);
    }

    /** date = onset. */
    @Search
    public IBundleProvider search(@OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
                                  @OptionalParam(name = Condition.SP_ONSET_DATE) DateRangeParam onset,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, code, onset, lastUpdated);
        records.open(q.person());
        return new SearchResults(List.of(), received.find("Condition", q.person(), code, onset, lastUpdated));
    }
}
