package cn.fuyou.training;

import cn.fuyou.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores one skill assessment against its checklist (pure policy, no Spring): every item must be
 * scored between 0 and its points; the percentage of the maximum decides against the pass mark, and
 * a critical item not fully met fails the assessment whatever the total (the way OSCE-style skill
 * stations of the midwife assessments are marked). The result names the checklist version.
 */
public final class SkillScoring {

    private SkillScoring() {}

    public record Result(String skill, String checklistVersion, BigDecimal score, BigDecimal maxScore, BigDecimal percent,
                         BigDecimal passMark, boolean passed, List<String> failedCritical) {}

    public static Result score(SkillChecklist checklist, Map<String, BigDecimal> scores) {
        if (scores == null) throw new InvalidFieldException("scores", "training.score.required");
        for (String code : scores.keySet()) {
            if (checklist.items().stream().noneMatch(i -> i.code().equals(code))) {
                throw new InvalidFieldException("scores." + code, "training.score.unknown-item", code, checklist.version());
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        List<String> failedCritical = new ArrayList<>();
        for (SkillChecklist.Item item : checklist.items()) {
            BigDecimal s = scores.get(item.code());
            if (s == null) throw new InvalidFieldException("scores." + item.code(), "training.score.missing", item.zh());
            if (s.signum() < 0 || s.compareTo(item.points()) > 0) {
                throw new InvalidFieldException("scores." + item.code(), "training.score.range", item.points().stripTrailingZeros().toPlainString());
            }
            if (s.remainder(new BigDecimal("0.5")).signum() != 0) {
                throw new InvalidFieldException("scores." + item.code(), "training.score.half-points");
            }
            total = total.add(s);
            if (item.critical() && s.compareTo(item.points()) < 0) failedCritical.add(item.code());
        }
        BigDecimal max = checklist.maxScore();
        BigDecimal percent = total.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
        boolean passed = percent.compareTo(checklist.passMark()) >= 0 && failedCritical.isEmpty();
        return new Result(checklist.skill(), checklist.version(), total, max, percent, checklist.passMark(), passed, List.copyOf(failedCritical));
    }
}
