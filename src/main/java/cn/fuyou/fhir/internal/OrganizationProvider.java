package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.PageRequest;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/** Organization: the network's institutions with their level and designations (id = institution code). */
@Component
public class OrganizationProvider implements IResourceProvider {

    private final Institutions institutions;

    OrganizationProvider(Institutions institutions) {
        this.institutions = institutions;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read(version = false)
    public Organization read(@IdParam IdType id) {
        return OrganizationTranslator.toFhir(institutions.get(id.getIdPart()));
    }

    @Search
    public List<Organization> search(@OptionalParam(name = Organization.SP_NAME) StringParam name,
                                     @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier,
                                     @OptionalParam(name = "address-district") StringParam district) {
        if (identifier != null) return institutions.find(identifier.getValue()).map(OrganizationTranslator::toFhir).stream().toList();
        return institutions.search(new Institutions.Filter(name == null ? null : name.getValue(), district == null ? null : district.getValue(),
                null, null, null), new PageRequest(0, 200)).items().stream().map(OrganizationTranslator::toFhir).toList();
    }
}
