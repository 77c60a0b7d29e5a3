package cn.fuyou.mother;

import cn.fuyou.education.EducationAssignments;
import cn.fuyou.education.EducationItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What her app shows: codes and values only — the app words them (zh-CN first), never a clinician's factor code. */
public final class MyRecord {

    private MyRecord() {}

    public record Home(UUID personId, String name, Pregnancy pregnancy, List<ChildLine> children, long unread) {}

    public record ChildLine(UUID childId, String name, String sex, LocalDate birthDate, int ageMonths, Visit nextVisit, int overdue) {}

    /**
     * Her pregnancy. {@code colour} GREEN…RED (null before the first grading); {@code requiredLevel} the lowest hospital
     * level where she should deliver; {@code careInstitutionOk} false when her care institution is below it.
     */
    public record Pregnancy(UUID id, String status, LocalDate edd, Integer weeks, Integer days, Integer daysToEdd, Visit nextVisit,
                            LocalDate nextAppointment, List<Visit> overdue, List<Visit> schedule, List<PlainResults.Result> results,
                            String colour, boolean purple, int requiredLevel, String careInstitutionZh, String careInstitutionEn,
                            boolean careInstitutionOk, LocalDate deliveredOn, List<Visit> postpartum) {}

    /** A scheduled visit; {@code code} is the prenatal visit number (1–5), a postpartum or a child schedule code. */
    public record Visit(String code, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil, LocalDate doneOn,
                        String status) {}

    public record Child(UUID childId, String name, String sex, LocalDate birthDate, int ageDays, int ageMonths, List<Visit> schedule,
                        List<GrowthPoint> growth, List<String> latestClassification) {}

    /** One measurement; z-scores against the WHO standard (the app plots weight-for-age on the WHO curves). */
    public record GrowthPoint(LocalDate date, int ageDays, BigDecimal weightKg, BigDecimal lengthCm, BigDecimal headCircumferenceCm,
                              BigDecimal waz, BigDecimal lhaz, BigDecimal whz, List<String> classification) {}

    public record Education(Integer week, List<EducationItem.Summary> forWeek, List<ChildEducation> forChildren,
                            List<EducationAssignments.Assignment> assigned) {}

    public record ChildEducation(UUID childId, String name, int ageMonths, List<EducationItem.Summary> items) {}

    public record Message(UUID id, String kind, UUID subjectId, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil,
                          java.time.OffsetDateTime createdAt, java.time.OffsetDateTime readAt) {}
}
