package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import cn.fuyou.hospital.BedBoard;
import cn.fuyou.shared.CurrentActor;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.springframework.stereotype.Component;

/**
 * Location: a hospital's wards and beds with their operational status, for the hospital's HIS.
 * Scoped like the bed board: the hospital's own staff see beds; others see wards with counts only.
 */
@Component
public class LocationProvider implements IResourceProvider {

    private final BedBoard board;

    LocationProvider(BedBoard board) {
        this.board = board;
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    /** {@code <institution>.<ward>} reads a ward; a UUID reads a bed of the caller's hospital. */
    @Read(version = false)
    public Location read(@IdParam IdType id) {
        String part = id.getIdPart();
        int dot = part.indexOf('.');
        String institution = dot > 0 ? part.substring(0, dot) : CurrentActor.get().institutionCode();
        return locations(institution).stream().filter(l -> l.getIdElement().getIdPart().equals(part)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** By managing organization (default: the caller's), physical type (wa, bd) and operational status (U, O, H, C, RESERVED). */
    @Search
    public List<Location> search(@OptionalParam(name = Location.SP_ORGANIZATION) ReferenceParam organization,
                                 @OptionalParam(name = "physical-type") TokenParam physicalType,
                                 @OptionalParam(name = Location.SP_OPERATIONAL_STATUS) TokenParam status) {
        String institution = organization == null ? CurrentActor.get().institutionCode() : organization.getIdPart();
        return locations(institution).stream()
                .filter(l -> physicalType == null || physicalType.getValue().equals(l.getPhysicalType().getCodingFirstRep().getCode()))
                .filter(l -> status == null || (l.hasOperationalStatus() && status.getValue().equals(l.getOperationalStatus().getCode())))
                .toList();
    }

    private List<Location> locations(String institution) {
        BedBoard.Board b = board.board(institution);
        List<Location> out = new ArrayList<>();
        for (BedBoard.WardView w : b.wards()) {
            out.add(LocationTranslator.ward(b.institutionCode(), w));
            if (w.beds() != null) w.beds().forEach(bed -> out.add(LocationTranslator.bed(b.institutionCode(), bed)));
        }
        return out;
    }
}
