package cn.fuyou.security.web;

import cn.fuyou.security.Login;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Login login;

    AuthController(Login login) {
        this.login = login;
    }

    record Credentials(@NotBlank(message = "用户名必填 / username is required") String username,
                       @NotBlank(message = "密码必填 / password is required") String password) {}

    @PostMapping("/login")
    Login.Me login(@Valid @RequestBody Credentials c, HttpServletRequest req, HttpServletResponse res) {
        return login.signIn(c.username(), c.password(), req, res);
    }

    @GetMapping("/me")
    ResponseEntity<?> me() {
        return CurrentActor.find().<ResponseEntity<?>>map(a -> ResponseEntity.ok(login.me(a)))
                .orElseGet(() -> ResponseEntity.status(401).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                        .body(java.util.Map.of("type", "urn:fuyou:problem:unauthenticated", "status", 401, "code", "unauthenticated",
                                "title", "Unauthorized", "detail", "请先登录 / sign in first")));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest req) {
        login.signOut(req);
        return ResponseEntity.noContent().build();
    }
}
