package cn.fuyou.fhir.internal;

import cn.fuyou.maternal.ContactForm;
import cn.fuyou.maternal.PregnancyImport.ImportedPregnancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one transaction says about one woman, typed: her pregnancy episodes, the coded conditions
 * that are §1 factors (with onset and abatement), and the measurements of each day. It turns into
 * the maternal module's imported pregnancies and contacts.
 */
final class WomanFindings {

    /** A pregnancy Condition: onset (≈ conception) and abatement (its end, if ended). */
    record Episode(LocalDate onset, LocalDate end) {}

    /** A coded Condition that is a §1 factor. */
    record Factor(String code, LocalDate onset, LocalDate abatement) {
        boolean activeOn(LocalDate day) {
            return (onset == null || !onset.isAfter(day)) && (abatement == null || abatement.isAfter(day));
        }
    }

    final UUID woman;
    final List<Episode> episodes = new ArrayList<>();
    final List<Factor> factors = new ArrayList<>();
    final TreeMap<LocalDate, ContactFindings> days = new TreeMap<>();

    WomanFindings(UUID woman) {
        this.woman = woman;
    }

    /** Adds an Observation's mapped values to its day; true when it contributed (a day without any is not a contact). */
    boolean observed(LocalDate day, org.hl7.fhir.r4.model.Observation o) {
        ContactFindings c = days.get(day);
        if (c != null) return c.add(o);
        c = new ContactFindings();
        if (!c.add(o)) return false;
        days.put(day, c);
        return true;
    }

    /**
     * Each pregnancy episode (LMP = onset − 14 days, fuyou import rule): factors active before it are
     * her history; each day within it with findings — measurements or a factor's onset — is a contact.
     */
    List<ImportedPregnancy> pregnancies(LocalDate today) {
        List<ImportedPregnancy> out = new ArrayList<>();
        episodes.stream().sorted(java.util.Comparator.comparing(Episode::onset)).forEach(e -> {
            LocalDate lmp = e.onset().minusDays(14);
            LocalDate last = e.end() != null ? e.end() : today;
            List<String> history = factors.stream().filter(f -> f.onset() == null || f.onset().isBefore(e.onset()))
                    .filter(f -> f.abatement() == null || f.abatement().isAfter(e.onset())).map(Factor::code).distinct().toList();
            List<ContactForm> contacts = contacts(e.onset(), last, today);
            LocalDate registered = e.onset().plusDays(42).isAfter(today) ? today : e.onset().plusDays(42);
            ContactFindings first = days.subMap(e.onset(), true, last, true).values().stream().filter(c -> c.weightKg != null)
                    .findFirst().orElse(null);
            out.add(new ImportedPregnancy(woman, lmp, registered, latestHeight(e.onset()), first == null ? null : first.weightKg,
                    history, contacts, e.end()));
        });
        return out;
    }

    /** The contacts of the days in [from, to] with findings; each carries the factors active that day. */
    List<ContactForm> contacts(LocalDate from, LocalDate to, LocalDate today) {
        Set<LocalDate> dates = new java.util.TreeSet<>(days.subMap(from, true, to, true).keySet());
        factors.stream().map(Factor::onset).filter(d -> d != null && !d.isBefore(from) && !d.isAfter(to)).forEach(dates::add);
        List<ContactForm> out = new ArrayList<>();
        for (LocalDate d : dates) {
            if (d.isAfter(today)) continue;
            List<String> active = factors.stream().filter(f -> f.onset() != null && !f.onset().isBefore(from) && f.activeOn(d))
                    .map(Factor::code).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)).stream().toList();
            out.add(days.getOrDefault(d, new ContactFindings()).toContact(d, active));
        }
        return out;
    }

    /** Findings for a pregnancy fuyou already holds open: factors active now and measurements since its LMP. */
    List<ContactForm> findingsSince(LocalDate lmp, LocalDate today) {
        List<ContactForm> out = new ArrayList<>(contacts(lmp, today, today));
        List<String> chronic = factors.stream().filter(f -> (f.onset() == null || f.onset().isBefore(lmp)) && f.activeOn(today))
                .map(Factor::code).distinct().toList();
        if (!chronic.isEmpty()) {
            // Conditions she had before this pregnancy and still has are recorded as findings of the day they arrived.
            ContactForm todays = out.stream().filter(c -> c.contactDate().equals(today)).findFirst().orElse(null);
            if (todays != null) out.remove(todays);
            List<String> all = new ArrayList<>(chronic);
            if (todays != null) todays.factorsOrEmpty().stream().filter(f -> !all.contains(f)).forEach(all::add);
            out.add((days.containsKey(today) ? days.get(today) : new ContactFindings()).toContact(today, all));
        }
        return out;
    }

    private BigDecimal latestHeight(LocalDate before) {
        BigDecimal h = null;
        for (ContactFindings c : days.headMap(before, true).values()) if (c.heightCm != null) h = c.heightCm;
        return h;
    }

    boolean isEmpty() {
        return episodes.isEmpty() && factors.isEmpty() && days.isEmpty();
    }
}
