package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.RiskColour;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Everything on a pregnancy's page: the episode, its contacts, gradings, cases, schedule and outcome. */
public record PregnancyRecord(
        UUID id, UUID womanId, String womanName, LocalDate womanBirthDate, String womanAreaCode, UUID partnerId,
        InstitutionRef registeredInstitution, InstitutionRef careInstitution, LocalDate registeredOn, int gravida, int para,
        LocalDate lmp, LocalDate ultrasoundDate, BigDecimal ultrasoundCrlMm, Integer ultrasoundGestationalAgeDays,
        LocalDate artTransferDate, Integer artEmbryoAgeDays, LocalDate edd, String datingMethod, boolean redated,
        boolean suboptimallyDated, GestationalAge gestationalAgeToday, BigDecimal heightCm, BigDecimal prePregnancyWeightKg,
        int fetusCount, int uterineSurgeries, Integer monthsSinceLastUterineSurgery, LocalDate lastBirthDate,
        List<String> historyFactors, String historyNotes, String status, String outcome, LocalDate outcomeDate,
        RiskColour colour, boolean purple, boolean screenPositive, CareWarning careWarning,
        List<Contact> contacts, List<Grading> gradings, List<Case> cases, List<Task> gradingTasks, List<ScheduledVisit> schedule,
        Delivery delivery, List<PostpartumVisit> postpartumVisits, List<Pmtct> pmtct, long version) {

    public record InstitutionRef(UUID id, String code, String nameZh, String nameEn, int level, String areaCode) {}

    public record GestationalAge(int days, int weeks, int dayOfWeek) {
        public static GestationalAge of(int days) {
            return new GestationalAge(days, Math.floorDiv(days, 7), Math.floorMod(days, 7));
        }
    }

    /** Shown when her care institution is below the level her colour needs (§1 management table). */
    public record CareWarning(int requiredLevel, int careLevel, String messageZh, String messageEn) {}

    public record Contact(UUID id, LocalDate contactDate, GestationalAge gestationalAge, String institutionCode,
                          String institutionNameZh, BigDecimal weightKg, Integer systolic, Integer diastolic,
                          BigDecimal fundalHeightCm, Integer fetalHeartRate, String presentation, String oedema,
                          String urineProtein, BigDecimal hemoglobinGPerL, BigDecimal plateletsE9PerL,
                          BigDecimal glucoseFasting, BigDecimal ogtt1h, BigDecimal ogtt2h, String bloodGroup, String rh,
                          String hiv, String syphilis, String hbsag, BigDecimal creatinineTimesUpperLimit,
                          Integer pulmonaryArterySystolicMmHg, Integer nyhaClass, Integer ejectionFractionPercent,
                          String ultrasound, List<String> factors, String plan, LocalDate nextAppointment,
                          String createdBy, OffsetDateTime createdAt) {}

    public record Grading(UUID id, LocalDate assessedOn, String stage, RiskColour computedColour, RiskColour colour, boolean purple,
                          boolean screenPositive, JsonNode factors, String ruleSetVersion, String overrideReason,
                          boolean confirmed, String institutionCode, String createdBy, OffsetDateTime createdAt) {}

    public record Case(UUID id, String kind, String reason, String districtCode, String reportedToInstitutionCode,
                       OffsetDateTime openedAt, String status, OffsetDateTime closedAt, String outcome) {}

    public record Task(UUID id, String institutionCode, LocalDate createdOn, LocalDate dueOn, String status, LocalDate doneOn) {}

    public record ScheduledVisit(int number, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil,
                                 LocalDate doneOn, String status) {}

    public record Delivery(UUID id, OffsetDateTime deliveredAt, GestationalAge gestationalAge, String mode,
                           String caesareanIndication, String institutionCode, String attendant, Integer bloodLossMl,
                           List<String> complications, String maternalCondition, LocalDate dischargedOn,
                           List<Newborn> newborns) {}

    public record Newborn(UUID id, int birthOrder, UUID childId, String sex, int weightG, BigDecimal lengthCm,
                          BigDecimal headCircumferenceCm, Integer apgar1, Integer apgar5, Integer apgar10, boolean liveBorn,
                          String anomalies, boolean nicuTransfer) {}

    public record PostpartumVisit(UUID id, String kind, LocalDate visitDate, String findings, Integer systolic,
                                  Integer diastolic, String createdBy) {}

    public record Pmtct(UUID id, String infection, LocalDate foundOn, String foundAtStage, LocalDate maternalArtStart,
                        Integer viralLoadCopies, BigDecimal hbvDnaIuPerMl, Boolean hbeagPositive, String treatment,
                        String status, long version, List<InfantItem> infantItems) {}

    public record InfantItem(UUID id, UUID childId, String code, String labelZh, String labelEn, OffsetDateTime dueFrom,
                             OffsetDateTime dueUntil, OffsetDateTime doneAt, String result, String status) {}
}
