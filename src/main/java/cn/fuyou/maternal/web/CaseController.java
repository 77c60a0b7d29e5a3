package cn.fuyou.maternal.web;

import cn.fuyou.maternal.DedicatedCases;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A dedicated case's individual plan, follow-ups, transfers and the district's reviews (clinical-rules.md §1). */
@RestController
class CaseController {

    private final DedicatedCases cases;

    CaseController(DedicatedCases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/maternal/cases/{id}")
    DedicatedCases.CaseView get(@PathVariable UUID id) {
        return cases.get(id);
    }

    @PutMapping("/api/maternal/cases/{id}/plan")
    DedicatedCases.CaseView plan(@PathVariable UUID id, @Valid @RequestBody DedicatedCases.PlanForm f) {
        return cases.updatePlan(id, f);
    }

    @PostMapping("/api/maternal/cases/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    DedicatedCases.CaseView followUp(@PathVariable UUID id, @Valid @RequestBody DedicatedCases.FollowUpForm f) {
        return cases.addFollowUp(id, f);
    }
}
