package cn.fuyou.art.web;

import cn.fuyou.art.ArtOutcomes;
import cn.fuyou.art.Couples;
import cn.fuyou.art.CycleOutcomes;
import cn.fuyou.art.CycleRecord;
import cn.fuyou.art.CycleSteps;
import cn.fuyou.art.Cycles;
import cn.fuyou.art.EmbryoTransfers;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ART cycles: the page, each step, the outcome chain, the follow-up worklist and the centre's outcome statistics. */
@RestController
class CycleController {

    private final Cycles cycles;
    private final CycleSteps steps;
    private final EmbryoTransfers transfers;
    private final CycleOutcomes outcomes;
    private final ArtOutcomes statistics;

    CycleController(Cycles cycles, CycleSteps steps, EmbryoTransfers transfers, CycleOutcomes outcomes, ArtOutcomes statistics) {
        this.cycles = cycles;
        this.steps = steps;
        this.transfers = transfers;
        this.outcomes = outcomes;
        this.statistics = statistics;
    }

    @GetMapping("/api/art/cycles")
    PageResult<Cycles.CycleListItem> list(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                                          @RequestParam(required = false) String cycleType, @RequestParam(required = false) Integer year,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return cycles.list(new Cycles.Filter(q, stage, cycleType, year), PageRequest.of(page, size));
    }

    @GetMapping("/api/art/cycles/{id}")
    CycleRecord open(@PathVariable UUID id) {
        return cycles.open(id);
    }

    @GetMapping("/api/art/follow-up")
    PageResult<Cycles.CycleListItem> followUp(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return cycles.followUp(PageRequest.of(page, size));
    }

    @PostMapping("/api/art/cycles/{id}/monitoring")
    CycleRecord monitor(@PathVariable UUID id, @Valid @RequestBody CycleSteps.MonitoringForm f) {
        return steps.monitor(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/trigger")
    CycleRecord trigger(@PathVariable UUID id, @Valid @RequestBody CycleSteps.TriggerForm f) {
        return steps.trigger(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/retrieval")
    CycleRecord retrieve(@PathVariable UUID id, @Valid @RequestBody CycleSteps.RetrievalForm f) {
        return steps.retrieve(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/fertilisation")
    CycleRecord fertilise(@PathVariable UUID id, @Valid @RequestBody CycleSteps.FertilisationForm f) {
        return steps.fertilise(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/insemination")
    CycleRecord inseminate(@PathVariable UUID id, @Valid @RequestBody CycleSteps.InseminationForm f) {
        return steps.inseminate(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/grades")
    CycleRecord grade(@PathVariable UUID id, @Valid @RequestBody CycleSteps.GradeForm f) {
        return steps.grade(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/freeze")
    CycleRecord freeze(@PathVariable UUID id, @Valid @RequestBody CycleSteps.FreezeForm f) {
        return steps.freeze(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/thaw")
    CycleRecord thaw(@PathVariable UUID id, @Valid @RequestBody CycleSteps.ThawForm f) {
        return steps.thaw(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/discard")
    CycleRecord discard(@PathVariable UUID id, @Valid @RequestBody CycleSteps.DiscardForm f) {
        return steps.discard(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/transfer")
    CycleRecord transfer(@PathVariable UUID id, @Valid @RequestBody EmbryoTransfers.TransferForm f) {
        return transfers.transfer(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/cancel")
    CycleRecord cancel(@PathVariable UUID id, @Valid @RequestBody CycleSteps.CancelForm f) {
        return steps.cancel(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/ohss")
    CycleRecord ohss(@PathVariable UUID id, @RequestBody CycleSteps.OhssForm f) {
        return steps.ohss(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/hcg")
    CycleRecord hcg(@PathVariable UUID id, @Valid @RequestBody CycleOutcomes.HcgForm f) {
        return outcomes.hcg(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/ultrasound")
    CycleRecord ultrasound(@PathVariable UUID id, @Valid @RequestBody CycleOutcomes.UltrasoundForm f) {
        return outcomes.ultrasound(id, f);
    }

    @PostMapping("/api/art/cycles/{id}/outcome")
    CycleRecord outcome(@PathVariable UUID id, @Valid @RequestBody CycleOutcomes.OutcomeForm f) {
        return outcomes.report(id, f);
    }

    @GetMapping("/api/art/outcomes")
    ArtOutcomes.Report outcomes(@RequestParam(required = false) Integer year, @RequestParam(required = false) String cycleType,
                                @RequestParam(required = false) String protocol, @RequestParam(required = false) String institution) {
        return statistics.report(new ArtOutcomes.Filter(year, blank(cycleType), blank(protocol), blank(institution)));
    }

    @GetMapping("/api/art/centres")
    List<Couples.InstitutionRef> centres() {
        return statistics.centres();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
