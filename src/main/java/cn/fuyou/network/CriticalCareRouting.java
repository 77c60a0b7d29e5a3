package cn.fuyou.network;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a woman's designated critical maternal care centre from the configurable centre ↔ service
 * area table (spec/network.md). A named zone (Liangjiang New Area) is served by the centre that
 * lists the zone; an address in a district goes to the centre that lists the district, unless the
 * address is configured as inside a zone.
 */
public final class CriticalCareRouting {

    /** Centre code by area code (district or zone), as configured. */
    private final Map<String, String> centreByArea;
    private final Set<String> zones;

    public CriticalCareRouting(Map<String, String> centreByArea, Set<String> zones) {
        this.centreByArea = Map.copyOf(centreByArea);
        this.zones = Set.copyOf(zones);
    }

    /** @param zone the zone the address belongs to by configuration (e.g. LJXQ), or null */
    public Optional<String> centreFor(String areaCode, String zone) {
        if (zone != null && zones.contains(zone) && centreByArea.containsKey(zone)) return Optional.of(centreByArea.get(zone));
        return Optional.ofNullable(centreByArea.get(areaCode));
    }

    public Optional<String> centreFor(String areaCode) {
        return centreFor(areaCode, zones.contains(areaCode) ? areaCode : null);
    }
}
