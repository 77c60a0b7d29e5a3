package cn.fuyou.criticalcare;

import java.util.List;

/**
 * The near-miss policy's answer (clinical-rules.md §6): the criteria met (sorted codes), their organ
 * systems (sorted), whether that is a life-threatening condition, and the classification — with the
 * rule version that produced it.
 */
public record NearMissAssessment(List<String> criteria, List<String> organSystems, boolean lifeThreatening,
                                 Classification classification, String ruleVersion) {

    public enum Classification { NONE, LIFE_THREATENING, NEAR_MISS, MATERNAL_DEATH }
}
