package cn.fuyou.registry.web;

import cn.fuyou.audit.AuditEvent;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonForm;
import cn.fuyou.registry.PersonSummary;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.PersonMerges;
import cn.fuyou.registry.PersonRegistration;
import cn.fuyou.registry.PersonSearch;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/persons")
class PersonController {

    private final PersonAccess access;
    private final PersonSearch personSearch;
    private final PersonRegistration registration;
    private final PersonMerges merges;

    PersonController(PersonAccess access, PersonSearch personSearch, PersonRegistration registration, PersonMerges merges) {
        this.access = access;
        this.personSearch = personSearch;
        this.registration = registration;
        this.merges = merges;
    }

    @GetMapping
    PageResult<PersonSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return personSearch.search(q, PageRequest.of(page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PersonDetail register(@Valid @RequestBody PersonForm form) {
        return registration.register(form);
    }

    @GetMapping("/{id}")
    PersonDetail open(@PathVariable UUID id) {
        return access.open(id);
    }

    @PutMapping("/{id}")
    PersonDetail correct(@PathVariable UUID id, @Valid @RequestBody PersonForm form) {
        return registration.correct(id, form);
    }

    record BreakGlass(String reason) {}

    @PostMapping("/{id}/break-glass")
    PersonDetail breakGlass(@PathVariable UUID id, @RequestBody BreakGlass body) {
        return access.breakGlass(id, body.reason());
    }

    record VoidRequest(String reason, Long version) {}

    @PostMapping("/{id}/void")
    ResponseEntity<Void> voidRecord(@PathVariable UUID id, @RequestBody VoidRequest body) {
        registration.voidRecord(id, body.reason(), body.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/access-log")
    List<AuditEvent> accessLog(@PathVariable UUID id) {
        return access.accessLog(id);
    }

    record MergeRequest(UUID survivorId, UUID duplicateId) {}
    record MergeResult(UUID mergeId) {}

    @PostMapping("/merges")
    @ResponseStatus(HttpStatus.CREATED)
    MergeResult merge(@RequestBody MergeRequest body) {
        return new MergeResult(merges.merge(body.survivorId(), body.duplicateId()));
    }

    @PostMapping("/merges/{mergeId}/undo")
    ResponseEntity<Void> undo(@PathVariable UUID mergeId) {
        merges.undoMerge(mergeId);
        return ResponseEntity.noContent().build();
    }
}
