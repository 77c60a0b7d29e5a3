package cn.fuyou.childhealth.web;

import cn.fuyou.childhealth.ChildHealth;
import cn.fuyou.childhealth.ChildRecord;
import cn.fuyou.childhealth.HospitalStays;
import cn.fuyou.childhealth.VisitForm;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChildController {

    private final ChildHealth children;
    private final HospitalStays stays;

    ChildController(ChildHealth children, HospitalStays stays) {
        this.children = children;
        this.stays = stays;
    }

    /** Discharge summaries filed by hospitals (issue 11). */
    @GetMapping("/api/children/{id}/hospital-stays")
    List<HospitalStays.Stay> hospitalStays(@PathVariable UUID id) {
        return stays.forChild(id);
    }

    @PostMapping("/api/children")
    @ResponseStatus(HttpStatus.CREATED)
    ChildRecord register(@Valid @RequestBody ChildHealth.Registration r) {
        return children.register(r);
    }

    @GetMapping("/api/children/{id}")
    ChildRecord open(@PathVariable UUID id) {
        return children.open(id);
    }

    @PostMapping("/api/children/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    ChildRecord visit(@PathVariable UUID id, @Valid @RequestBody VisitForm f) {
        return children.recordVisit(id, f);
    }

    @GetMapping("/api/childhealth/high-risk")
    PageResult<ChildHealth.HighRiskChild> highRisk(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return children.highRiskList(PageRequest.of(page, size));
    }

    @GetMapping("/api/childhealth/worklist")
    PageResult<ChildHealth.WorkItem> worklist(@RequestParam(required = false) String status,
                                              @RequestParam(required = false, defaultValue = "false") boolean highRiskOnly,
                                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return children.worklist(status, highRiskOnly, PageRequest.of(page, size));
    }
}
