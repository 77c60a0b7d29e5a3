package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.registry.Institution;
import org.hl7.fhir.r4.model.Organization;

/** Institution → Organization: level and designations as types, id = institution code. */
public final class OrganizationTranslator {

    private OrganizationTranslator() {}

    public static Organization toFhir(Institution i) {
        Organization o = new Organization();
        o.setId(i.code());
        o.getMeta().setVersionId(Long.toString(i.version()));
        o.addIdentifier().setSystem(FhirCodes.INSTITUTION).setValue(i.code());
        o.setName(i.nameZh());
        o.addAlias(i.nameEn());
        o.addType().addCoding().setSystem(FhirCodes.INSTITUTION_LEVEL).setCode(Integer.toString(i.level())).setDisplay("Level " + i.level());
        o.addType().addCoding().setSystem("urn:fuyou:cs:institution-type").setCode(i.type().name());
        i.designations().forEach(d -> o.addType().addCoding().setSystem(FhirCodes.DESIGNATION).setCode(d.name()));
        o.addAddress().setDistrict(i.areaCode()).setCountry("CN");
        o.setActive(true);
        return o;
    }
}
