package cn.fuyou.education;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.Attachments;
import cn.fuyou.shared.CurrentActor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editors write the library: drafts, changes (versioned), handbook files, publishing and withdrawal. */
@Service
public class EducationEditing {

    private final JdbcClient jdbc;
    private final EducationLibrary library;
    private final EditorPolicy policy;
    private final AuditLog audit;

    EducationEditing(JdbcClient jdbc, EducationLibrary library, EditorPolicy policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.library = library;
        this.policy = policy;
        this.audit = audit;
    }

    /** An item's editable content; {@code version} is required when changing an existing item. */
    public record ItemForm(String kind, String title, String summary, String markdown, String videoUrl, String language,
                           List<String> topics, Integer weekFrom, Integer weekTo, Integer ageFromMonths, Integer ageToMonths,
                           Long version) {}

    @Transactional
    public EducationItem create(ItemForm f) {
        Actor actor = editor();
        ItemForm v = validate(f, null);
        UUID id = UUID.randomUUID();
        insert(id, null, v, actor.username());
        audit.record(AuditRecord.write("CREATE", "EducationItem", id, null, Map.of("kind", v.kind())));
        return library.load(id, true);
    }

    /** For the starter set (system work): an item under a stable slug, published at once. */
    @Transactional
    public UUID loadStarter(String slug, ItemForm f) {
        ItemForm v = validate(f, null);
        UUID id = UUID.randomUUID();
        insert(id, slug, v, "system");
        jdbc.sql("update education_item set status = 'PUBLISHED', published_at = now(), published_by = 'system' where id = ?").param(id).update();
        return id;
    }

