package cn.fuyou.mother.web;

import cn.fuyou.mother.ActivationCodes;
import cn.fuyou.mother.Reminders;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff: a woman's app account — print an activation code at registration, see its state and her SMS outbox. */
@RestController
class MotherAccountsController {

    private final ActivationCodes codes;

    MotherAccountsController(ActivationCodes codes) {
        this.codes = codes;
    }

    @GetMapping("/api/mother-accounts/{personId}")
    ActivationCodes.Status status(@PathVariable UUID personId) {
        return codes.status(personId);
    }

    @PostMapping("/api/mother-accounts/{personId}/activation-code")
    @ResponseStatus(HttpStatus.CREATED)
    ActivationCodes.Issued issue(@PathVariable UUID personId) {
        return codes.issue(personId);
    }

    @GetMapping("/api/mother-accounts/{personId}/sms-outbox")
    List<Reminders.Outbox> outbox(@PathVariable UUID personId) {
        return codes.smsOutbox(personId);
    }
}
