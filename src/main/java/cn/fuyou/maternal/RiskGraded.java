package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.RiskColour;
import java.util.UUID;

/** Published after a grading is stored (the network module routes orange/red women by it). */
public record RiskGraded(UUID pregnancyId, UUID womanId, UUID gradingId, RiskColour colour, boolean purple,
                         boolean screenPositive, String ruleSetVersion) {}