    private void insert(UUID id, String slug, ItemForm v, String who) {
        jdbc.sql("""
                insert into education_item (id, slug, kind, title, summary, body_md, video_url, language, topics, week_from, week_to,
                                            age_from_months, age_to_months, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, slug, v.kind(), v.title(), v.summary(), v.markdown(), v.videoUrl(), v.language(),
                        v.topics().toArray(String[]::new), v.weekFrom(), v.weekTo(), v.ageFromMonths(), v.ageToMonths(), who, who)
                .update();
    }

    @Transactional
    public EducationItem update(UUID id, ItemForm f) {
        Actor actor = editor();
        String kind = currentKind(id);
        ItemForm v = validate(f, kind);
        if (f.version() == null) throw ApiException.badField("version", "education.version-required");
        int n = jdbc.sql("""
                update education_item set title = ?, summary = ?, body_md = ?, video_url = ?, language = ?, topics = ?, week_from = ?,
                       week_to = ?, age_from_months = ?, age_to_months = ?, version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and version = ?""")
                .params(v.title(), v.summary(), v.markdown(), v.videoUrl(), v.language(), v.topics().toArray(String[]::new),
                        v.weekFrom(), v.weekTo(), v.ageFromMonths(), v.ageToMonths(), actor.username(), id, f.version())
                .update();
        if (n == 0) throw stale(id, f.version());
        audit.record(AuditRecord.write("UPDATE", "EducationItem", id, null, Map.of()));
        return library.load(id, true);
    }

    /** A handbook's PDF (checked by content, ≤ 10 MB). */
    @Transactional
    public EducationItem attach(UUID id, String fileName, byte[] content, Long version) {
        Actor actor = editor();
        if (!"HANDBOOK".equals(currentKind(id))) throw ApiException.badField("file", "education.file-only-handbook");
        String type = Attachments.mediaType(content, "file");
        if (!"application/pdf".equals(type)) throw ApiException.badField("file", "education.file-pdf-only");
        if (version == null) throw ApiException.badField("version", "education.version-required");
        String name = fileName == null || fileName.isBlank() ? "handbook.pdf" : fileName.strip();
        if (name.length() > 200) name = name.substring(name.length() - 200);
        int n = jdbc.sql("""
                update education_item set file_name = ?, file_type = ?, file_content = ?, version = version + 1, changed_at = now(),
                       changed_by = ? where id = ? and version = ?""")
                .params(name, type, content, actor.username(), id, version).update();
        if (n == 0) throw stale(id, version);
        audit.record(AuditRecord.write("ATTACH", "EducationItem", id, null, Map.of("bytes", content.length)));
        return library.load(id, true);
    }

    @Transactional
    public EducationItem publish(UUID id, Long version) {
        Actor actor = editor();
        EducationItem item = library.load(id, true);
        if ("HANDBOOK".equals(item.kind()) && item.fileType() == null) throw ApiException.badField("file", "education.handbook-needs-file");
        return changeStatus(id, version, "PUBLISHED", actor);
    }

    @Transactional
    public EducationItem withdraw(UUID id, Long version) {
        return changeStatus(id, version, "WITHDRAWN", editor());
    }

    private EducationItem changeStatus(UUID id, Long version, String status, Actor actor) {
        if (version == null) throw ApiException.badField("version", "education.version-required");
        currentKind(id);
        int n = jdbc.sql("""
                update education_item set status = ?, published_at = case when ? = 'PUBLISHED' then now() else published_at end,
                       published_by = case when ? = 'PUBLISHED' then ? else published_by end,
                       version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?""")
                .params(status, status, status, actor.username(), actor.username(), id, version).update();
        if (n == 0) throw stale(id, version);
        audit.record(AuditRecord.write(status.equals("PUBLISHED") ? "PUBLISH" : "WITHDRAW", "EducationItem", id, null, Map.of()));
        return library.load(id, true);
    }

    private Actor editor() {
        Actor actor = CurrentActor.get();
        if (!policy.mayEdit(actor)) throw ApiException.forbidden("education.editors-only");
        return actor;
    }

    private String currentKind(UUID id) {
        return jdbc.sql("select kind from education_item where id = ?").param(id).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("education item", id));
    }

    private ApiException stale(UUID id, long expected) {
        long actual = jdbc.sql("select version from education_item where id = ?").param(id).query(Long.class).single();
        return ApiException.staleVersion("education item", id, expected, actual);
    }

    /** Field checks; {@code existingKind} is kept on change (a kind never changes). */
    static ItemForm validate(ItemForm f, String existingKind) {
        if (f == null) throw ApiException.badField("title", "education.title-required");
        String kind = existingKind != null ? existingKind : f.kind();
        if (kind == null || !Topics.KINDS.contains(kind)) throw ApiException.badField("kind", "education.kind-invalid");
        String title = f.title() == null ? "" : f.title().strip();
        if (title.isEmpty() || title.length() > 200) throw ApiException.badField("title", "education.title-required");
        String summary = blankToNull(f.summary());
        if (summary != null && summary.length() > 1000) throw ApiException.badField("summary", "education.too-long", 1000);
        String md = blankToNull(f.markdown());
        if ("ARTICLE".equals(kind) && md == null) throw ApiException.badField("markdown", "education.markdown-required");
        if (md != null && md.length() > 100_000) throw ApiException.badField("markdown", "education.too-long", 100_000);
        String video = blankToNull(f.videoUrl());
        if ("VIDEO".equals(kind)) {
            if (video == null || !video.startsWith("https://") || video.length() > 1000 || video.chars().anyMatch(Character::isWhitespace)) {
                throw ApiException.badField("videoUrl", "education.video-url-invalid");
            }
        } else video = null;
        String language = f.language() == null ? "zh-CN" : f.language();
        if (!Topics.LANGUAGES.contains(language)) throw ApiException.badField("language", "education.language-invalid");
        List<String> topics = f.topics() == null ? List.of() : f.topics().stream().distinct().toList();
        for (int i = 0; i < topics.size(); i++) {
            if (!Topics.ALL.contains(topics.get(i))) throw ApiException.badField("topics[" + i + "]", "education.topic-invalid");
        }
        range(f.weekFrom(), f.weekTo(), 1, 42, "weekFrom", "weekTo");
        range(f.ageFromMonths(), f.ageToMonths(), 0, 36, "ageFromMonths", "ageToMonths");
        return new ItemForm(kind, title, summary, md, video, language, topics, f.weekFrom(), f.weekTo(), f.ageFromMonths(),
                f.ageToMonths(), f.version());
    }

    private static void range(Integer from, Integer to, int min, int max, String fromField, String toField) {
        if (from == null && to == null) return;
        if (from == null) throw ApiException.badField(fromField, "education.range-both");
        if (to == null) throw ApiException.badField(toField, "education.range-both");
        if (from < min || from > max) throw ApiException.badField(fromField, "education.range-bounds", min, max);
        if (to < min || to > max) throw ApiException.badField(toField, "education.range-bounds", min, max);
        if (from > to) throw ApiException.badField(toField, "education.range-order");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
