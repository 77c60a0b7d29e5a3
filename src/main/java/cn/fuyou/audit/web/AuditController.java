package cn.fuyou.audit.web;

import cn.fuyou.audit.AuditEvent;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins search the audit trail. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'INSTITUTION_ADMIN')")
    PageResult<AuditEvent> search(@RequestParam(required = false) String username,
                                  @RequestParam(required = false) UUID personId,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        Actor actor = CurrentActor.get();
        String scope = actor.isSystemAdmin() ? null : actor.institutionCode();
        return audit.search(new AuditLog.Query(username, personId, action, from, to, scope), PageRequest.of(page, size == null ? 50 : size));
    }
}
