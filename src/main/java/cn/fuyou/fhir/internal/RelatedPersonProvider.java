package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.stereotype.Component;

/** RelatedPerson: her mother, children and partner, each as a RelatedPerson of hers. */
@Component
public class RelatedPersonProvider implements IResourceProvider {

    private final PersonRecords records;

    RelatedPersonProvider(PersonRecords records) {
        this.records = records;
    }

    @Override
    public Class<RelatedPerson> getResourceType() {
        return RelatedPerson.class;
    }

    @Read(version = false)
    public RelatedPerson read(@IdParam IdType id) {
        return (RelatedPerson) Received.read(null, records, "RelatedPerson", id,
                (owner, part) -> RelatedPersonTranslator.toFhir(records.open(owner)));
    }

    @Search
    public List<RelatedPerson> search(@OptionalParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient,
                                      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, null, null, null, lastUpdated);
        return RelatedPersonTranslator.toFhir(records.open(q.person())).stream().filter(r -> q.matches(r, List.of(), null)).toList();
    }
}
