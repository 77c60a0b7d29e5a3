package cn.fuyou.education;

import cn.fuyou.education.internal.Markdown;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading the library: an item by id, the published items for a gestational week or a child's age
 * (what the mother's app shows and what training courses link to by id), and the desk's search.
 */
@Service
public class EducationLibrary {

    static final String COLUMNS = """
            id, kind, title, summary, body_md, file_name, file_type, video_url, language, topics, week_from, week_to,
            age_from_months, age_to_months, status, published_at, version, changed_at, changed_by""" + " ";
    /** Lists do not need the body (nor its rendering). */
    static final String LIST_COLUMNS = COLUMNS.replace("body_md", "null::text as body_md");

    private final JdbcClient jdbc;

    EducationLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published item by id (what other modules link to); empty when missing, a draft or withdrawn. */
    public Optional<EducationItem> findPublished(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from education_item where id = ? and status = 'PUBLISHED'").param(id)
                .query((rs, n) -> map(rs, false)).optional();
    }

    /** Whether an item exists at all (published or not): for modules that keep a link to it. */
    public boolean exists(UUID id) {
        return jdbc.sql("select count(*) from education_item where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Published items whose gestational-week range holds {@code week}, in the language first, then any. */
    public List<EducationItem.Summary> forWeek(int week, String language) {
        return jdbc.sql("select " + LIST_COLUMNS + """
                 from education_item where status = 'PUBLISHED' and week_from <= ? and week_to >= ?
                 order by (language = ?) desc, week_from, title""")
                .params(week, week, language == null ? "zh-CN" : language)
                .query((rs, n) -> map(rs, false).summaryLine()).list();
    }

    /** Published items whose child-age range (completed months, 0–36) holds {@code months}. */
    public List<EducationItem.Summary> forChildAge(int months, String language) {
        return jdbc.sql("select " + LIST_COLUMNS + """
                 from education_item where status = 'PUBLISHED' and age_from_months <= ? and age_to_months >= ?
                 order by (language = ?) desc, age_from_months, title""")
                .params(months, months, language == null ? "zh-CN" : language)
                .query((rs, n) -> map(rs, false).summaryLine()).list();
    }

    public record Query(String text, String topic, String kind, String status, Integer week, Integer ageMonths) {}

    /** The desk's list: editors see drafts and withdrawn items, everyone else published ones only. */
    PageResult<EducationItem.Summary> search(Query q, boolean editor, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (!editor) where.append(" and status = 'PUBLISHED'");
        else if (q.status() != null && !q.status().isBlank()) { where.append(" and status = ?"); params.add(q.status()); }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (title ilike ? or summary ilike ?)");
            String like = "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (q.topic() != null && !q.topic().isBlank()) { where.append(" and ? = any(topics)"); params.add(q.topic()); }
        if (q.kind() != null && !q.kind().isBlank()) { where.append(" and kind = ?"); params.add(q.kind()); }
        if (q.week() != null) { where.append(" and week_from <= ? and week_to >= ?"); params.add(q.week()); params.add(q.week()); }
        if (q.ageMonths() != null) {
            where.append(" and age_from_months <= ? and age_to_months >= ?");
            params.add(q.ageMonths());
            params.add(q.ageMonths());
        }
        long total = jdbc.sql("select count(*) from education_item" + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<EducationItem.Summary> items = jdbc.sql("select " + LIST_COLUMNS + " from education_item" + where
                        + " order by coalesce(week_from, 100), coalesce(age_from_months, 100), title limit ? offset ?")
                .params(pageParams).query((rs, n) -> map(rs, false).summaryLine()).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Any item for the desk; drafts only for editors (404 otherwise, as if absent). */
    EducationItem load(UUID id, boolean editor) {
        return jdbc.sql("select " + COLUMNS + " from education_item where id = ?").param(id)
                .query((rs, n) -> map(rs, editor)).optional()
                .filter(i -> editor || "PUBLISHED".equals(i.status()))
                .orElseThrow(() -> ApiException.notFound("education item", id));
    }

    record File(String name, String type, byte[] content) {}

    /** A published handbook's PDF (for readers outside the staff desk, e.g. the mother's app). */
    public record PublishedFile(String name, String type, byte[] content) {}

    public Optional<PublishedFile> publishedFile(UUID id) {
        return file(id, false).map(f -> new PublishedFile(f.name(), f.type(), f.content()));
    }

    Optional<File> file(UUID id, boolean editor) {
        return jdbc.sql("select file_name, file_type, file_content, status from education_item where id = ? and file_content is not null")
                .param(id).query((rs, n) -> editor || "PUBLISHED".equals(rs.getString(4))
                        ? new File(rs.getString(1), rs.getString(2), rs.getBytes(3)) : null)
                .optional();
    }

    static EducationItem map(ResultSet rs, boolean withMarkdown) throws SQLException {
        String md = rs.getString("body_md");
        return new EducationItem(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"), rs.getString("summary"),
                Markdown.toHtml(md), withMarkdown ? md : null, rs.getString("file_name"), rs.getString("file_type"),
                rs.getString("video_url"), rs.getString("language"), strings(rs.getArray("topics")), integer(rs, "week_from"),
                integer(rs, "week_to"), integer(rs, "age_from_months"), integer(rs, "age_to_months"), rs.getString("status"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getLong("version"),
                rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
