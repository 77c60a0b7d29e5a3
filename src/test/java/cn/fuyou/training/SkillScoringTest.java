package cn.fuyou.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fuyou.shared.InvalidFieldException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 13 §2 — scored checklists as versioned data, pass marks; the shipped checklists
 * (rules/training/*.json) follow the station marking sheets named in each file's "source"
 * (neonatal resuscitation: 中国新生儿复苏指南 2021; shoulder dystocia: RCOG GTG 42 / HELPERR).
 */
class SkillScoringTest {

    static final SkillChecklists CHECKLISTS = new SkillChecklists(new ObjectMapper());

    static Map<String, BigDecimal> full(SkillChecklist c) {
        Map<String, BigDecimal> s = new LinkedHashMap<>();
        c.items().forEach(i -> s.put(i.code(), i.points()));
        return s;
    }

    @Test
    @DisplayName("four skills are shipped, each 100 points with critical items, pass mark 80%")
    void shipped() {
        assertThat(CHECKLISTS.current()).extracting(SkillChecklist::skill)
                .containsExactlyInAnyOrder("NEONATAL_RESUSCITATION", "PPH_MANAGEMENT", "SHOULDER_DYSTOCIA", "PMTCT_COUNSELLING");
        for (SkillChecklist c : CHECKLISTS.current()) {
            assertThat(c.maxScore()).as(c.skill()).isEqualByComparingTo("100");
            assertThat(c.items()).as(c.skill()).anyMatch(SkillChecklist.Item::critical);
            assertThat(c.passMark()).isEqualByComparingTo("80");
        }
    }

    @Test
    @DisplayName("full marks pass; exactly the pass mark passes; half a point below fails; the result names the checklist version")
    void passMark() {
        SkillChecklist c = CHECKLISTS.current("NEONATAL_RESUSCITATION");
        var r = SkillScoring.score(c, full(c));
        assertThat(r.passed()).isTrue();
        assertThat(r.percent()).isEqualByComparingTo("100.0");
        assertThat(r.checklistVersion()).isEqualTo("CQ-NRP-2026.1");

        // 80 of 100: lose 10 on PREPARATION and 10 on MR_SOPA (neither critical)
        var s = full(c);
        s.put("PREPARATION", BigDecimal.ZERO);
        s.put("MR_SOPA", BigDecimal.ZERO);
        var atMark = SkillScoring.score(c, s);
        assertThat(atMark.score()).isEqualByComparingTo("80");
        assertThat(atMark.passed()).isTrue();

        s.put("POST_CARE", new BigDecimal("4.5"));
        var below = SkillScoring.score(c, s);
        assertThat(below.percent()).isEqualByComparingTo("79.5");
        assertThat(below.passed()).isFalse();
        assertThat(below.failedCritical()).isEmpty();
    }

    @Test
    @DisplayName("a critical item not fully met fails the assessment even at 95% (McRoberts not performed in shoulder dystocia)")
    void criticalItem() {
        SkillChecklist c = CHECKLISTS.current("SHOULDER_DYSTOCIA");
        var s = full(c);
        s.put("MCROBERTS", new BigDecimal("10"));
        var r = SkillScoring.score(c, s);
        assertThat(r.percent()).isEqualByComparingTo("95.0");
        assertThat(r.passed()).isFalse();
        assertThat(r.failedCritical()).containsExactly("MCROBERTS");
    }

    @Test
    @DisplayName("every item must be scored, within 0..its points, in half points; unknown items are refused — naming the field")
    void refusesBadScores() {
        SkillChecklist c = CHECKLISTS.current("PPH_MANAGEMENT");
        var missing = full(c);
        missing.remove("TRANEXAMIC_ACID");
        assertThatThrownBy(() -> SkillScoring.score(c, missing)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("scores.TRANEXAMIC_ACID");
        var over = full(c);
        over.put("UTEROTONICS", new BigDecimal("16"));
        assertThatThrownBy(() -> SkillScoring.score(c, over)).extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("scores.UTEROTONICS");
        var negative = full(c);
        negative.put("IV_ACCESS", new BigDecimal("-1"));
        assertThatThrownBy(() -> SkillScoring.score(c, negative)).extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("scores.IV_ACCESS");
        var third = full(c);
        third.put("IV_ACCESS", new BigDecimal("3.3"));
        assertThatThrownBy(() -> SkillScoring.score(c, third)).hasMessage("training.score.half-points");
        var unknown = full(c);
        unknown.put("BALLOON", BigDecimal.ONE);
        assertThatThrownBy(() -> SkillScoring.score(c, unknown)).extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("scores.BALLOON");
    }
}
