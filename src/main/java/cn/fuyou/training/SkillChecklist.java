package cn.fuyou.training;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scored skill checklist as versioned rule data ({@code rules/training/*.json}): each item has its
 * points; a critical item scored below full points fails the assessment whatever the total; the pass
 * mark is a percentage of the maximum; a certificate issued on passing is valid {@code validityYears}.
 */
public record SkillChecklist(String skill, String version, String nameZh, String nameEn, String source, BigDecimal passMark,
                             int validityYears, List<Item> items) {

    public record Item(String code, String zh, String en, BigDecimal points, boolean critical) {}

    public BigDecimal maxScore() {
        return items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
