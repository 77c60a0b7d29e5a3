package cn.fuyou.registry.web;

import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names for the rows of the audit trail (the audit module sits below the registry and keeps
 * ids, codes and usernames): the admins who read the trail see people, institutions and staff
 * by name. An institution's admin sees the names of people her institution may see; others stay
 * unnamed (shown by their record id, as before).
 */
@RestController
class AuditNamesController {

    /** One page of the trail at most. */
    private static final int MAX = 200;

    private final Persons persons;
    private final PersonAccess access;
    private final Institutions institutions;
    private final StaffAccounts staff;

    AuditNamesController(Persons persons, PersonAccess access, Institutions institutions, StaffAccounts staff) {
        this.persons = persons;
        this.access = access;
        this.institutions = institutions;
        this.staff = staff;
    }

    record InstitutionName(String nameZh, String nameEn) {}

    record Names(Map<UUID, String> persons, Map<String, InstitutionName> institutions, Map<String, String> staff) {}

    @GetMapping("/api/audit/names")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'INSTITUTION_ADMIN')")
    Names names(@RequestParam(name = "person", required = false) List<UUID> personIds,
                @RequestParam(name = "institution", required = false) List<String> institutionCodes,
                @RequestParam(name = "staff", required = false) List<String> usernames) {
        Actor actor = CurrentActor.get();
        List<UUID> people = first(personIds).stream()
                .filter(id -> actor.role() == StaffRole.SYSTEM_ADMIN || access.canAccess(id)).toList();
        Map<String, InstitutionName> inst = new LinkedHashMap<>();
        for (String code : first(institutionCodes)) {
            institutions.find(code).ifPresent(i -> inst.put(code, new InstitutionName(i.nameZh(), i.nameEn())));
        }
        return new Names(persons.namesOf(people), inst, staff.displayNames(first(usernames)));
    }

    private static <T> List<T> first(List<T> values) {
        return values == null ? List.of() : values.stream().distinct().limit(MAX).toList();
    }
}
