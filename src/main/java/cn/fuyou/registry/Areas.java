package cn.fuyou.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Areas are reference data changed only by migrations, so they are read once and kept. */
@Service
public class Areas {

    private final JdbcClient jdbc;
    private volatile Map<String, Area> byCode;
    private volatile Map<String, Set<String>> zoneParts;

    Areas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> all() {
        return List.copyOf(index().values().stream()
                .sorted(java.util.Comparator.comparing(Area::code)).toList());
    }

    public Optional<Area> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(index().get(code));
    }

    /** The area and everything beneath it (a municipality, province or city with its districts). */
    public Set<String> withDescendants(String code) {
        var result = new java.util.HashSet<String>();
        result.add(code);
        index().values().stream().filter(a -> code.equals(a.parentCode()) && !"ZONE".equals(a.kind()))
                .forEach(a -> result.addAll(withDescendants(a.code())));
        return result;
    }

    /** The districts a named zone spans parts of (Liangjiang New Area: Jiangbei, Yubei, Beibei). */
    public Set<String> zoneParts(String zoneCode) {
        return zoneParts().getOrDefault(zoneCode, Set.of());
    }

    public boolean isZone(String code) {
        return find(code).map(a -> "ZONE".equals(a.kind())).orElse(false);
    }

    private Map<String, Area> index() {
        if (byCode == null) {
            byCode = jdbc.sql("select code, name_zh, name_en, kind, parent_code from area").query(Area.class).list()
                    .stream().collect(Collectors.toMap(Area::code, Function.identity()));
        }
        return byCode;
    }

    private Map<String, Set<String>> zoneParts() {
        if (zoneParts == null) {
            zoneParts = jdbc.sql("select zone_code, area_code from area_zone_part")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                    .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        }
        return zoneParts;
    }
}
