package cn.fuyou.art;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One ART cycle as its page shows it: every step, every embryo with its history, the outcome chain. */
public record CycleRecord(UUID id, UUID coupleId, Couples.PersonRef woman, String partnerName, Couples.InstitutionRef institution,
                          String cycleType, String kind, String gametes, String protocol, LocalDate startedOn, int ageAtStart,
                          String ageBand, UUID sourceCycleId, String stage, Trigger trigger, Retrieval retrieval, Fertilisation fertilisation,
                          Transfer transfer, Cancellation cancellation, String ohssGrade, Hcg hcg, Ultrasound ultrasound,
                          boolean clinicalPregnancy, UUID pregnancyId, Couples.InstitutionRef followInstitution, String outcome,
                          LocalDate outcomeOn, int babiesBorn, Couples.InstitutionRef deliveryInstitution, List<Monitoring> monitoring,
                          List<Embryo> embryos, List<LiveBirth> liveBirths, List<String> missingConsents, String countingVersion,
                          long version) {

    public record Trigger(LocalDate on, String drug) {}

    public record Retrieval(LocalDate on, Integer oocytes, Integer mii) {}

    public record Fertilisation(LocalDate on, String method, Integer twoPn) {}

    public record Transfer(LocalDate on, Integer day, int embryos, String lutealSupport) {}

    public record Cancellation(LocalDate on, String reason, String note) {}

    public record Hcg(LocalDate on, BigDecimal valueIuL, boolean positive) {}

    public record Ultrasound(LocalDate on, Integer gestationalSacs, Integer fetalHearts, boolean ectopic) {}

    public record Monitoring(UUID id, LocalDate seenOn, int stimulationDay, Integer folliclesGe14, BigDecimal leadingFollicleMm,
                             BigDecimal e2PgMl, BigDecimal lhIuL, BigDecimal progesteroneNgMl, BigDecimal endometriumMm, String doseNote) {}

    /**
     * An embryo of this cycle's retrieval, or one thawed or transferred in this cycle; {@code originCycleId}
     * traces it to its retrieval.
     */
    public record Embryo(UUID id, UUID originCycleId, int seq, String label, String state, Integer cultureDay, String grade,
                         LocalDate cryoOn, String cryoLocation, LocalDate cryoExpires, UUID thawCycleId, LocalDate thawedOn,
                         UUID transferCycleId, LocalDate transferredOn, LocalDate discardedOn, String discardReason, List<Event> history) {}

    public record Event(String kind, LocalDate on, Integer cultureDay, String grade, String note, UUID cycleId, OffsetDateTime at, String by) {}

    public record LiveBirth(UUID childId, String childName, LocalDate bornOn, String sex, Integer weightG, List<UUID> embryoIds) {}
}
