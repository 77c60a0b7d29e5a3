package cn.fuyou.mother;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.childhealth.ChildHealth;
import cn.fuyou.childhealth.ChildRecord;
import cn.fuyou.education.EducationAssignments;
import cn.fuyou.education.EducationItem;
import cn.fuyou.education.EducationLibrary;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.maternal.rules.PostpartumSchedule;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.ChinaTime;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Her own record and her children's, as her app shows them (issue 12 §1). Only what is hers: her
 * person id comes from her session, a child must be linked to her as her child, anything else is 403
 * and audited. Every read is audited under her name, like a clinician's.
 */
@Service
public class MotherRecords {

    private final Persons persons;
    private final Pregnancies pregnancies;
    private final ChildHealth children;
    private final EducationLibrary library;
    private final EducationAssignments assignments;
    private final Reminders reminders;
    private final AuditLog audit;

    MotherRecords(Persons persons, Pregnancies pregnancies, ChildHealth children, EducationLibrary library,
                  EducationAssignments assignments, Reminders reminders, AuditLog audit) {
        this.persons = persons;
        this.pregnancies = pregnancies;
        this.children = children;
        this.library = library;
        this.assignments = assignments;
        this.reminders = reminders;
        this.audit = audit;
    }

    public MyRecord.Home home(MotherPrincipal me) {
        PersonDetail her = persons.load(me.personId()).orElseThrow();
        read(me, "Person", me.personId(), me.personId());
        MyRecord.Pregnancy pregnancy = pregnancyView(me).orElse(null);
        List<MyRecord.ChildLine> lines = new ArrayList<>();
        for (PersonDetail.Link child : myChildren(her)) {
            Optional<ChildRecord> record = children.readForFamily(child.personId());
            read(me, "ChildRecord", child.personId(), child.personId());
            List<MyRecord.Visit> schedule = record.map(r -> childSchedule(r)).orElse(List.of());
            MyRecord.Visit next = schedule.stream().filter(v -> "DUE".equals(v.status()) || "UPCOMING".equals(v.status()))
                    .min(Comparator.comparing(MyRecord.Visit::dueFrom)).orElse(null);
            int overdue = (int) schedule.stream().filter(v -> "OVERDUE".equals(v.status())).count();
            lines.add(new MyRecord.ChildLine(child.personId(), child.fullName(), child.sex(), child.birthDate(), months(child.birthDate()),
                    next, overdue));
            record.ifPresent(r -> reminders.forChild(me.personId(), her.phone(), r.childId(), r.name(), schedule));
        }
        if (pregnancy != null) reminders.forPregnancy(me.personId(), her.phone(), pregnancy);
        return new MyRecord.Home(me.personId(), her.fullName(), pregnancy, lines, reminders.unread(me.personId()));
    }

    public MyRecord.Pregnancy pregnancy(MotherPrincipal me) {
        return pregnancyView(me).orElseThrow(() -> ApiException.notFound("pregnancy", "of " + me.getName()));
    }

    private Optional<MyRecord.Pregnancy> pregnancyView(MotherPrincipal me) {
        Optional<PregnancyRecord> found = pregnancies.latestForHerself(me.personId());
        found.ifPresent(p -> read(me, "Pregnancy", p.id(), me.personId()));
        return found.map(MotherRecords::view);
    }

