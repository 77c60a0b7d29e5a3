package cn.fuyou.education.internal;

import cn.fuyou.education.EducationEditing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The library's starter set (issue 12 §2): zh-CN articles for mothers covering every trimester and
 * the first three years, Markdown files under {@code education/starter/} with a small header
 * (title, summary, topics, weeks, ageMonths). Loaded at first start and whenever a new file appears,
 * published at once; an item already loaded (by its file name) is never touched again, so editors'
 * changes and withdrawals stay. {@code fuyou.education.starter-set=false} turns it off.
 */
@Component
class StarterSet {

    private static final Logger log = LoggerFactory.getLogger(StarterSet.class);

    private final JdbcClient jdbc;
    private final EducationEditing editing;
    private final boolean enabled;

    StarterSet(JdbcClient jdbc, EducationEditing editing, @Value("${fuyou.education.starter-set:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.editing = editing;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(115)
    void load() throws IOException {
        if (!enabled) return;
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:education/starter/*.md");
        Arrays.sort(files, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
        int loaded = 0;
        for (Resource file : files) {
            String slug = "starter/" + file.getFilename().replace(".md", "");
            if (jdbc.sql("select count(*) from education_item where slug = ?").param(slug).query(Long.class).single() > 0) continue;
            editing.loadStarter(slug, parse(new String(file.getContentAsByteArray(), StandardCharsets.UTF_8)));
            loaded++;
        }
        if (loaded > 0) log.info("Education starter set: {} items loaded", loaded);
    }

    /** A header between two {@code ---} lines, then the Markdown body. */
    static EducationEditing.ItemForm parse(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) throw new IllegalArgumentException("starter item without a header");
        int end = normalized.indexOf("\n---\n", 4);
        Map<String, String> header = new HashMap<>();
        for (String line : normalized.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        String body = normalized.substring(end + 5).strip();
        List<String> topics = new ArrayList<>();
        for (String t : header.getOrDefault("topics", "").split(",")) if (!t.isBlank()) topics.add(t.strip());
        int[] weeks = range(header.get("weeks"));
        int[] months = range(header.get("ageMonths"));
        return new EducationEditing.ItemForm("ARTICLE", header.get("title"), header.get("summary"), body, null,
                header.getOrDefault("language", "zh-CN"), topics, weeks == null ? null : weeks[0], weeks == null ? null : weeks[1],
                months == null ? null : months[0], months == null ? null : months[1], null);
    }

    private static int[] range(String value) {
        if (value == null || value.isBlank()) return null;
        String[] parts = value.split("-");
        return new int[]{Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
    }
}
