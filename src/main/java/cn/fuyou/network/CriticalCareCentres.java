package cn.fuyou.network;

import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The designated centres as configured in the registry (read per call: the table is small and edits take effect at once). */
@Service
public class CriticalCareCentres {

    private final Institutions institutions;
    private final Areas areas;

    CriticalCareCentres(Institutions institutions, Areas areas) {
        this.institutions = institutions;
        this.areas = areas;
    }

    public CriticalCareRouting routing() {
        Map<String, String> byArea = new HashMap<>();
        for (Institution c : institutions.designated(Designation.CRITICAL_MATERNAL_CARE_CENTRE)) {
            for (String a : c.serviceAreas()) byArea.put(a, c.code());
        }
        Set<String> zones = new HashSet<>();
        areas.all().stream().filter(a -> "ZONE".equals(a.kind())).forEach(a -> zones.add(a.code()));
        return new CriticalCareRouting(byArea, zones);
    }

    public Optional<Institution> maternalCentreFor(String areaCode) {
        if (areaCode == null) return Optional.empty();
        return routing().centreFor(areaCode).flatMap(institutions::find);
    }

    public Optional<Institution> newbornCentre() {
        List<Institution> centres = institutions.designated(Designation.CRITICAL_NEWBORN_CARE_CENTRE);
        return centres.isEmpty() ? Optional.empty() : Optional.of(centres.get(0));
    }
}
