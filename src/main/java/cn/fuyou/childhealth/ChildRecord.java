package cn.fuyou.childhealth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A child's page: identity, birth data, visits with z-scores, schedule and high-risk reasons. */
public record ChildRecord(UUID childId, String name, String sex, LocalDate birthDate, UUID motherId, String motherName,
                          String institutionCode, String source, Integer birthGaDays, Integer birthWeightG,
                          BigDecimal birthLengthCm, BigDecimal birthHeadCircumferenceCm, Integer apgar1, Integer apgar5,
                          Integer apgar10, String anomalies, boolean nicuStay, boolean pmtctExposed, int ageDays,
                          List<Visit> visits, List<ScheduledVisit> schedule, List<HighRisk> highRisk, long version) {

    public record Visit(UUID id, LocalDate visitDate, int ageDays, String scheduleCode, BigDecimal weightKg, BigDecimal lengthCm,
                        String measurement, BigDecimal headCircumferenceCm, boolean oedema, BigDecimal hemoglobinGPerL,
                        List<String> milestones, String feeding, String findings, String advice, BigDecimal waz,
                        BigDecimal lhaz, BigDecimal whz, BigDecimal bmiz, BigDecimal hcz, List<String> flags,
                        List<String> classification, String growthStandard, String institutionCode, String createdBy) {}

    public record ScheduledVisit(String code, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil,
                                 boolean haemoglobin, LocalDate doneOn, String status) {}

    public record HighRisk(String reason, String detail, LocalDate since, LocalDate closedOn) {}
}
