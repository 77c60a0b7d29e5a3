package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** EpisodeOfCare: her pregnancies. */
@Component
public class EpisodeOfCareProvider implements IResourceProvider {

    private final PersonRecords records;

    EpisodeOfCareProvider(PersonRecords records) {
        this.records = records;
    }

    @Override
    public Class<EpisodeOfCare> getResourceType() {
        return EpisodeOfCare.class;
    }

    @Read(version = false)
    public EpisodeOfCare read(@IdParam IdType id) {
        return EpisodeOfCareTranslator.toFhir(records.pregnancy(PatientProvider.uuid(id)));
    }

    @Search
    public List<EpisodeOfCare> search(@OptionalParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient,
                                      @OptionalParam(name = EpisodeOfCare.SP_DATE) DateRangeParam date,
                                      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, null, null, date, lastUpdated);
        records.open(q.person());
        return records.pregnancies(q.person()).stream().map(EpisodeOfCareTranslator::toFhir)
                .filter(e -> q.matches(e, List.of(), e.getPeriod().getStart())).toList();
    }
}
