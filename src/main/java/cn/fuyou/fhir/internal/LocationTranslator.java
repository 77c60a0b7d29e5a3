package cn.fuyou.fhir.internal;

import cn.fuyou.hospital.BedBoard;
import cn.fuyou.hospital.BedState;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;

/**
 * Wards and beds as FHIR Locations (issue 11 §6). A ward is {@code <institution>.<ward>} with
 * physical type "wa"; a bed is its UUID with physical type "bd", partOf its ward, and its state as
 * the operational status (HL7 v2 table 0116: U unoccupied, O occupied, H housekeeping, C closed;
 * fuyou's own code for reserved, which 0116 lacks).
 */
final class LocationTranslator {

    static final String PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    static final String BED_STATUS = "http://terminology.hl7.org/CodeSystem/v2-0116";
    static final String FUYOU_BED_STATE = "urn:fuyou:cs:bed-state";
    static final String BED_TYPE = "urn:fuyou:cs:bed-type";

    private LocationTranslator() {}

    static String wardId(String institutionCode, String wardCode) {
        return institutionCode + "." + wardCode;
    }

    static Location ward(String institutionCode, BedBoard.WardView w) {
        Location l = new Location();
        l.setId(wardId(institutionCode, w.wardCode()));
        l.setStatus(Location.LocationStatus.ACTIVE);
        l.setMode(Location.LocationMode.INSTANCE);
        l.setName(w.nameZh());
        l.addAlias(w.nameEn());
        l.addIdentifier().setSystem("urn:fuyou:sid:ward").setValue(wardId(institutionCode, w.wardCode()));
        l.setPhysicalType(new CodeableConcept(new Coding(PHYSICAL_TYPE, "wa", "Ward")));
        l.setDescription(w.divisionNameZh() + " / " + w.divisionNameEn());
        l.setManagingOrganization(new Reference("Organization/" + institutionCode));
        w.capacity().forEach(c -> l.addType(new CodeableConcept(new Coding(BED_TYPE, c.type().name(), null))
                .setText(c.type().name() + " free " + c.free() + "/" + c.total())));
        return l;
    }

    static Location bed(String institutionCode, BedBoard.BedView b) {
        Location l = new Location();
        l.setId(b.id().toString());
        l.getMeta().setVersionId(Long.toString(b.version()));
        l.setStatus(b.state() == BedState.CLOSED ? Location.LocationStatus.SUSPENDED : Location.LocationStatus.ACTIVE);
        l.setMode(Location.LocationMode.INSTANCE);
        l.setName(b.label());
        l.setPhysicalType(new CodeableConcept(new Coding(PHYSICAL_TYPE, "bd", "Bed")));
        l.addType(new CodeableConcept(new Coding(BED_TYPE, b.type().name(), null)));
        l.setOperationalStatus(operationalStatus(b.state()));
        l.setPartOf(new Reference("Location/" + wardId(institutionCode, b.wardCode())));
        l.setManagingOrganization(new Reference("Organization/" + institutionCode));
        return l;
    }

    static Coding operationalStatus(BedState s) {
        return switch (s) {
            case FREE -> new Coding(BED_STATUS, "U", "Unoccupied");
            case OCCUPIED -> new Coding(BED_STATUS, "O", "Occupied");
            case CLEANING -> new Coding(BED_STATUS, "H", "Housekeeping");
            case CLOSED -> new Coding(BED_STATUS, "C", "Closed");
            case RESERVED -> new Coding(FUYOU_BED_STATE, "RESERVED", "Reserved");
        };
    }

}
