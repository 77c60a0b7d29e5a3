package cn.fuyou.births.web;

import cn.fuyou.births.NewbornScreening;
import cn.fuyou.births.ScreeningForms;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Newborn screening: samples, batches, laboratory results (entered or CSV), positives, the worklist. */
@RestController
class ScreeningController {

    private final NewbornScreening screening;

    ScreeningController(NewbornScreening screening) {
        this.screening = screening;
    }

    @GetMapping("/api/screening/worklist")
    PageResult<NewbornScreening.WorkItem> worklist(@RequestParam(required = false) String status, @RequestParam(required = false) String group,
                                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return screening.worklist(status, group, PageRequest.of(page, size));
    }

    @GetMapping("/api/screening/samples")
    PageResult<NewbornScreening.Sample> samples(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return screening.samples(status, PageRequest.of(page, size));
    }

    @PostMapping("/api/screening/batches")
    @ResponseStatus(HttpStatus.CREATED)
    NewbornScreening.BatchView send(@Valid @RequestBody ScreeningForms.Batch f) {
        return screening.send(f);
    }

    @GetMapping("/api/screening/batches")
    PageResult<NewbornScreening.BatchView> batches(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return screening.batches(status, PageRequest.of(page, size));
    }

    @GetMapping("/api/screening/batches/{id}")
    NewbornScreening.BatchDetail batch(@PathVariable UUID id) {
        return screening.batchDetail(id);
    }

    @PostMapping("/api/screening/batches/{id}/receive")
    NewbornScreening.BatchView receive(@PathVariable UUID id, @Valid @RequestBody ScreeningForms.Version v) {
        return screening.receive(id, v.version());
    }

    @PostMapping("/api/screening/samples/{id}/results")
    @ResponseStatus(HttpStatus.CREATED)
    NewbornScreening.Sample results(@PathVariable UUID id, @Valid @RequestBody ScreeningForms.Results f) {
        return screening.enterResults(id, f);
    }

    /** CSV with the header {@code sample_id,analyte,value,cutoff}; all rows or none. */
    @PostMapping(value = "/api/screening/results/import", consumes = {"text/csv", "text/plain"})
    NewbornScreening.ImportReport importCsv(@RequestBody String csv) {
        return screening.importCsv(csv);
    }

    @GetMapping("/api/screening/results")
    PageResult<NewbornScreening.Sample> resultList(@RequestParam(required = false) Boolean positive, @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return screening.results(positive, PageRequest.of(page, size));
    }

    @PostMapping("/api/screening/cases/{id}/steps")
    NewbornScreening.CaseView step(@PathVariable UUID id, @Valid @RequestBody ScreeningForms.CaseStep f) {
        return screening.recordStep(id, f);
    }
}
