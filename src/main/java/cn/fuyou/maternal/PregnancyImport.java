package cn.fuyou.maternal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pregnancies and contacts received from another system (the FHIR import): each pregnancy is
 * registered once (matched by her LMP), its contacts stored in one batch and the pregnancy graded
 * once, as of the last contact — never reading the record back as the clinician's form does — and a
 * pregnancy that already ended at the source is closed with its outcome.
 */
@Service
public class PregnancyImport {

    /** A pregnancy as another system recorded it: the conditions active before it become history factors. */
    public record ImportedPregnancy(UUID womanId, LocalDate lmp, LocalDate registeredOn, BigDecimal heightCm, BigDecimal firstWeightKg,
                                    List<String> historyFactors, List<ContactForm> contacts, LocalDate endedOn) {}

    /** What became of one imported pregnancy. */
    public enum Result { REGISTERED, ALREADY_IMPORTED, ANOTHER_OPEN, TOO_OLD }

    private final Pregnancies pregnancies;
    private final AntenatalCare care;

    private final JdbcClient jdbc;
    private final RiskAssessments risk;

    private final java.time.Clock clock;

    PregnancyImport(Pregnancies pregnancies, AntenatalCare care, JdbcClient jdbc, RiskAssessments risk, java.time.Clock clock) {
        this.clock = clock;
        this.pregnancies = pregnancies;
        this.risk = risk;
        this.care = care;
        this.jdbc = jdbc;
    }

    @Transactional
    public Result register(ImportedPregnancy p) {
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        if (p.lmp().isBefore(today.minusYears(10))) return Result.TOO_OLD;
        if (pregnancies.findByLmp(p.womanId(), p.lmp()).isPresent()) return Result.ALREADY_IMPORTED; // idempotent
        if (pregnancies.openPregnancyOf(p.womanId()).isPresent()) return Result.ANOTHER_OPEN;
        PregnancyRegistration registration = new PregnancyRegistration(p.womanId(), null, p.registeredOn(), 1, 0, p.lmp(), null, null,
                p.heightCm(), p.firstWeightKg(), null, null, null, null, p.historyFactors(), "imported from FHIR");
        UUID id = pregnancies.store(registration);
        // Graded once: after its contacts (as of the last), or as registered when it has none.
        if (addContacts(id, p.contacts()) == 0) risk.gradeAfterChange(id, p.registeredOn());
        if (p.endedOn() != null && !p.endedOn().isAfter(today)) pregnancies.closeImported(id, "LIVE_BIRTH", p.endedOn());
        return Result.REGISTERED;
    }

    /**
     * Contacts (measurements, test results, coded findings) for a pregnancy, stored in one batch and
     * graded once, as of the last; a day that already has a contact on this pregnancy is not recorded
     * twice (a bundle received again changes nothing). Returns how many were recorded.
     */
    @Transactional
    public int addContacts(UUID pregnancyId, List<ContactForm> contacts) {
        Set<LocalDate> recorded = new HashSet<>(jdbc.sql("select contact_date from antenatal_contact where pregnancy_id = ? and voided_at is null")
                .param(pregnancyId).query(LocalDate.class).list());
        List<ContactForm> fresh = contacts.stream().sorted(Comparator.comparing(ContactForm::contactDate))
                .filter(c -> recorded.add(c.contactDate())).toList();
        return care.addAll(pregnancyId, fresh, "AntenatalContact");
    }

    /** The LMP fuyou dates the pregnancy by (from the EDD when it was dated by ultrasound or transfer). */
    public LocalDate lmpOf(UUID pregnancyId) {
        return jdbc.sql("select coalesce(lmp, edd - 280) from pregnancy where id = ?").param(pregnancyId).query(LocalDate.class).single();
    }

    /** Her open pregnancy, if any: findings received for her are recorded on it. */
    public Optional<UUID> openPregnancyOf(UUID womanId) {
        return pregnancies.openPregnancyOf(womanId);
    }
}
