package cn.fuyou.training;

import cn.fuyou.shared.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The skill checklists, read once from {@code rules/training/*.json}. Several versions of one skill
 * may be present: new rounds take the newest, an assessment is always scored against its round's
 * version. A bad file stops the start.
 */
@Component
public class SkillChecklists {

    private final List<SkillChecklist> all;

    SkillChecklists(ObjectMapper json) {
        List<SkillChecklist> read = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:rules/training/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    read.add(validate(json.readValue(in, SkillChecklist.class), r.getFilename()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("skill checklists unreadable: " + e.getMessage(), e);
        }
        read.sort(Comparator.comparing(SkillChecklist::skill).thenComparing(SkillChecklist::version));
        this.all = List.copyOf(read);
    }

    static SkillChecklist validate(SkillChecklist c, String file) {
        if (c.skill() == null || c.version() == null || c.items() == null || c.items().isEmpty() || c.passMark() == null) {
            throw new IllegalStateException(file + ": skill, version, passMark and items are required");
        }
        if (c.items().stream().map(SkillChecklist.Item::code).distinct().count() != c.items().size()) {
            throw new IllegalStateException(file + ": item codes repeat");
        }
        if (c.items().stream().anyMatch(i -> i.points() == null || i.points().signum() <= 0)) {
            throw new IllegalStateException(file + ": every item needs positive points");
        }
        if (c.validityYears() < 1) throw new IllegalStateException(file + ": validityYears must be ≥ 1");
        return c;
    }

    /** The newest version of each skill. */
    public List<SkillChecklist> current() {
        return all.stream().map(SkillChecklist::skill).distinct().map(this::current).toList();
    }

    public SkillChecklist current(String skill) {
        return all.stream().filter(c -> c.skill().equals(skill)).reduce((a, b) -> b)
                .orElseThrow(() -> ApiException.badField("skill", "training.skill.unknown", skill));
    }

    public Optional<SkillChecklist> find(String skill, String version) {
        return all.stream().filter(c -> c.skill().equals(skill) && c.version().equals(version)).findFirst();
    }

    public SkillChecklist get(String skill, String version) {
        return find(skill, version).orElseThrow(() -> new IllegalStateException("checklist " + skill + " " + version + " is not installed"));
    }
}
