package cn.fuyou.training.internal;

import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Institutions by id through the registry's API (names and areas for training's lists; never a join of
 * its tables). The whole directory (a few hundred rows) is kept for {@link #TTL_MILLIS}: a list page or
 * a demo year would otherwise read it once per row.
 */
@Component
public class Directory {

    static final long TTL_MILLIS = 5_000;

    private final Institutions institutions;
    private volatile Map<UUID, Institution> cached;
    private volatile long cachedAt;

    Directory(Institutions institutions) {
        this.institutions = institutions;
    }

    /** Every institution, by id. */
    public Map<UUID, Institution> all() {
        Map<UUID, Institution> c = cached;
        if (c != null && System.currentTimeMillis() - cachedAt < TTL_MILLIS) return c;
        c = Map.copyOf(read());
        cached = c;
        cachedAt = System.currentTimeMillis();
        return c;
    }

    private Map<UUID, Institution> read() {
        Map<UUID, Institution> out = new HashMap<>();
        int page = 0;
        while (true) {
            PageResult<Institution> p = institutions.search(new Institutions.Filter(null, null, null, null, null), new PageRequest(page, PageResult.MAX_SIZE));
            p.items().forEach(i -> out.put(i.id(), i));
            if ((long) (page + 1) * PageResult.MAX_SIZE >= p.total() || p.items().isEmpty()) break;
            page++;
        }
        return out;
    }

    public Optional<Institution> byId(UUID id) {
        if (id == null) return Optional.empty();
        Institution hit = all().get(id);
        return hit != null ? Optional.of(hit) : institutions.findById(id);
    }

    public Optional<Institution> byCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : institutions.find(code);
    }

    public List<Institution> allianceMembers() {
        return all().values().stream().filter(i -> i.alliance() != null && i.alliance().status() != null && !"LEFT".equals(i.alliance().status()))
                .sorted(java.util.Comparator.comparing(Institution::code)).toList();
    }
}
