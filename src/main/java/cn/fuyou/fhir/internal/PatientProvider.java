package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonSummary;
import cn.fuyou.registry.ExternalPerson;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.ExternalPersonImport;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.PersonRegistration;
import cn.fuyou.registry.PersonSearch;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/** Patient over the registry: reads and searches are scoped and audited by the registry itself. */
@Component
public class PatientProvider implements IResourceProvider {

    private final Persons persons;
    private final PersonAccess access;
    private final PersonSearch personSearch;
    private final PersonRegistration registration;
    private final ExternalPersonImport externalPersons;

    PatientProvider(Persons persons, PersonAccess access, PersonSearch personSearch, PersonRegistration registration, ExternalPersonImport externalPersons) {
        this.persons = persons;
        this.access = access;
        this.personSearch = personSearch;
        this.registration = registration;
        this.externalPersons = externalPersons;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read(version = false)
    public Patient read(@IdParam IdType id) {
        return PatientTranslator.toFhir(access.open(uuid(id)));
    }

    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                @OptionalParam(name = Patient.SP_NAME) StringParam name,
                                @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate,
                                @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                @Count Integer count) {
        String q = identifier != null ? identifier.getValue() : name != null ? name.getValue() : null;
        List<PersonSummary> hits;
        if (identifier != null && identifier.getSystem() != null && !FhirCodes.RESIDENT_ID.equals(identifier.getSystem())) {
            String type = FhirCodes.PASSPORT.equals(identifier.getSystem()) ? "PASSPORT" : "EXTERNAL";
            String number = type.equals("EXTERNAL") ? identifier.getSystem() + "|" + identifier.getValue() : identifier.getValue();
            Optional<UUID> id = persons.findByDocument(type, number);
            return id.filter(access::canAccess).map(access::open).map(PatientTranslator::toFhir).stream().toList();
        }
        hits = personSearch.search(q, new PageRequest(0, 200)).items();
        return hits.stream().filter(h -> !h.restricted())
                .map(h -> persons.load(h.id()).orElseThrow())
                // a birthdate of any precision (year, year-month, day, with a time) matches by its prefix (found by ApiFuzzTest: 500)
                .filter(p -> birthdate == null || birthdate.getValue() == null
                        || p.birthDate().toString().startsWith(dayPart(birthdate.getValueAsString())))
                .filter(p -> lastUpdated == null || within(lastUpdated, java.util.Date.from(p.changedAt().toInstant())))
                .map(PatientTranslator::toFhir)
                .toList();
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient, @ConditionalUrlParam String conditional) {
        Identifier doc = PatientTranslator.document(patient);
        if (doc != null) {
            String type = FhirCodes.PASSPORT.equals(doc.getSystem()) ? "PASSPORT" : "RESIDENT_ID";
            Optional<UUID> existing = persons.findByDocument(type, doc.getValue() == null ? "" : doc.getValue().trim().toUpperCase());
            if (existing.isPresent()) return new MethodOutcome(new IdType("Patient", existing.get().toString()), false);
            PersonDetail created = registration.register(PatientTranslator.toForm(patient, null));
            return new MethodOutcome(new IdType("Patient", created.id().toString(), Long.toString(created.version())), true);
        }
        return new MethodOutcome(new IdType("Patient", importExternal(patient).toString()), true);
    }

    /** A patient from another system without a Chinese document: identified by its first identifier. */
    public UUID importExternal(Patient patient) {
        Identifier id = patient.getIdentifier().stream().filter(i -> i.hasSystem() && i.hasValue()).findFirst()
                .orElseThrow(() -> ApiException.badField("Patient.identifier", "an identifier with system and value is required"));
        var name = patient.getNameFirstRep();
        String phone = patient.getTelecom().stream().filter(t -> t.getSystem() == org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
                .map(t -> t.getValue()).findFirst().orElse(null);
        String district = patient.getAddressFirstRep().getDistrict();
        return externalPersons.importExternal(new ExternalPerson(id.getSystem() + "|" + id.getValue(), name.getFamily(),
                name.getGivenAsSingleString(), PatientTranslator.sex(patient), PatientTranslator.localDate(patient.getBirthDateElement()),
                phone, district != null && district.matches("\\d{6}|LJXQ") ? district : null));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient) {
        String v = id.hasVersionIdPart() ? id.getVersionIdPart() : patient.getMeta().getVersionId();
        if (v == null) throw ApiException.badField("meta.versionId", "version required (If-Match or meta.versionId)");
        PersonDetail updated = registration.correct(uuid(id), PatientTranslator.toForm(patient, Long.parseLong(v)));
        return new MethodOutcome(new IdType("Patient", updated.id().toString(), Long.toString(updated.version())), false)
                .setResource(PatientTranslator.toFhir(updated));
    }

    private static String dayPart(String fhirDate) {
        return fhirDate.length() > 10 ? fhirDate.substring(0, 10) : fhirDate;
    }

    private static boolean within(DateRangeParam range, java.util.Date d) {
        return (range.getLowerBoundAsInstant() == null || !d.before(range.getLowerBoundAsInstant()))
                && (range.getUpperBoundAsInstant() == null || !d.after(range.getUpperBoundAsInstant()));
    }

    static UUID uuid(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Patient", id.getIdPart());
        }
    }
}