    static MyRecord.Pregnancy view(PregnancyRecord p) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        boolean open = "OPEN".equals(p.status());
        List<MyRecord.Visit> schedule = open ? p.schedule().stream()
                .map(v -> new MyRecord.Visit(Integer.toString(v.number()), v.labelZh(), v.labelEn(), v.dueFrom(), v.dueUntil(), v.doneOn(), v.status()))
                .toList() : List.of();
        MyRecord.Visit next = schedule.stream().filter(v -> "DUE".equals(v.status()) || "UPCOMING".equals(v.status())).findFirst().orElse(null);
        List<MyRecord.Visit> overdue = schedule.stream().filter(v -> "OVERDUE".equals(v.status())).toList();
        LocalDate appointment = p.contacts().stream().max(Comparator.comparing(PregnancyRecord.Contact::contactDate))
                .map(PregnancyRecord.Contact::nextAppointment).filter(d -> !d.isBefore(today)).orElse(null);
        List<MyRecord.Visit> postpartum = new ArrayList<>();
        LocalDate deliveredOn = p.delivery() == null ? null : p.delivery().deliveredAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        if (deliveredOn != null) {
            for (PostpartumSchedule.Item i : PostpartumSchedule.items(deliveredOn, p.delivery().dischargedOn())) {
                LocalDate done = p.postpartumVisits().stream().filter(v -> v.kind().equals(i.code())).map(PregnancyRecord.PostpartumVisit::visitDate)
                        .findFirst().orElse(null);
                String status = done != null ? "DONE" : today.isBefore(i.dueFrom()) ? "UPCOMING" : today.isAfter(i.dueUntil()) ? "OVERDUE" : "DUE";
                postpartum.add(new MyRecord.Visit(i.code(), i.labelZh(), i.labelEn(), i.dueFrom(), i.dueUntil(), done, status));
            }
        }
        var ga = open ? p.gestationalAgeToday() : null;
        int required = p.colour() == null ? 1 : p.colour().requiredLevel();
        return new MyRecord.Pregnancy(p.id(), p.status(), p.edd(), ga == null ? null : ga.weeks(), ga == null ? null : ga.dayOfWeek(),
                open ? (int) ChronoUnit.DAYS.between(today, p.edd()) : null, next, appointment, overdue, schedule, results(p.contacts()),
                p.colour() == null ? null : p.colour().name(), p.purple(), required,
                p.careInstitution() == null ? null : p.careInstitution().nameZh(), p.careInstitution() == null ? null : p.careInstitution().nameEn(),
                p.careWarning() == null, deliveredOn, postpartum);
    }

    /** Each test's latest value, in plain words. */
    static List<PlainResults.Result> results(List<PregnancyRecord.Contact> contacts) {
        List<PregnancyRecord.Contact> newestFirst = contacts.stream().sorted(Comparator.comparing(PregnancyRecord.Contact::contactDate).reversed()).toList();
        var bp = latest(newestFirst, c -> c.systolic() != null && c.diastolic() != null ? c : null);
        var hb = latest(newestFirst, c -> c.hemoglobinGPerL() != null ? c : null);
        var urine = latest(newestFirst, c -> c.urineProtein() != null ? c : null);
        var glucose = latest(newestFirst, c -> c.glucoseFasting() != null || c.ogtt1h() != null || c.ogtt2h() != null ? c : null);
        var weight = latest(newestFirst, c -> c.weightKg() != null ? c : null);
        List<PlainResults.Result> out = new ArrayList<>();
        bp.ifPresent(c -> out.addAll(PlainResults.of(new PlainResults.Measurements(c.contactDate(), c.systolic(), c.diastolic(), null, null, null, null, null, null), null)));
        hb.ifPresent(c -> out.addAll(PlainResults.of(new PlainResults.Measurements(c.contactDate(), null, null, c.hemoglobinGPerL(), null, null, null, null, null), null)));
        urine.ifPresent(c -> out.addAll(PlainResults.of(new PlainResults.Measurements(c.contactDate(), null, null, null, c.urineProtein(), null, null, null, null), null)));
        glucose.ifPresent(c -> out.addAll(PlainResults.of(new PlainResults.Measurements(c.contactDate(), null, null, null, null, c.glucoseFasting(), c.ogtt1h(), c.ogtt2h(), null), null)));
        weight.ifPresent(c -> out.addAll(PlainResults.of(new PlainResults.Measurements(c.contactDate(), null, null, null, null, null, null, null, c.weightKg()), null)));
        var hiv = latest(newestFirst, c -> c.hiv() != null ? c : null);
        var syphilis = latest(newestFirst, c -> c.syphilis() != null ? c : null);
        var hbsag = latest(newestFirst, c -> c.hbsag() != null ? c : null);
        hiv.ifPresent(c -> out.addAll(PlainResults.of(null, new PlainResults.Screens(c.contactDate(), c.hiv(), null, null))));
        syphilis.ifPresent(c -> out.addAll(PlainResults.of(null, new PlainResults.Screens(c.contactDate(), null, c.syphilis(), null))));
        hbsag.ifPresent(c -> out.addAll(PlainResults.of(null, new PlainResults.Screens(c.contactDate(), null, null, c.hbsag()))));
        return out;
    }

    private static <T> Optional<T> latest(List<PregnancyRecord.Contact> contacts, Function<PregnancyRecord.Contact, T> pick) {
        return contacts.stream().map(pick).filter(java.util.Objects::nonNull).findFirst();
    }

    public MyRecord.Child child(MotherPrincipal me, UUID childId) {
        PersonDetail her = persons.load(me.personId()).orElseThrow();
        if (myChildren(her).stream().noneMatch(c -> c.personId().equals(childId))) {
            audit.recordFor(MotherSignIn.auditActor(me.getName()), AuditRecord.read("ChildRecord", childId, childId, false, false, "not her child"));
            throw ApiException.forbidden("mother.not-yours");
        }
        ChildRecord r = children.readForFamily(childId).orElseThrow(() -> ApiException.notFound("child record", childId));
        read(me, "ChildRecord", childId, childId);
        List<MyRecord.GrowthPoint> growth = r.visits().stream().filter(v -> v.weightKg() != null || v.lengthCm() != null)
                .map(v -> new MyRecord.GrowthPoint(v.visitDate(), v.ageDays(), v.weightKg(), v.lengthCm(), v.headCircumferenceCm(), v.waz(),
                        v.lhaz(), v.whz(), v.classification()))
                .toList();
        List<String> latest = growth.isEmpty() ? List.of() : growth.get(growth.size() - 1).classification();
        return new MyRecord.Child(childId, r.name(), r.sex(), r.birthDate(), r.ageDays(), months(r.birthDate()), childSchedule(r), growth, latest);
    }

    /** Items for her week and for each child's age, and the ones her clinicians gave her. */
    public MyRecord.Education education(MotherPrincipal me, String language) {
        PersonDetail her = persons.load(me.personId()).orElseThrow();
        Integer week = pregnancies.latestForHerself(me.personId()).filter(p -> "OPEN".equals(p.status()))
                .map(p -> p.gestationalAgeToday() == null ? null : p.gestationalAgeToday().weeks()).orElse(null);
        List<EducationItem.Summary> forWeek = week == null ? List.of() : library.forWeek(Math.max(1, Math.min(42, week)), language);
        List<MyRecord.ChildEducation> forChildren = new ArrayList<>();
        for (PersonDetail.Link child : myChildren(her)) {
            int months = months(child.birthDate());
            if (months <= 36) forChildren.add(new MyRecord.ChildEducation(child.personId(), child.fullName(), months, library.forChildAge(months, language)));
        }
        read(me, "EducationAssignment", me.personId(), me.personId());
        return new MyRecord.Education(week, forWeek, forChildren, assignments.forPerson(me.personId()));
    }

    public EducationItem item(MotherPrincipal me, UUID id) {
        EducationItem item = library.findPublished(id).orElseThrow(() -> ApiException.notFound("education item", id));
        assignments.markRead(me.personId(), id);
        return item;
    }

    public EducationLibrary.PublishedFile handbook(UUID id) {
        return library.publishedFile(id).orElseThrow(() -> ApiException.notFound("education file", id));
    }

    public List<MyRecord.Message> inbox(MotherPrincipal me) {
        read(me, "MotherMessage", me.personId(), me.personId());
        return reminders.inbox(me.personId());
    }

    public void markRead(MotherPrincipal me, UUID messageId) {
        reminders.markRead(me.personId(), messageId);
    }

    private List<PersonDetail.Link> myChildren(PersonDetail her) {
        return her.links().stream().filter(l -> "CHILD".equals(l.kind())).toList();
    }

    private static List<MyRecord.Visit> childSchedule(ChildRecord r) {
        return r.schedule().stream().map(s -> new MyRecord.Visit(s.code(), s.labelZh(), s.labelEn(), s.dueFrom(), s.dueUntil(), s.doneOn(), s.status()))
                .toList();
    }

    static int months(LocalDate birth) {
        return birth == null ? 0 : Period.between(birth, LocalDate.now(ChinaTime.ZONE)).toTotalMonths() > Integer.MAX_VALUE ? 0
                : (int) Period.between(birth, LocalDate.now(ChinaTime.ZONE)).toTotalMonths();
    }

    private void read(MotherPrincipal me, String entity, UUID id, UUID person) {
        audit.recordFor(MotherSignIn.auditActor(me.getName()), new AuditRecord("READ", entity, String.valueOf(id), person, true, false, null,
                Map.of()));
    }
}
