package cn.fuyou.education;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One library item as readers see it: an article's Markdown is rendered to safe HTML (raw HTML in
 * the source is escaped); a handbook is downloaded by {@code /api/education/items/{id}/file}; a video
 * is a link. {@code markdown} is given to editors only.
 */
public record EducationItem(UUID id, String kind, String title, String summary, String html, String markdown, String fileName,
                            String fileType, String videoUrl, String language, List<String> topics, Integer weekFrom, Integer weekTo,
                            Integer ageFromMonths, Integer ageToMonths, String status, OffsetDateTime publishedAt, long version,
                            OffsetDateTime changedAt, String changedBy) {

    /** A line in a list (no body). */
    public record Summary(UUID id, String kind, String title, String summary, String language, List<String> topics, Integer weekFrom,
                          Integer weekTo, Integer ageFromMonths, Integer ageToMonths, String status, long version) {}

    public Summary summaryLine() {
        return new Summary(id, kind, title, summary, language, topics, weekFrom, weekTo, ageFromMonths, ageToMonths, status, version);
    }
}
