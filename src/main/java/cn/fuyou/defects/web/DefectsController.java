package cn.fuyou.defects.web;

import cn.fuyou.defects.DefectRegistrations;
import cn.fuyou.defects.DefectRuleSet;
import cn.fuyou.defects.FollowUps;
import cn.fuyou.defects.ParameterSets;
import cn.fuyou.defects.PreconceptionChecks;
import cn.fuyou.defects.PrenatalScreens;
import cn.fuyou.defects.RegistrationForm;
import cn.fuyou.defects.ScreenForm;
import cn.fuyou.defects.ScreeningImport;
import cn.fuyou.defects.ScreeningPolicy;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Birth defects: the pre-pregnancy check, screening results, follow-up, registration, parameter sets, the rule data. */
@RestController
class DefectsController {

    private final ScreeningPolicy policy;
    private final PrenatalScreens screens;
    private final FollowUps followUps;
    private final DefectRegistrations registrations;
    private final PreconceptionChecks checks;
    private final ParameterSets parameterSets;
    private final ScreeningImport screeningImport;

    DefectsController(ScreeningPolicy policy, PrenatalScreens screens, FollowUps followUps, DefectRegistrations registrations,
                      PreconceptionChecks checks, ParameterSets parameterSets, ScreeningImport screeningImport) {
        this.screeningImport = screeningImport;
        this.policy = policy;
        this.screens = screens;
        this.followUps = followUps;
        this.registrations = registrations;
        this.checks = checks;
        this.parameterSets = parameterSets;
    }

    record VoidForm(@NotNull @Size(min = 1, max = 500) String reason, @NotNull Long version) {}

    /** The §7 rule data the forms need: categories with ICD-10 and side, cut-offs, windows, step deadlines. */
    @GetMapping("/api/defects/rules")
    Map<String, Object> rules() {
        DefectRuleSet r = policy.rules();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", r.version());
        out.put("source", r.source());
        out.put("cutoffs", r.cutoffs());
        out.put("categories", List.copyOf(r.categories().values()));
        out.put("windows", r.windows());
        out.put("followUpSteps", FollowUps.STEPS);
        out.put("riskFactors", PreconceptionChecks.RISK_FACTORS.stream().sorted().toList());
        out.put("history", PreconceptionChecks.HISTORY.stream().sorted().toList());
        return out;
    }

    // ---- screening results ----

    @PostMapping("/api/defects/screens")
    @ResponseStatus(HttpStatus.CREATED)
    PrenatalScreens.ScreenView record(@Valid @RequestBody ScreenForm f) {
        return screens.record(f);
    }

    @GetMapping("/api/defects/screens")
    PageResult<PrenatalScreens.ScreenView> screens(@RequestParam(required = false) String q, @RequestParam(required = false) String band,
                                                   @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return screens.list(q, band, kind, PageRequest.of(page, size));
    }

    @PostMapping(value = "/api/defects/screens/import", consumes = "multipart/form-data")
    ScreeningImport.ImportReport importCsv(@RequestParam("file") org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        if (file.getSize() > 10L * 1024 * 1024) throw cn.fuyou.shared.ApiException.badField("file", "defects.import.too-many", ScreeningImport.MAX_ROWS);
        return screeningImport.importCsv(file.getBytes());
    }

    @GetMapping("/api/defects/screens/import/columns")
    Map<String, Object> importColumns() {
        return Map.of("columns", ScreeningImport.COLUMNS, "maxRows", ScreeningImport.MAX_ROWS);
    }

    @GetMapping("/api/defects/screens/{id}")
    PrenatalScreens.ScreenView screen(@PathVariable UUID id) {
        return screens.open(id);
    }

    @PostMapping("/api/defects/screens/{id}/void")
    PrenatalScreens.ScreenView voidScreen(@PathVariable UUID id, @Valid @RequestBody VoidForm f) {
        return screens.voidScreen(id, f.reason(), f.version());
    }

    @GetMapping("/api/defects/women/{womanId}")
    Map<String, Object> woman(@PathVariable UUID womanId) {
        return Map.of("preconceptionChecks", checks.forWoman(womanId), "screens", screens.forWoman(womanId));
    }

    // ---- parameter sets ----

    @GetMapping("/api/defects/parameter-sets")
    List<ParameterSets.ParameterSetView> parameterSets() {
        return parameterSets.list();
    }

    @PostMapping("/api/defects/parameter-sets")
    @ResponseStatus(HttpStatus.CREATED)
    ParameterSets.ParameterSetView createParameterSet(@Valid @RequestBody ParameterSets.NewParameterSet f) {
        return parameterSets.create(f);
    }

    // ---- follow-up ----

    @GetMapping("/api/defects/follow-ups")
    PageResult<FollowUps.FollowUpView> followUps(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return followUps.list(status, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/defects/follow-ups/{id}")
    FollowUps.FollowUpView followUp(@PathVariable UUID id) {
        return followUps.open(id);
    }

    @PostMapping("/api/defects/follow-ups/{id}/steps")
    FollowUps.FollowUpView step(@PathVariable UUID id, @Valid @RequestBody FollowUps.StepForm f) {
        return followUps.record(id, f);
    }

    // ---- registration ----

    @PostMapping("/api/defects/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    DefectRegistrations.RegistrationView register(@Valid @RequestBody RegistrationForm f) {
        return registrations.register(f);
    }

    @GetMapping("/api/defects/registrations")
    PageResult<DefectRegistrations.RegistrationView> registrations(@RequestParam(required = false) String q,
                                                                   @RequestParam(required = false) String category,
                                                                   @RequestParam(required = false) Integer page,
                                                                   @RequestParam(required = false) Integer size) {
        return registrations.list(q, category, PageRequest.of(page, size));
    }

    @GetMapping("/api/defects/registrations/{id}")
    DefectRegistrations.RegistrationView registration(@PathVariable UUID id) {
        return registrations.open(id);
    }

    @PostMapping("/api/defects/registrations/{id}/void")
    DefectRegistrations.RegistrationView voidRegistration(@PathVariable UUID id, @Valid @RequestBody VoidForm f) {
        return registrations.voidRegistration(id, f.reason(), f.version());
    }

    // ---- pre-pregnancy check ----

    @PostMapping("/api/defects/preconception-checks")
    @ResponseStatus(HttpStatus.CREATED)
    PreconceptionChecks.CheckView createCheck(@Valid @RequestBody PreconceptionChecks.CheckForm f) {
        return checks.create(f);
    }

    @PutMapping("/api/defects/preconception-checks/{id}")
    PreconceptionChecks.CheckView updateCheck(@PathVariable UUID id, @Valid @RequestBody PreconceptionChecks.CheckForm f) {
        return checks.update(id, f);
    }

    @GetMapping("/api/defects/preconception-checks")
    PageResult<PreconceptionChecks.CheckView> checks(@RequestParam(required = false) String q, @RequestParam(required = false) String assessment,
                                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return checks.list(q, assessment, PageRequest.of(page, size));
    }

    @GetMapping("/api/defects/preconception-checks/{id}")
    PreconceptionChecks.CheckView check(@PathVariable UUID id) {
        return checks.open(id);
    }
}
